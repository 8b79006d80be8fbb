import { ShapeError, ValueError, randomUniform, tensor } from '@strata/tensor';
import { checkGradients } from '@strata/tensor/testing';
import { checkLayerContract } from '../testing/check-layer-contract';
import { ZeroPadding1D } from './zero-padding1d';

describe('ZeroPadding1D', () => {
  it('passes the layer contract', () => {
    checkLayerContract(() => new ZeroPadding1D(), { inputShape: [2, 3, 2], weights: 0, wrongRankShape: [2, 3] });
    checkLayerContract(() => new ZeroPadding1D({ padding: [0, 2], dataFormat: 'channels_first' }), { inputShape: [2, 3, 2], weights: 0 });
  });

  it('pads the steps axis with zeros', () => {
    expect(new ZeroPadding1D({ padding: [1, 2] }).apply(tensor([[[1], [2]]])).toArray()).toEqual([[[0], [1], [2], [0], [0]]]);
    expect(new ZeroPadding1D({ dataFormat: 'channels_first' }).apply(tensor([[[1, 2]]])).toArray()).toEqual([[[0, 1, 2, 0]]]);
  });

  it('computes output shapes with unknown sizes', () => {
    expect(new ZeroPadding1D({ padding: 2 }).computeOutputShape([null, 3, 4])).toEqual([null, 7, 4]);
    expect(new ZeroPadding1D().computeOutputShape([null, null, 4])).toEqual([null, null, 4]);
  });

  it('passes the gradient of the interior back', () => {
    checkGradients((x) => new ZeroPadding1D({ padding: [1, 2] }).apply(x), [randomUniform([2, 3, 2], { seed: 1 })]);
  });

  it('writes the Keras config', () => {
    expect(new ZeroPadding1D({ padding: 3 }).getConfig()).toMatchObject({ padding: [3, 3], data_format: 'channels_last' });
  });

  it.each([[-1, '-1'], [[1, 2, 3], '\\[1, 2, 3\\]'], [[1, -1], '\\[1, -1\\]'], [1.5, '1\\.5'], ['1', "'1'"]])('rejects padding=%p', (padding, shown) => {
    expect(() => new ZeroPadding1D({ padding: padding as never })).toThrow(ValueError);
    expect(() => new ZeroPadding1D({ padding: padding as never })).toThrow(
      new RegExp(`^ZeroPadding1D: padding must be a non-negative integer or an array of 2 non-negative integers, received padding=${shown}$`),
    );
  });

  it('rejects a bad dataFormat and inputs of another rank', () => {
    expect(() => new ZeroPadding1D({ dataFormat: 'nchw' as never })).toThrow(ValueError);
    expect(() => new ZeroPadding1D({ dataFormat: 'nchw' as never })).toThrow(/ZeroPadding1D: dataFormat must be 'channels_last' or 'channels_first', received dataFormat='nchw'/);
    expect(() => new ZeroPadding1D().apply(tensor([[1, 2]]))).toThrow(ShapeError);
  });
});
