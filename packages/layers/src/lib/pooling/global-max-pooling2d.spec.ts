import { ShapeError, arange, cast, mul, randomPermutation, reshape, transpose } from '@strata/tensor';
import { checkGradients } from '@strata/tensor/testing';
import { checkLayerContract } from '../testing/check-layer-contract';
import { GlobalMaxPooling2D } from './global-max-pooling2d';

// Two channels over a 2×3 image: channel 0 holds 0, 2, ..., 10, channel 1 holds 1, 3, ..., 11.
const X = reshape(arange(12), [1, 2, 3, 2]);

describe('GlobalMaxPooling2D', () => {
  it('passes the layer contract (default, keepdims, channels_first)', () => {
    checkLayerContract(() => new GlobalMaxPooling2D(), { inputShape: [2, 3, 4, 2], weights: 0, wrongRankShape: [3, 4, 2] });
    checkLayerContract(() => new GlobalMaxPooling2D({ keepdims: true, dataFormat: 'channels_first' }), { inputShape: [1, 2, 3, 4], weights: 0 });
  });

  it('takes the maximum over height and width per channel', () => {
    expect(new GlobalMaxPooling2D().apply(X).toArray()).toEqual([[10, 11]]);
    expect(new GlobalMaxPooling2D({ keepdims: true }).apply(X).shape).toEqual([1, 1, 1, 2]);
    const first = new GlobalMaxPooling2D({ dataFormat: 'channels_first', keepdims: true }).apply(transpose(X, [0, 3, 1, 2]));
    expect(first.toArray()).toEqual([[[[10]], [[11]]]]);
  });

  it('has gradients that agree with finite differences', () => {
    const x = mul(cast(reshape(randomPermutation(12, { seed: 2 }), [1, 2, 3, 2]), 'float32'), 0.1);
    checkGradients((xx) => new GlobalMaxPooling2D().apply(xx), [x], { eps: 1e-3 });
  });

  it('rejects inputs of another rank', () => {
    expect(() => new GlobalMaxPooling2D().apply(reshape(X, [1, 6, 2]))).toThrow(ShapeError);
    expect(() => new GlobalMaxPooling2D().apply(reshape(X, [1, 6, 2]))).toThrow(/expected ndim=4, found ndim=3/);
  });
});
