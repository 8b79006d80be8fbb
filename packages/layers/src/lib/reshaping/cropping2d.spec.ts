import { ShapeError, ValueError, randomUniform, tensor, zeros } from '@strata/tensor';
import { checkGradients } from '@strata/tensor/testing';
import fc from 'fast-check';
import { checkLayerContract } from '../testing/check-layer-contract';
import { ZeroPadding2D } from './zero-padding2d';
import { Cropping2D } from './cropping2d';

describe('Cropping2D', () => {
  it('passes the layer contract', () => {
    checkLayerContract(() => new Cropping2D({ cropping: [[1, 0], [1, 2]] }), { inputShape: [1, 4, 5, 2], weights: 0, wrongRankShape: [4, 5, 2] });
    checkLayerContract(() => new Cropping2D({ cropping: 1, dataFormat: 'channels_first' }), { inputShape: [1, 2, 4, 5], weights: 0 });
  });

  it('removes rows and columns', () => {
    const x = tensor([[[[1], [2], [3]], [[4], [5], [6]], [[7], [8], [9]]]]);
    expect(new Cropping2D({ cropping: [[1, 0], [0, 1]] }).apply(x).toArray()).toEqual([[[[4], [5]], [[7], [8]]]]);
    expect(new Cropping2D().apply(x).toArray()).toEqual(x.toArray());
    expect(new Cropping2D({ cropping: [1, 2], dataFormat: 'channels_first' }).computeOutputShape([null, 3, 4, null])).toEqual([null, 3, 2, null]);
  });

  it('undoes ZeroPadding2D (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 4, maxLength: 4 }), ([t, b, l, r]) => {
        const x = randomUniform([1, 2, 3, 2], { seed: t + 3 * b });
        const padding: [[number, number], [number, number]] = [[t, b], [l, r]];
        const y = new Cropping2D({ cropping: padding }).apply(new ZeroPadding2D({ padding }).apply(x));
        expect(y.toArray()).toEqual(x.toArray());
      }),
      { seed: 42, numRuns: 50 },
    );
  });

  it('passes the gradient back to the kept entries', () => {
    checkGradients((x) => new Cropping2D({ cropping: [[1, 0], [0, 1]] }).apply(x), [randomUniform([1, 3, 3, 2], { seed: 1 })]);
  });

  it('writes the Keras config', () => {
    expect(new Cropping2D().getConfig()).toMatchObject({ cropping: [[0, 0], [0, 0]], data_format: 'channels_last' });
    expect(new Cropping2D({ cropping: [1, [2, 3]] }).getConfig()).toMatchObject({ cropping: [[1, 1], [2, 3]] });
  });

  it.each([[-1, '-1'], [[1, 2, 3], '\\[1, 2, 3\\]'], [[[1, 2], [-1, 0]], '\\[\\[1, 2\\], \\[-1, 0\\]\\]']])('rejects cropping=%p', (cropping, shown) => {
    expect(() => new Cropping2D({ cropping: cropping as never })).toThrow(ValueError);
    expect(() => new Cropping2D({ cropping: cropping as never })).toThrow(
      new RegExp(`^Cropping2D: cropping must be a non-negative integer or an array of 2 entries, .*received cropping=${shown}$`),
    );
  });

  it('rejects a crop that leaves nothing of an axis, and a bad dataFormat', () => {
    const crop = new Cropping2D({ cropping: [[1, 1], [0, 0]], name: 'c' });
    expect(() => crop.apply(zeros([1, 2, 3, 1]))).toThrow(ShapeError);
    expect(() => crop.apply(zeros([1, 2, 3, 1]))).toThrow(
      "Cropping2D 'c': cropping must be smaller than each spatial axis of the input (1, 2, 3, 1), received cropping=[[1, 1], [0, 0]]",
    );
    expect(() => new Cropping2D({ dataFormat: 'NHWC' as never })).toThrow(ValueError);
  });
});
