import { ValueError, randomUniform, tensor } from '@strata/tensor';
import { checkGradients } from '@strata/tensor/testing';
import { checkLayerContract } from '../testing/check-layer-contract';
import { AveragePooling1D } from './average-pooling1d';

const X = tensor([[[1], [3], [2], [0], [5]]]);

describe('AveragePooling1D', () => {
  it('passes the layer contract (valid, same with strides, channels_first)', () => {
    checkLayerContract(() => new AveragePooling1D({ poolSize: 2 }), { inputShape: [2, 7, 3], weights: 0, wrongRankShape: [7, 3] });
    checkLayerContract(() => new AveragePooling1D({ poolSize: 3, strides: 2, padding: 'same' }), { inputShape: [2, 6, 2], weights: 0 });
    checkLayerContract(() => new AveragePooling1D({ poolSize: 2, strides: 1, padding: 'same', dataFormat: 'channels_first' }), { inputShape: [1, 2, 5], weights: 0 });
  });

  it('averages each window; with same padding only over the cells inside the input', () => {
    expect(new AveragePooling1D({ poolSize: 2 }).apply(X).toArray()).toEqual([[[2], [1]]]);
    expect(new AveragePooling1D({ poolSize: 2, padding: 'same' }).apply(X).toArray()).toEqual([[[2], [1], [5]]]);
    expect(new AveragePooling1D({ poolSize: 2, dataFormat: 'channels_first' }).apply(tensor([[[1, 3, 2, 0, 5]]])).toArray()).toEqual([[[2, 1]]]);
  });

  it('has gradients that agree with finite differences', () => {
    checkGradients((xx) => new AveragePooling1D({ poolSize: 3, strides: 2, padding: 'same' }).apply(xx), [randomUniform([2, 6, 2], { seed: 1 })]);
  });

  it('requires a poolSize, as Keras', () => {
    expect(() => new AveragePooling1D({})).toThrow(ValueError);
    expect(() => new AveragePooling1D({})).toThrow('AveragePooling1D: poolSize must be a positive integer or an array of 1 positive integers, received poolSize=undefined');
  });
});
