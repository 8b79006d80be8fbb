import { arange, cast, mul, randomPermutation, reshape } from '@strata/tensor';
import { checkGradients } from '@strata/tensor/testing';
import { checkLayerContract } from '../testing/check-layer-contract';
import { MaxPooling3D } from './max-pooling3d';

describe('MaxPooling3D', () => {
  it('passes the layer contract (default, same, channels_first)', () => {
    checkLayerContract(() => new MaxPooling3D(), { inputShape: [1, 4, 4, 5, 2], weights: 0, wrongRankShape: [4, 4, 5, 2] });
    checkLayerContract(() => new MaxPooling3D({ poolSize: 2, strides: 1, padding: 'same', dataFormat: 'channels_first' }), { inputShape: [1, 2, 3, 2, 3], weights: 0 });
  });

  it('takes the maximum of each 2×2×2 window', () => {
    const x = reshape(arange(16), [1, 2, 2, 2, 2]);
    // Channel 0 holds the even numbers 0..14, channel 1 the odd ones.
    expect(new MaxPooling3D().apply(x).toArray()).toEqual([[[[[14, 15]]]]]);
  });

  it('has gradients that agree with finite differences', () => {
    const x = mul(cast(reshape(randomPermutation(12, { seed: 3 }), [1, 2, 3, 2, 1]), 'float32'), 0.1);
    checkGradients((xx) => new MaxPooling3D({ padding: 'same' }).apply(xx), [x], { eps: 1e-3 });
  });
});
