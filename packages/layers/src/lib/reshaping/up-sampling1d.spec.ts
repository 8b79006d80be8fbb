import { ShapeError, ValueError, randomUniform, tensor, zeros } from '@strata/tensor';
import { checkGradients } from '@strata/tensor/testing';
import { checkLayerContract } from '../testing/check-layer-contract';
import { UpSampling1D } from './up-sampling1d';

describe('UpSampling1D', () => {
  it('passes the layer contract', () => {
    checkLayerContract(() => new UpSampling1D(), { inputShape: [2, 3, 2], weights: 0, wrongRankShape: [2, 3] });
  });

  it('repeats each step size times', () => {
    expect(new UpSampling1D({ size: 3 }).apply(tensor([[[1, 2], [3, 4]]])).toArray()).toEqual([[[1, 2], [1, 2], [1, 2], [3, 4], [3, 4], [3, 4]]]);
    expect(new UpSampling1D().computeOutputShape([null, null, 2])).toEqual([null, null, 2]);
    expect(new UpSampling1D().computeOutputShape([null, 4, 2])).toEqual([null, 8, 2]);
  });

  it('sums the gradient over the copies', () => {
    checkGradients((x) => new UpSampling1D({ size: 2 }).apply(x), [randomUniform([2, 3, 2], { seed: 1 })]);
  });

  it('writes the Keras config', () => {
    expect(new UpSampling1D({ size: 4 }).getConfig()).toMatchObject({ size: 4 });
  });

  it.each([[0, '0'], [1.5, '1\\.5'], [[2], '\\[2\\]'], [true, 'true']])('rejects size=%p', (size, shown) => {
    expect(() => new UpSampling1D({ size: size as never })).toThrow(ValueError);
    expect(() => new UpSampling1D({ size: size as never })).toThrow(new RegExp(`^UpSampling1D: size must be a positive integer, received size=${shown}$`));
  });

  it('rejects inputs of another rank', () => {
    expect(() => new UpSampling1D().apply(zeros([2, 3, 2, 1]))).toThrow(ShapeError);
  });
});
