import { randomPermutation, reshape, cast, mul, tensor } from '@strata/tensor';
import { checkGradients } from '@strata/tensor/testing';
import { checkLayerContract } from '../testing/check-layer-contract';
import { MaxPooling1D } from './max-pooling1d';

const X = tensor([[[1], [3], [2], [0], [5]]]);

describe('MaxPooling1D', () => {
  it('passes the layer contract (default, same with strides, channels_first)', () => {
    checkLayerContract(() => new MaxPooling1D(), { inputShape: [2, 7, 3], weights: 0, wrongRankShape: [7, 3] });
    checkLayerContract(() => new MaxPooling1D({ poolSize: 3, strides: 2, padding: 'same' }), { inputShape: [2, 6, 2], weights: 0 });
    checkLayerContract(() => new MaxPooling1D({ poolSize: 2, strides: 1, dataFormat: 'channels_first' }), { inputShape: [1, 2, 5], weights: 0, wrongRankShape: [2, 5] });
  });

  it('takes the maximum of each window (poolSize 2 by default)', () => {
    expect(new MaxPooling1D().apply(X).toArray()).toEqual([[[3], [2]]]);
    // 'same': ceil(5 / 2) windows, the last one holding only 5.
    expect(new MaxPooling1D({ padding: 'same' }).apply(X).toArray()).toEqual([[[3], [2], [5]]]);
    expect(new MaxPooling1D({ poolSize: 2, strides: 1 }).apply(X).toArray()).toEqual([[[3], [3], [2], [5]]]);
    expect(new MaxPooling1D({ dataFormat: 'channels_first' }).apply(tensor([[[1, 3, 2, 0, 5]]])).toArray()).toEqual([[[3, 2]]]);
  });

  it('has gradients that agree with finite differences', () => {
    // Distinct values 0.1 apart keep every window's maximum unique under the probe step.
    const x = mul(cast(reshape(randomPermutation(12, { seed: 1 }), [2, 6, 1]), 'float32'), 0.1);
    checkGradients((xx) => new MaxPooling1D({ poolSize: 3, strides: 2, padding: 'same' }).apply(xx), [x], { eps: 1e-3 });
  });
});
