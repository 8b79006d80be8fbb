import fc from 'fast-check';
import { DTypeError, ShapeError, ValueError } from '../errors';
import { checkGradients, expectClose } from '../testing/check-gradients';
import { Tensor, tensor } from '../tensor';
import { grads } from '../autodiff';
import { sum } from './reduce';
import { matmul } from './matmul';

function random(shape: number[], seed: number): Tensor {
  const n = shape.reduce((p, d) => p * d, 1);
  const data = new Float32Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    data[i] = s / 2 ** 32 - 0.5;
  }
  return new Tensor(data, shape, 'float32');
}

/** Reference 2-D product of nested arrays. */
function ref2d(a: number[][], b: number[][]): number[][] {
  return a.map((row) => b[0].map((_, j) => row.reduce((s, v, p) => s + v * b[p][j], 0)));
}

const T = (x: number[][]): number[][] => x[0].map((_, j) => x.map((row) => row[j]));

describe('matmul', () => {
  it('multiplies matrices (hand-checked)', () => {
    const y = matmul(tensor([[1, 2], [3, 4]]), tensor([[5, 6], [7, 8]]));
    expect(y.shape).toEqual([2, 2]);
    expect(y.dtype).toBe('float32');
    expect(y.toArray()).toEqual([[19, 22], [43, 50]]);
    expect(matmul(tensor([[1, 2, 3]]), tensor([[1], [0], [-1]])).toArray()).toEqual([[-2]]);
  });

  it('applies transposeA and transposeB to the last two axes', () => {
    const a = [[1, 2, 3], [4, 5, 6]]; // 2x3
    const b = [[1, -1], [2, 0], [0, 3]]; // 3x2
    const want = ref2d(a, b); // [[5, 8], [14, 14]]
    expect(want).toEqual([[5, 8], [14, 14]]);
    expect(matmul(tensor(T(a)), tensor(b), { transposeA: true }).toArray()).toEqual(want);
    expect(matmul(tensor(a), tensor(T(b)), { transposeB: true }).toArray()).toEqual(want);
    expect(matmul(tensor(T(a)), tensor(T(b)), { transposeA: true, transposeB: true }).toArray()).toEqual(want);
  });

  it('treats vectors as NumPy does', () => {
    const v = tensor([1, 2]);
    const m = tensor([[1, 2, 3], [4, 5, 6]]);
    const vv = matmul(v, tensor([3, 4]));
    expect(vv.shape).toEqual([]);
    expect(vv.item()).toBe(11);
    expect(matmul(v, m).toArray()).toEqual([9, 12, 15]); // [2] x [2, 3] -> [3]
    expect(matmul(tensor([[1, 2], [3, 4]]), v).toArray()).toEqual([5, 11]); // [2, 2] x [2] -> [2]
    // Transpose flags apply to the matrix operand only.
    // op(a) = [[1, 2], [3, 4], [5, 6]] is stored transposed; transposeB has no effect on a vector.
    const aT = tensor([[1, 3, 5], [2, 4, 6]]);
    expect(matmul(aT, v, { transposeA: true, transposeB: true }).toArray()).toEqual([5, 11, 17]);
  });

  it('broadcasts a vector against a batch of matrices', () => {
    const batch = tensor([[[1, 0], [0, 1]], [[2, 0], [0, 3]]]); // [2, 2, 2]
    const y = matmul(batch, tensor([1, 1]));
    expect(y.shape).toEqual([2, 2]);
    expect(y.toArray()).toEqual([[1, 1], [2, 3]]);
    const z = matmul(tensor([1, 1]), batch);
    expect(z.shape).toEqual([2, 2]);
    expect(z.toArray()).toEqual([[1, 1], [2, 3]]);
  });

  it('broadcasts batch dimensions: [2,1,3,4] x [5,4,6] -> [2,5,3,6]', () => {
    const a = random([2, 1, 3, 4], 1);
    const b = random([5, 4, 6], 2);
    const y = matmul(a, b);
    expect(y.shape).toEqual([2, 5, 3, 6]);
    const A = a.toArray() as number[][][][];
    const B = b.toArray() as number[][][];
    const Y = y.toArray() as number[][][][];
    for (let i = 0; i < 2; i++) {
      for (let j = 0; j < 5; j++) expectClose(tensor(Y[i][j]), tensor(ref2d(A[i][0], B[j])), 1e-5, 1e-6);
    }
  });

  it('broadcasts size-1 batch axes of either operand with transposes', () => {
    const a = random([3, 1, 4, 2], 3); // op(a): [3, 1, 2, 4]
    const b = random([1, 2, 5, 4], 4); // op(b): [1, 2, 4, 5]
    const y = matmul(a, b, { transposeA: true, transposeB: true });
    expect(y.shape).toEqual([3, 2, 2, 5]);
    const A = a.toArray() as number[][][][];
    const B = b.toArray() as number[][][][];
    const Y = y.toArray() as number[][][][];
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 2; j++) expectClose(tensor(Y[i][j]), tensor(ref2d(T(A[i][0]), T(B[0][j]))), 1e-5, 1e-6);
    }
  });

  it('applies one matrix to a batch (stacked rows) with either flag on b', () => {
    const a = random([2, 3, 4], 19);
    const A = a.toArray() as number[][][];
    for (const transposeB of [false, true]) {
      const b = random(transposeB ? [5, 4] : [4, 5], 20);
      const B = b.toArray() as number[][];
      const y = matmul(a, b, { transposeB });
      expect(y.shape).toEqual([2, 3, 5]);
      const Y = y.toArray() as number[][][];
      for (let i = 0; i < 2; i++) expectClose(tensor(Y[i]), tensor(ref2d(A[i], transposeB ? T(B) : B)), 1e-5, 1e-6);
    }
  });

  it('matches the reference on random 2-D shapes and flags (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 20 }),
        fc.boolean(),
        fc.boolean(),
        (m, n, k, tA, tB) => {
          const a = random(tA ? [k, m] : [m, k], m * 31 + k);
          const b = random(tB ? [n, k] : [k, n], n * 17 + k);
          const A = a.toArray() as number[][];
          const B = b.toArray() as number[][];
          const want = ref2d(tA ? T(A) : A, tB ? T(B) : B);
          expectClose(matmul(a, b, { transposeA: tA, transposeB: tB }), tensor(want), 1e-5, 1e-6);
        },
      ),
      { seed: 42, numRuns: 50 },
    );
  });

  it('handles empty dimensions', () => {
    expect(matmul(random([0, 3], 1), random([3, 2], 2)).shape).toEqual([0, 2]);
    expect(matmul(random([2, 0], 1), random([0, 2], 2)).toArray()).toEqual([[0, 0], [0, 0]]);
    expect(matmul(random([0, 2, 3], 1), random([3, 4], 2)).shape).toEqual([0, 2, 4]);
  });

  it('converts int32 inputs to float32', () => {
    const y = matmul(tensor([[1, 2]], undefined, 'int32'), tensor([[3], [4]], undefined, 'int32'));
    expect(y.dtype).toBe('float32');
    expect(y.toArray()).toEqual([[11]]);
  });

  it('differentiates through every transpose combination', () => {
    for (const transposeA of [false, true]) {
      for (const transposeB of [false, true]) {
        const a = random(transposeA ? [4, 3] : [3, 4], 5);
        const b = random(transposeB ? [2, 4] : [4, 2], 6);
        checkGradients((x, y) => matmul(x, y, { transposeA, transposeB }), [a, b]);
      }
    }
  });

  it('differentiates with broadcast batch dimensions', () => {
    checkGradients((x, y) => matmul(x, y), [random([2, 1, 3, 4], 7), random([5, 4, 2], 8)]);
    checkGradients((x, y) => matmul(x, y, { transposeB: true }), [random([3, 2, 4], 9), random([1, 5, 4], 10)]);
    checkGradients((x, y) => matmul(x, y, { transposeA: true }), [random([2, 4, 3], 11), random([4, 2], 12)]);
    checkGradients((x, y) => matmul(x, y), [random([2, 3, 4], 21), random([4, 2], 22)]);
    checkGradients((x, y) => matmul(x, y, { transposeB: true }), [random([2, 1, 3, 4], 23), random([2, 4], 24)]);
  });

  it('differentiates vector operands', () => {
    checkGradients((x, y) => matmul(x, y), [random([3], 13), random([3], 14)]);
    checkGradients((x, y) => matmul(x, y), [random([3], 15), random([2, 3, 4], 16)]);
    checkGradients((x, y) => matmul(x, y, { transposeA: true }), [random([3, 2], 17), random([3], 18)]);
  });

  it('gives dA = dY·Bᵀ and dB = Aᵀ·dY (hand-checked)', () => {
    const [ga, gb] = grads((x, y) => sum(matmul(x, y)))([tensor([[1, 2], [3, 4]]), tensor([[5, 6], [7, 8]])]);
    expect(ga.toArray()).toEqual([[11, 15], [11, 15]]);
    expect(gb.toArray()).toEqual([[4, 4], [6, 6]]);
  });

  it('rejects mismatched inner dimensions, naming both shapes', () => {
    const f = () => matmul(random([2, 3], 1), random([4, 5], 2));
    expect(f).toThrow(ShapeError);
    expect(f).toThrow('matmul: inner dimensions must match, received shapes (2, 3) and (4, 5)');
    const g = () => matmul(random([2, 3], 1), random([2, 3], 2), { transposeB: false });
    expect(g).toThrow(/received shapes \(2, 3\) and \(2, 3\)$/);
    const h = () => matmul(random([2, 3], 1), random([3, 2], 2), { transposeA: true });
    expect(h).toThrow(ShapeError);
    expect(h).toThrow('received shapes (2, 3) and (3, 2) with transposeA=true');
    expect(() => matmul(tensor([1, 2]), tensor([1, 2, 3]))).toThrow(/received shapes \(2,\) and \(3,\)/);
  });

  it('rejects batch dimensions that do not broadcast', () => {
    const f = () => matmul(random([2, 3, 4], 1), random([5, 4, 6], 2));
    expect(f).toThrow(ShapeError);
    expect(f).toThrow('matmul: batch dimensions must be broadcastable, received shapes (2, 3, 4) and (5, 4, 6)');
  });

  it('rejects scalars', () => {
    const f = () => matmul(tensor(2), tensor([1, 2]));
    expect(f).toThrow(ShapeError);
    expect(f).toThrow(/rank >= 1.*received shapes \(\) and \(2,\)/);
  });

  it('rejects bool tensors', () => {
    const f = () => matmul(tensor([[true]]), tensor([[1]]));
    expect(f).toThrow(DTypeError);
    expect(f).toThrow("matmul: inputs must be float32 or int32 tensors, received dtype='bool'");
  });

  it('rejects non-boolean transpose options', () => {
    const f = () => matmul(tensor([[1]]), tensor([[1]]), { transposeA: 1 as unknown as boolean });
    expect(f).toThrow(ValueError);
    expect(f).toThrow('matmul: transposeA must be a boolean, received transposeA=1');
    expect(() => matmul(tensor([[1]]), tensor([[1]]), { transposeB: 'yes' as unknown as boolean })).toThrow(
      "received transposeB='yes'",
    );
  });
});
