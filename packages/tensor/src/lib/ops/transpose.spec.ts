import * as fc from 'fast-check';
import { ValueError } from '../errors';
import { stridesOf } from '../shape';
import { checkGradients } from '../testing/check-gradients';
import { Tensor, tensor } from '../tensor';
import { arange, zeros } from './creation';
import { reshape } from './shape-ops';
import { moveAxis, transpose } from './transpose';

const seq = (...shape: number[]) => reshape(arange(shape.reduce((p, d) => p * d, 1), undefined, 1, 'float32'), shape);

// Element-by-element reference: out[i0, i1, ...] = x[index with axis perm[k] = ik].
function naiveTranspose(x: Tensor, perm: number[]): number[] {
  const outShape = perm.map((a) => x.shape[a]);
  const xs = stridesOf(x.shape);
  const n = x.size;
  const out: number[] = [];
  for (let flat = 0; flat < n; flat++) {
    let rest = flat;
    let src = 0;
    for (let k = outShape.length - 1; k >= 0; k--) {
      const i = rest % outShape[k];
      rest = Math.floor(rest / outShape[k]);
      src += i * xs[perm[k]];
    }
    out.push(x.data[src]);
  }
  return out;
}

const permutations = fc
  .array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 5 })
  .chain((shape) =>
    fc.shuffledSubarray(shape.map((_, i) => i), { minLength: shape.length, maxLength: shape.length }).map((perm) => ({ shape, perm })),
  );

describe('transpose', () => {
  it('reverses the axes by default', () => {
    expect(transpose(tensor([[1, 2, 3], [4, 5, 6]])).toArray()).toEqual([[1, 4], [2, 5], [3, 6]]);
    expect(transpose(seq(2, 3, 4)).shape).toEqual([4, 3, 2]);
    expect(transpose(tensor(3)).toArray()).toBe(3);
  });

  it('applies an explicit permutation with negative axes', () => {
    const y = transpose(seq(2, 3, 2), [2, 0, 1]);
    expect(y.shape).toEqual([2, 2, 3]);
    expect(y.toArray()).toEqual([
      [[0, 2, 4], [6, 8, 10]],
      [[1, 3, 5], [7, 9, 11]],
    ]);
    // matches keras.ops.transpose(zeros((2, 3, 4)), [-1, 0, 1]).shape == (4, 2, 3)
    expect(transpose(zeros([2, 3, 4]), [-1, 0, 1]).shape).toEqual([4, 2, 3]);
  });

  it('keeps int32 and bool dtypes', () => {
    const y = transpose(tensor([[1, 2], [3, 4]], undefined, 'int32'));
    expect(y.dtype).toBe('int32');
    expect(y.toArray()).toEqual([[1, 3], [2, 4]]);
    expect(transpose(tensor([[true, false]])).toArray()).toEqual([[true], [false]]);
  });

  it('transposes matrices larger than one tile, and batches of them', () => {
    const x = seq(70, 45);
    expect(Array.from(transpose(x).data)).toEqual(naiveTranspose(x, [1, 0]));
    const b = seq(3, 33, 40);
    expect(Array.from(transpose(b, [0, 2, 1]).data)).toEqual(naiveTranspose(b, [0, 2, 1]));
  });

  it('agrees with an element-by-element reference for any permutation (property)', () => {
    fc.assert(
      fc.property(permutations, ({ shape, perm }) => {
        const x = seq(...shape);
        const y = transpose(x, perm);
        expect(y.shape).toEqual(perm.map((a) => shape[a]));
        expect(Array.from(y.data)).toEqual(naiveTranspose(x, perm));
      }),
      { seed: 42, numRuns: 50 },
    );
  });

  it('is undone by the inverse permutation (property)', () => {
    fc.assert(
      fc.property(permutations, ({ shape, perm }) => {
        const x = seq(...shape);
        const inverse = perm.map((_, i) => perm.indexOf(i));
        const back = transpose(transpose(x, perm), inverse);
        expect(back.shape).toEqual(shape);
        expect(Array.from(back.data)).toEqual(Array.from(x.data));
      }),
      { seed: 42, numRuns: 50 },
    );
  });

  it('has the inverse permutation as its gradient', () => {
    checkGradients((x) => transpose(x), [tensor([[1, 2, 3], [4, 5, 6]])]);
    checkGradients((x) => transpose(x, [1, 2, 0]), [seq(2, 3, 2)]);
  });

  it('rejects a perm that is not a permutation', () => {
    expect(() => transpose(seq(3, 4), [0, 0])).toThrow(ValueError);
    expect(() => transpose(seq(3, 4), [0, 0])).toThrow(/transpose: perm must be a permutation of the 2 axes, received perm=\[0, 0\]/);
    expect(() => transpose(seq(3, 4), [0])).toThrow(/received perm=\[0\]/);
    expect(() => transpose(seq(3, 4), [0, 2])).toThrow(/received perm=\[0, 2\]/);
    expect(() => transpose(seq(3, 4), [0, 1.5])).toThrow(ValueError);
  });
});

describe('moveAxis', () => {
  it('moves one or several axes', () => {
    expect(moveAxis(zeros([2, 3, 4]), 0, -1).shape).toEqual([3, 4, 2]);
    // matches keras.ops.moveaxis(zeros((2, 3, 4)), [0, 1], [-1, 0]).shape == (3, 4, 2)
    expect(moveAxis(zeros([2, 3, 4]), [0, 1], [-1, 0]).shape).toEqual([3, 4, 2]);
    expect(moveAxis(tensor([[1, 2], [3, 4]]), 1, 0).toArray()).toEqual([[1, 3], [2, 4]]);
  });

  it('has a gradient', () => {
    checkGradients((x) => moveAxis(x, 2, 0), [seq(2, 2, 3)]);
  });

  it('rejects mismatched, out-of-range or repeated axes', () => {
    expect(() => moveAxis(zeros([2, 3]), [0, 1], [0])).toThrow(ValueError);
    expect(() => moveAxis(zeros([2, 3]), [0, 1], [0])).toThrow(/same number of axes, received source=\[0, 1\], destination=\[0\]/);
    expect(() => moveAxis(zeros([2, 3]), 2, 0)).toThrow(/source axes must be integers in \[-2, 1\], received source=\[2\]/);
    expect(() => moveAxis(zeros([2, 3]), [0, 1], [1, 1])).toThrow(/destination must not repeat an axis, received destination=\[1, 1\]/);
  });
});
