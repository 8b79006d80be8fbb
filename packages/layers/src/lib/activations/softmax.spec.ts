import { ShapeError, ValueError, randomUniform, sum, tensor } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import fc from 'fast-check';
import { getMask } from '../engine/masks';
import { checkLayerContract } from '../testing/check-layer-contract';
import { Softmax } from './softmax';

describe('Softmax', () => {
  const bool = (v: boolean[][]) => tensor(v, undefined, 'bool');

  it('passes the layer contract', () => {
    checkLayerContract(() => new Softmax(), { inputShape: [2, 5], weights: 0 });
    checkLayerContract(() => new Softmax({ axis: [1, 2] }), { inputShape: [2, 3, 4], weights: 0 });
  });

  it('normalizes along the axis', () => {
    const e = [Math.exp(1), Math.exp(2), Math.exp(3)];
    const s = e[0] + e[1] + e[2];
    expectClose(new Softmax().apply(tensor([[1, 2, 3]])), [[e[0] / s, e[1] / s, e[2] / s]]);
    expectClose(new Softmax({ axis: 0 }).apply(tensor([[1, 1], [1, 1]])), [[0.5, 0.5], [0.5, 0.5]]);
  });

  it('sums to 1 along each row, and along several axes together (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), (seed) => {
        const x = randomUniform([2, 3, 4], { minval: -5, maxval: 5, seed });
        expectClose(sum(new Softmax().apply(x), -1), [[1, 1, 1], [1, 1, 1]], 1e-5, 1e-6);
        expectClose(sum(new Softmax({ axis: [1, 2] }).apply(x), [1, 2]), [1, 1], 1e-5, 1e-6);
      }),
      { seed: 42, numRuns: 50 },
    );
  });

  it('gives masked positions probability 0 and a fully masked row zeros, as Keras', () => {
    const y = new Softmax().apply(tensor([[1, 2, 3], [1, 2, 3]]), { mask: bool([[true, false, true], [false, false, false]]) });
    const e = Math.exp(1) + Math.exp(3);
    expectClose(y, [[Math.exp(1) / e, 0, Math.exp(3) / e], [0, 0, 0]]);
  });

  it('reads a numeric mask as > 0.5 and broadcasts a smaller mask; the mask passes through', () => {
    const mask = tensor([[1], [0.2]]); // (2, 1) against (1, 2, 2)
    const y = new Softmax().apply(tensor([[[1, 1], [5, 7]]]), { mask });
    expectClose(y, [[[0.5, 0.5], [0, 0]]]);
    expect(getMask(y)).toBe(mask);
  });

  it('has the softmax gradient, also with a mask', () => {
    const x = randomUniform([2, 4], { minval: -1, maxval: 1, seed: 5 });
    checkGradients((v) => new Softmax().apply(v), [x]);
    checkGradients((v) => new Softmax().apply(v, { mask: bool([[true, true, false, true], [false, true, true, true]]) }), [x]);
  });

  it('writes the Keras config', () => {
    expect(new Softmax().getConfig()).toMatchObject({ axis: -1 });
    expect(new Softmax({ axis: [1, 2] }).getConfig()).toMatchObject({ axis: [1, 2] });
  });

  it.each([[1.5, '1\\.5'], [[], '\\[\\]'], [[1, 'a'], "\\[1, 'a'\\]"], ['1', "'1'"]])('rejects axis=%p', (axis, shown) => {
    expect(() => new Softmax({ axis: axis as never })).toThrow(ValueError);
    expect(() => new Softmax({ axis: axis as never })).toThrow(
      new RegExp(`^Softmax: axis must be an integer or a non-empty array of integers, received axis=${shown}$`),
    );
  });

  it('rejects a mask that does not broadcast to the inputs', () => {
    const s = new Softmax({ name: 's' });
    expect(() => s.apply(tensor([[1, 2, 3]]), { mask: bool([[true, false]]) })).toThrow(ShapeError);
    expect(() => s.apply(tensor([[1, 2, 3]]), { mask: bool([[true, false]]) })).toThrow(
      "Softmax 's': the mask must broadcast to the inputs (each mask axis 1 or the input's size, no extra axes), received inputs.shape=(1, 3), mask.shape=(1, 2)",
    );
    expect(() => s.apply(tensor([1, 2]), { mask: bool([[true, false]]) })).toThrow(ShapeError);
    expect(() => s.apply(tensor([1, 2]), { mask: [null] })).toThrow(ValueError);
  });
});
