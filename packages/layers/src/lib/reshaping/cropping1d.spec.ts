import { ShapeError, ValueError, randomUniform, tensor, zeros } from '@strata/tensor';
import { checkGradients } from '@strata/tensor/testing';
import { input } from '../core/input-layer';
import { checkLayerContract } from '../testing/check-layer-contract';
import { Cropping1D } from './cropping1d';

describe('Cropping1D', () => {
  it('passes the layer contract', () => {
    checkLayerContract(() => new Cropping1D(), { inputShape: [2, 5, 2], weights: 0, wrongRankShape: [2, 5] });
    checkLayerContract(() => new Cropping1D({ cropping: [0, 2] }), { inputShape: [2, 5, 2], weights: 0 });
  });

  it('removes steps at both ends', () => {
    expect(new Cropping1D({ cropping: [1, 2] }).apply(tensor([[[1], [2], [3], [4], [5]]])).toArray()).toEqual([[[2], [3]]]);
    expect(new Cropping1D().computeOutputShape([null, null, 3])).toEqual([null, null, 3]);
    expect(new Cropping1D().apply(input({ shape: [6, 3] })).shape).toEqual([null, 4, 3]);
  });

  it('passes the gradient back to the kept steps', () => {
    checkGradients((x) => new Cropping1D({ cropping: [1, 0] }).apply(x), [randomUniform([2, 3, 2], { seed: 1 })]);
  });

  it('writes the Keras config', () => {
    expect(new Cropping1D({ cropping: 2 }).getConfig()).toMatchObject({ cropping: [2, 2] });
    expect(new Cropping1D().getConfig()).not.toHaveProperty('data_format');
  });

  it.each([[-1, '-1'], [[1], '\\[1\\]'], [[0, 0.5], '\\[0, 0\\.5\\]']])('rejects cropping=%p', (cropping, shown) => {
    expect(() => new Cropping1D({ cropping: cropping as never })).toThrow(ValueError);
    expect(() => new Cropping1D({ cropping: cropping as never })).toThrow(
      new RegExp(`^Cropping1D: cropping must be a non-negative integer or an array of 2 non-negative integers, received cropping=${shown}$`),
    );
  });

  it('rejects a crop that leaves no step, and inputs of another rank', () => {
    const crop = new Cropping1D({ cropping: [2, 1], name: 'c' });
    expect(() => crop.apply(zeros([1, 3, 2]))).toThrow(ShapeError);
    expect(() => crop.apply(zeros([1, 3, 2]))).toThrow("Cropping1D 'c': cropping must be smaller than each spatial axis of the input (1, 3, 2), received cropping=[2, 1]");
    expect(() => crop.computeOutputShape([null, 3, 2])).toThrow("Cropping1D 'c': cropping must be smaller than each spatial axis of the input (None, 3, 2), received cropping=[2, 1]");
    expect(() => new Cropping1D().apply(zeros([3, 4]))).toThrow(ShapeError);
  });
});
