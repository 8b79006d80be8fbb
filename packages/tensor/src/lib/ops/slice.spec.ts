import * as fc from 'fast-check';
import { ShapeError, ValueError } from '../errors';
import { checkGradients } from '../testing/check-gradients';
import { tensor } from '../tensor';
import { arange } from './creation';
import { reshape } from './shape-ops';
import { flip, slice } from './slice';

const seq = (...shape: number[]) => reshape(arange(shape.reduce((p, d) => p * d, 1), undefined, 1, 'float32'), shape);

describe('slice', () => {
  it('takes a block, with -1 meaning to the end', () => {
    const x = tensor([[1, 2, 3], [4, 5, 6]]);
    expect(slice(x, [0, 1], [-1, 2]).toArray()).toEqual([[2, 3], [5, 6]]);
    expect(slice(x, [1, 0], [1, 3]).toArray()).toEqual([[4, 5, 6]]);
    // matches keras.ops.slice(arange(12).reshape(3, 4), [1, 1], [-1, 2])
    expect(slice(seq(3, 4), [1, 1], [-1, 2]).toArray()).toEqual([[5, 6], [9, 10]]);
    expect(slice(seq(2, 3, 4), [1, 1, 1], [1, 2, 2]).toArray()).toEqual([[[17, 18], [21, 22]]]);
  });

  it('returns empty blocks and the whole tensor', () => {
    const x = seq(2, 3);
    expect(slice(x, [2, 0], [-1, -1]).shape).toEqual([0, 3]);
    expect(slice(x, [0, 0], [2, 3])).toBe(x);
    expect(slice(tensor(4), [], []).toArray()).toBe(4);
  });

  it('keeps the dtype', () => {
    const y = slice(tensor([1, 2, 3], undefined, 'int32'), [1], [2]);
    expect(y.dtype).toBe('int32');
    expect(y.toArray()).toEqual([2, 3]);
  });

  it('pads the gradient back', () => {
    checkGradients((x) => slice(x, [1, 0], [1, 2]), [seq(3, 3)]);
    checkGradients((x) => slice(x, [0, 1, 1], [2, -1, 1]), [seq(2, 3, 3)]);
  });

  it('rejects bad begin and size', () => {
    const x = seq(3, 4);
    expect(() => slice(x, [0], [1, 1])).toThrow(ValueError);
    expect(() => slice(x, [0], [1, 1])).toThrow(/slice: begin must have one entry per axis of \(3, 4\), received begin=\[0\]/);
    expect(() => slice(x, [0, 0], [1])).toThrow(/size must have one entry per axis of \(3, 4\), received size=\[1\]/);
    expect(() => slice(x, [-1, 0], [1, 1])).toThrow(ValueError);
    expect(() => slice(x, [-1, 0], [1, 1])).toThrow(/begin must hold integers in \[0, dim\].*received begin=\[-1, 0\]/);
    expect(() => slice(x, [4, 0], [0, 1])).toThrow(/received begin=\[4, 0\]/);
    expect(() => slice(x, [0, 0], [1, -2])).toThrow(ValueError);
    expect(() => slice(x, [0, 0], [1, -2])).toThrow(/size must hold non-negative integers or -1, received size=\[1, -2\]/);
    // keras.ops.slice on JAX clamps begin here (returns rows 1-2, columns 2-3); Strata refuses.
    expect(() => slice(x, [2, 3], [2, 2])).toThrow(ShapeError);
    expect(() => slice(x, [2, 3], [2, 2])).toThrow(
      /begin \+ size must not exceed the shape \(3, 4\), received begin=\[2, 3\], size=\[2, 2\]/,
    );
  });
});

describe('flip', () => {
  it('reverses one, several or all axes', () => {
    expect(flip(tensor([[1, 2], [3, 4]]), 1).toArray()).toEqual([[2, 1], [4, 3]]);
    expect(flip(tensor([[1, 2], [3, 4]]), -2).toArray()).toEqual([[3, 4], [1, 2]]);
    // matches keras.ops.flip(arange(12).reshape(3, 4))
    expect(flip(seq(3, 4)).toArray()).toEqual([[11, 10, 9, 8], [7, 6, 5, 4], [3, 2, 1, 0]]);
    // matches keras.ops.flip(arange(8).reshape(2, 2, 2), axis=(0, 2))
    expect(flip(seq(2, 2, 2), [0, 2]).toArray()).toEqual([[[5, 4], [7, 6]], [[1, 0], [3, 2]]]);
    expect(flip(tensor(3)).toArray()).toBe(3);
  });

  it('is its own inverse (property)', () => {
    const cases = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }).chain((shape) =>
      fc.subarray(shape.map((_, i) => i)).map((axes) => ({ shape, axes })),
    );
    fc.assert(
      fc.property(cases, ({ shape, axes }) => {
        const x = seq(...shape);
        expect(Array.from(flip(flip(x, axes), axes).data)).toEqual(Array.from(x.data));
      }),
      { seed: 42, numRuns: 50 },
    );
  });

  it('flips the gradient', () => {
    checkGradients((x) => flip(x, 0), [seq(3, 2)]);
    checkGradients((x) => flip(x), [seq(2, 3)]);
  });

  it('rejects bad axes', () => {
    expect(() => flip(seq(2, 2), 2)).toThrow(ValueError);
    expect(() => flip(seq(2, 2), 2)).toThrow(/flip: axis must be an integer in \[-2, 1\], received axis=2/);
    expect(() => flip(tensor(1), 0)).toThrow(/flip: a scalar has no axis to flip, received axis=0/);
  });
});
