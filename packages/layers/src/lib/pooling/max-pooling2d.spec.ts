import { arange, cast, mul, randomPermutation, reshape, transpose } from '@strata/tensor';
import { checkGradients } from '@strata/tensor/testing';
import { input } from '../core/input-layer';
import { checkLayerContract } from '../testing/check-layer-contract';
import { MaxPooling2D } from './max-pooling2d';

// A 4×4 image holding 1..16.
const IMAGE = reshape(arange(1, 17), [1, 4, 4, 1]);

describe('MaxPooling2D', () => {
  it('passes the layer contract (default, same with strides, channels_first)', () => {
    checkLayerContract(() => new MaxPooling2D(), { inputShape: [1, 5, 4, 2], weights: 0, wrongRankShape: [5, 4, 2] });
    checkLayerContract(() => new MaxPooling2D({ poolSize: [3, 2], strides: [2, 1], padding: 'same' }), { inputShape: [1, 5, 5, 2], weights: 0 });
    checkLayerContract(() => new MaxPooling2D({ padding: 'same', dataFormat: 'channels_first' }), { inputShape: [1, 2, 5, 3], weights: 0 });
  });

  it('takes the maximum of each 2×2 window', () => {
    expect(new MaxPooling2D().apply(IMAGE).toArray()).toEqual([[[[6], [8]], [[14], [16]]]]);
    expect(new MaxPooling2D({ poolSize: 3, strides: 1 }).apply(IMAGE).toArray()).toEqual([[[[11], [12]], [[15], [16]]]]);
    const first = new MaxPooling2D({ dataFormat: 'channels_first' }).apply(transpose(IMAGE, [0, 3, 1, 2]));
    expect(first.toArray()).toEqual([[[[6, 8], [14, 16]]]]);
  });

  it('halves a symbolic image', () => {
    expect(new MaxPooling2D().apply(input({ shape: [28, 28, 8] })).shape).toEqual([null, 14, 14, 8]);
  });

  it('has gradients that agree with finite differences', () => {
    const x = mul(cast(reshape(randomPermutation(18, { seed: 2 }), [1, 3, 3, 2]), 'float32'), 0.1);
    checkGradients((xx) => new MaxPooling2D({ padding: 'same', strides: 1 }).apply(xx), [x], { eps: 1e-3 });
  });
});
