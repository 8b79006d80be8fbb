import { ShapeError, arange, cast, mul, randomPermutation, reshape } from '@strata/tensor';
import { checkGradients } from '@strata/tensor/testing';
import { checkLayerContract } from '../testing/check-layer-contract';
import { GlobalMaxPooling3D } from './global-max-pooling3d';

describe('GlobalMaxPooling3D', () => {
  it('passes the layer contract (default, keepdims, channels_first)', () => {
    checkLayerContract(() => new GlobalMaxPooling3D(), { inputShape: [1, 2, 3, 2, 2], weights: 0, wrongRankShape: [2, 3, 2, 2] });
    checkLayerContract(() => new GlobalMaxPooling3D({ keepdims: true, dataFormat: 'channels_first' }), { inputShape: [1, 2, 2, 3, 2], weights: 0 });
  });

  it('takes the maximum over depth, height and width per channel', () => {
    const x = reshape(arange(16), [1, 2, 2, 2, 2]);
    expect(new GlobalMaxPooling3D().apply(x).toArray()).toEqual([[14, 15]]);
    expect(new GlobalMaxPooling3D({ dataFormat: 'channels_first' }).apply(x).toArray()).toEqual([[7, 15]]);
    expect(new GlobalMaxPooling3D({ keepdims: true }).computeOutputShape([null, 4, 4, 4, 3])).toEqual([null, 1, 1, 1, 3]);
  });

  it('has gradients that agree with finite differences', () => {
    const x = mul(cast(reshape(randomPermutation(12, { seed: 3 }), [1, 2, 3, 1, 2]), 'float32'), 0.1);
    checkGradients((xx) => new GlobalMaxPooling3D().apply(xx), [x], { eps: 1e-3 });
  });

  it('rejects inputs of another rank', () => {
    expect(() => new GlobalMaxPooling3D().apply(arange(4))).toThrow(ShapeError);
    expect(() => new GlobalMaxPooling3D().apply(arange(4))).toThrow(/expected ndim=5, found ndim=1/);
  });
});
