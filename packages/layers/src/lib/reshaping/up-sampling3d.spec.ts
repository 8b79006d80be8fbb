import { ShapeError, ValueError, randomUniform, tensor, zeros } from '@strata/tensor';
import { checkGradients } from '@strata/tensor/testing';
import { checkLayerContract } from '../testing/check-layer-contract';
import { UpSampling3D } from './up-sampling3d';

describe('UpSampling3D', () => {
  it('passes the layer contract', () => {
    checkLayerContract(() => new UpSampling3D(), { inputShape: [1, 2, 1, 2, 2], weights: 0, wrongRankShape: [1, 2, 2, 2] });
    checkLayerContract(() => new UpSampling3D({ size: [1, 2, 3], dataFormat: 'channels_first' }), { inputShape: [1, 2, 2, 1, 2], weights: 0 });
  });

  it('repeats entries along each spatial axis', () => {
    const y = new UpSampling3D({ size: [2, 1, 2] }).apply(tensor([[[[[1], [2]]]]]));
    expect(y.toArray()).toEqual([[[[[1], [1], [2], [2]]], [[[1], [1], [2], [2]]]]]);
    expect(new UpSampling3D({ size: 3, dataFormat: 'channels_first' }).computeOutputShape([null, 4, 1, null, 2])).toEqual([null, 4, 3, null, 6]);
  });

  it('sums the gradient over the copies', () => {
    checkGradients((x) => new UpSampling3D({ size: [1, 2, 2] }).apply(x), [randomUniform([1, 2, 2, 1, 2], { seed: 1 })]);
  });

  it('writes the Keras config', () => {
    expect(new UpSampling3D().getConfig()).toMatchObject({ size: [2, 2, 2], data_format: 'channels_last' });
  });

  it.each([[0, '0'], [[1, 2], '\\[1, 2\\]'], [[1, 0, 1], '\\[1, 0, 1\\]']])('rejects size=%p', (size, shown) => {
    expect(() => new UpSampling3D({ size: size as never })).toThrow(ValueError);
    expect(() => new UpSampling3D({ size: size as never })).toThrow(
      new RegExp(`^UpSampling3D: size must be a positive integer or an array of 3 positive integers, received size=${shown}$`),
    );
  });

  it('rejects inputs of another rank', () => {
    expect(() => new UpSampling3D().apply(zeros([1, 2, 2, 2]))).toThrow(ShapeError);
  });
});
