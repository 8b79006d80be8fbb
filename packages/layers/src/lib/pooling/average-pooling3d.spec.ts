import { ValueError, arange, randomUniform, reshape } from '@strata/tensor';
import { checkGradients } from '@strata/tensor/testing';
import { checkLayerContract } from '../testing/check-layer-contract';
import { AveragePooling3D } from './average-pooling3d';

describe('AveragePooling3D', () => {
  it('passes the layer contract (valid, same, channels_first)', () => {
    checkLayerContract(() => new AveragePooling3D({ poolSize: 2 }), { inputShape: [1, 4, 4, 5, 2], weights: 0, wrongRankShape: [4, 4, 5, 2] });
    checkLayerContract(() => new AveragePooling3D({ poolSize: 2, strides: 1, padding: 'same', dataFormat: 'channels_first' }), { inputShape: [1, 2, 3, 2, 3], weights: 0 });
  });

  it('averages each 2×2×2 window', () => {
    const x = reshape(arange(16), [1, 2, 2, 2, 2]);
    // Mean of the even numbers 0..14 and of the odd ones 1..15.
    expect(new AveragePooling3D({ poolSize: 2 }).apply(x).toArray()).toEqual([[[[[7, 8]]]]]);
  });

  it('has gradients that agree with finite differences', () => {
    checkGradients((xx) => new AveragePooling3D({ poolSize: [1, 2, 2], padding: 'same' }).apply(xx), [randomUniform([1, 2, 3, 2, 1], { seed: 1 })]);
  });

  it('requires a poolSize, as Keras', () => {
    expect(() => new AveragePooling3D({})).toThrow(ValueError);
    expect(() => new AveragePooling3D({})).toThrow(/AveragePooling3D: poolSize must be a positive integer or an array of 3 positive integers/);
  });
});
