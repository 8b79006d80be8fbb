import { ShapeError, ValueError, ones, randomUniform, sum } from '@strata/tensor';
import { checkGradients } from '@strata/tensor/testing';
import { checkLayerContract } from '../testing/check-layer-contract';
import { ZeroPadding3D } from './zero-padding3d';

describe('ZeroPadding3D', () => {
  it('passes the layer contract', () => {
    checkLayerContract(() => new ZeroPadding3D(), { inputShape: [1, 2, 2, 1, 2], weights: 0, wrongRankShape: [1, 2, 2, 2] });
    checkLayerContract(() => new ZeroPadding3D({ padding: [[0, 1], 2, [1, 0]], dataFormat: 'channels_first' }), { inputShape: [1, 2, 1, 2, 2], weights: 0 });
  });

  it('pads the three spatial axes with zeros', () => {
    const y = new ZeroPadding3D({ padding: [1, 0, 2] }).apply(ones([1, 2, 2, 2, 1]));
    expect(y.shape).toEqual([1, 4, 2, 6, 1]);
    expect(sum(y).item()).toBe(8);
    expect(new ZeroPadding3D({ padding: 1, dataFormat: 'channels_first' }).computeOutputShape([null, 3, 2, null, 2])).toEqual([null, 3, 4, null, 4]);
  });

  it('passes the gradient of the interior back', () => {
    checkGradients((x) => new ZeroPadding3D({ padding: [[1, 0], [0, 1], 0] }).apply(x), [randomUniform([1, 2, 2, 1, 2], { seed: 1 })]);
  });

  it('writes the Keras config', () => {
    expect(new ZeroPadding3D().getConfig()).toMatchObject({ padding: [[1, 1], [1, 1], [1, 1]], data_format: 'channels_last' });
  });

  it.each([[[1, 2], '\\[1, 2\\]'], [[1, 2, [3]], '\\[1, 2, \\[3\\]\\]'], [-2, '-2']])('rejects padding=%p', (padding, shown) => {
    expect(() => new ZeroPadding3D({ padding: padding as never })).toThrow(ValueError);
    expect(() => new ZeroPadding3D({ padding: padding as never })).toThrow(
      new RegExp(`^ZeroPadding3D: padding must be a non-negative integer or an array of 3 entries, .*received padding=${shown}$`),
    );
  });

  it('rejects inputs of another rank', () => {
    expect(() => new ZeroPadding3D().apply(ones([1, 2, 2, 2]))).toThrow(ShapeError);
  });
});
