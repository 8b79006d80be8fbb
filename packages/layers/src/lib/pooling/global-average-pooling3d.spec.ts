import { ShapeError, arange, randomUniform, reshape } from '@strata/tensor';
import { checkGradients } from '@strata/tensor/testing';
import { checkLayerContract } from '../testing/check-layer-contract';
import { GlobalAveragePooling3D } from './global-average-pooling3d';

describe('GlobalAveragePooling3D', () => {
  it('passes the layer contract (default, keepdims, channels_first)', () => {
    checkLayerContract(() => new GlobalAveragePooling3D(), { inputShape: [1, 2, 3, 2, 2], weights: 0, wrongRankShape: [2, 3, 2, 2] });
    checkLayerContract(() => new GlobalAveragePooling3D({ keepdims: true, dataFormat: 'channels_first' }), { inputShape: [1, 2, 2, 3, 2], weights: 0 });
  });

  it('averages over depth, height and width per channel', () => {
    const x = reshape(arange(16), [1, 2, 2, 2, 2]);
    expect(new GlobalAveragePooling3D().apply(x).toArray()).toEqual([[7, 8]]);
    expect(new GlobalAveragePooling3D({ dataFormat: 'channels_first' }).apply(x).toArray()).toEqual([[3.5, 11.5]]);
  });

  it('has gradients that agree with finite differences', () => {
    checkGradients((xx) => new GlobalAveragePooling3D().apply(xx), [randomUniform([1, 2, 2, 1, 3], { seed: 1 })]);
  });

  it('rejects inputs of another rank', () => {
    expect(() => new GlobalAveragePooling3D().apply(arange(4))).toThrow(ShapeError);
    expect(() => new GlobalAveragePooling3D().apply(arange(4))).toThrow(/expected ndim=5, found ndim=1/);
  });
});
