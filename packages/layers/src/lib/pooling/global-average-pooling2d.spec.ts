import { ShapeError, arange, randomUniform, reshape, transpose } from '@strata/tensor';
import { checkGradients } from '@strata/tensor/testing';
import { checkLayerContract } from '../testing/check-layer-contract';
import { GlobalAveragePooling2D } from './global-average-pooling2d';

// Two channels over a 2×3 image: channel 0 holds 0, 2, ..., 10, channel 1 holds 1, 3, ..., 11.
const X = reshape(arange(12), [1, 2, 3, 2]);

describe('GlobalAveragePooling2D', () => {
  it('passes the layer contract (default, keepdims, channels_first)', () => {
    checkLayerContract(() => new GlobalAveragePooling2D(), { inputShape: [2, 3, 4, 2], weights: 0, wrongRankShape: [3, 4, 2] });
    checkLayerContract(() => new GlobalAveragePooling2D({ keepdims: true, dataFormat: 'channels_first' }), { inputShape: [1, 2, 3, 4], weights: 0 });
  });

  it('averages over height and width per channel', () => {
    expect(new GlobalAveragePooling2D().apply(X).toArray()).toEqual([[5, 6]]);
    expect(new GlobalAveragePooling2D({ keepdims: true }).apply(X).toArray()).toEqual([[[[5, 6]]]]);
    expect(new GlobalAveragePooling2D({ dataFormat: 'channels_first' }).apply(transpose(X, [0, 3, 1, 2])).toArray()).toEqual([[5, 6]]);
  });

  it('has gradients that agree with finite differences', () => {
    checkGradients((xx) => new GlobalAveragePooling2D({ keepdims: true }).apply(xx), [randomUniform([2, 2, 3, 2], { seed: 1 })]);
  });

  it('rejects inputs of another rank', () => {
    expect(() => new GlobalAveragePooling2D().apply(reshape(X, [1, 6, 2]))).toThrow(ShapeError);
    expect(() => new GlobalAveragePooling2D().apply(reshape(X, [1, 6, 2]))).toThrow(/expected ndim=4, found ndim=3/);
  });
});
