import { ValueError, arange, randomUniform, reshape } from '@strata/tensor';
import { checkGradients } from '@strata/tensor/testing';
import { checkLayerContract } from '../testing/check-layer-contract';
import { AveragePooling2D } from './average-pooling2d';

// A 4×4 image holding 1..16.
const IMAGE = reshape(arange(1, 17), [1, 4, 4, 1]);

describe('AveragePooling2D', () => {
  it('passes the layer contract (valid, same with strides, channels_first)', () => {
    checkLayerContract(() => new AveragePooling2D({ poolSize: 2 }), { inputShape: [1, 5, 4, 2], weights: 0, wrongRankShape: [5, 4, 2] });
    checkLayerContract(() => new AveragePooling2D({ poolSize: [3, 2], strides: [2, 1], padding: 'same' }), { inputShape: [1, 5, 5, 2], weights: 0 });
    checkLayerContract(() => new AveragePooling2D({ poolSize: 2, padding: 'same', dataFormat: 'channels_first' }), { inputShape: [1, 2, 5, 3], weights: 0 });
  });

  it('averages each 2×2 window', () => {
    expect(new AveragePooling2D({ poolSize: 2 }).apply(IMAGE).toArray()).toEqual([[[[3.5], [5.5]], [[11.5], [13.5]]]]);
    // 'same', poolSize 3, stride 2: one padded cell after, so windows cover rows/cols {0, 1, 2} and {2, 3};
    // each mean counts only the cells inside the image.
    expect(new AveragePooling2D({ poolSize: 3, strides: 2, padding: 'same' }).apply(IMAGE).toArray()).toEqual([[[[6], [7.5]], [[12], [13.5]]]]);
  });

  it('has gradients that agree with finite differences', () => {
    checkGradients((xx) => new AveragePooling2D({ poolSize: 2, strides: 1, padding: 'same' }).apply(xx), [randomUniform([1, 3, 3, 2], { seed: 1 })]);
  });

  it('requires a poolSize, as Keras', () => {
    expect(() => new AveragePooling2D({ strides: 2 })).toThrow(ValueError);
    expect(() => new AveragePooling2D({ strides: 2 })).toThrow(/AveragePooling2D: poolSize must be a positive integer .*received poolSize=undefined/);
  });
});
