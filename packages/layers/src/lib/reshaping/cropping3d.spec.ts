import { ShapeError, ValueError, randomUniform, zeros } from '@strata/tensor';
import { checkGradients } from '@strata/tensor/testing';
import { checkLayerContract } from '../testing/check-layer-contract';
import { Cropping3D } from './cropping3d';

describe('Cropping3D', () => {
  it('passes the layer contract', () => {
    checkLayerContract(() => new Cropping3D(), { inputShape: [1, 3, 4, 5, 2], weights: 0, wrongRankShape: [1, 3, 4, 5] });
    checkLayerContract(() => new Cropping3D({ cropping: [[0, 1], 0, [2, 1]], dataFormat: 'channels_first' }), { inputShape: [1, 2, 3, 2, 4], weights: 0 });
  });

  it('removes entries on the three spatial axes', () => {
    const x = randomUniform([1, 3, 3, 3, 1], { seed: 1 });
    const y = new Cropping3D({ cropping: [[1, 1], [0, 2], [2, 0]] }).apply(x);
    const v = x.toArray() as number[][][][][];
    expect(y.toArray()).toEqual([[[[[v[0][1][0][2][0]]]]]]);
    expect(new Cropping3D({ cropping: 1 }).computeOutputShape([null, 3, null, 4, 2])).toEqual([null, 1, null, 2, 2]);
  });

  it('passes the gradient back to the kept entries', () => {
    checkGradients((x) => new Cropping3D({ cropping: [[1, 0], 0, [0, 1]] }).apply(x), [randomUniform([1, 2, 2, 2, 2], { seed: 1 })]);
  });

  it('writes the Keras config', () => {
    expect(new Cropping3D().getConfig()).toMatchObject({ cropping: [[1, 1], [1, 1], [1, 1]], data_format: 'channels_last' });
  });

  it.each([[[1, 2], '\\[1, 2\\]'], [1.5, '1\\.5']])('rejects cropping=%p', (cropping, shown) => {
    expect(() => new Cropping3D({ cropping: cropping as never })).toThrow(ValueError);
    expect(() => new Cropping3D({ cropping: cropping as never })).toThrow(
      new RegExp(`^Cropping3D: cropping must be a non-negative integer or an array of 3 entries, .*received cropping=${shown}$`),
    );
  });

  it('rejects a crop that leaves nothing of an axis', () => {
    expect(() => new Cropping3D({ name: 'c', dataFormat: 'channels_first' }).apply(zeros([1, 1, 3, 2, 3]))).toThrow(ShapeError);
    expect(() => new Cropping3D({ name: 'c' }).computeOutputShape([null, 3, 2, 3, 1])).toThrow(
      "Cropping3D 'c': cropping must be smaller than each spatial axis of the input (None, 3, 2, 3, 1), received cropping=[[1, 1], [1, 1], [1, 1]]",
    );
  });
});
