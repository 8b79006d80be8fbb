import fc from 'fast-check';
import { ShapeError } from '../errors';
import { broadcastShapes, sizeOf, stridesOf } from '../shape';
import { Tensor, TensorLike, tensor } from '../tensor';
import { checkGradients, expectClose } from '../testing/check-gradients';
import { grad, grads } from '../autodiff';
import { add, div, mul, neg, sub } from './arithmetic';
import { maximum, minimum, mod, pow, squaredDifference } from './math-binary';
import { sum } from './reduce';
import { broadcastTo } from './shape-ops';

const int = (v: number[] | number[][]) => tensor(v, undefined, 'int32');

describe('add, sub, mul, div: broadcasting goldens', () => {
  const a = tensor([[1, 2, 3], [4, 5, 6]]);

  it('broadcasts [2, 3] with [3]', () => {
    const b = tensor([10, 20, 30]);
    expect(add(a, b).toArray()).toEqual([[11, 22, 33], [14, 25, 36]]);
    expect(sub(a, b).toArray()).toEqual([[-9, -18, -27], [-6, -15, -24]]);
    expect(mul(a, b).toArray()).toEqual([[10, 40, 90], [40, 100, 180]]);
    expect(div(b, a).toArray()).toEqual([[10, 10, 10], [2.5, 4, 5]]);
  });

  it('broadcasts [2, 1] with [1, 3] to [2, 3]', () => {
    const col = tensor([[1], [2]]);
    const row = tensor([[10, 20, 30]]);
    const y = add(col, row);
    expect(y.shape).toEqual([2, 3]);
    expect(y.toArray()).toEqual([[11, 21, 31], [12, 22, 32]]);
    expect(sub(row, col).toArray()).toEqual([[9, 19, 29], [8, 18, 28]]);
    expect(mul(col, row).toArray()).toEqual([[10, 20, 30], [20, 40, 60]]);
  });

  it('broadcasts scalars, JS numbers and rank-0 tensors, on either side', () => {
    expect(add(a, 1).toArray()).toEqual([[2, 3, 4], [5, 6, 7]]);
    expect(sub(10, a).toArray()).toEqual([[9, 8, 7], [6, 5, 4]]);
    expect(mul(tensor(2), a).toArray()).toEqual([[2, 4, 6], [8, 10, 12]]);
    expect(div(a, tensor(2)).toArray()).toEqual([[0.5, 1, 1.5], [2, 2.5, 3]]);
    const s = add(tensor(1), tensor(2));
    expect(s.shape).toEqual([]);
    expect(s.item()).toBe(3);
  });

  it('broadcasts over three axes and size-0 axes', () => {
    const x = tensor([1, 2, 3, 4, 5, 6], [2, 1, 3]);
    const y = tensor([[100], [200]]);
    expect(add(x, y).toArray()).toEqual([
      [[101, 102, 103], [201, 202, 203]],
      [[104, 105, 106], [204, 205, 206]],
    ]);
    expect(add(tensor([], [0, 3]), tensor([1, 2, 3])).shape).toEqual([0, 3]);
  });

  it('keeps int32 for int32 inputs, except div which is float32', () => {
    const s = add(int([1, 2]), int([3, 4]));
    expect(s.dtype).toBe('int32');
    expect(s.data).toBeInstanceOf(Int32Array);
    expect(mul(int([3, 4]), 2).dtype).toBe('int32');
    const q = div(int([1, 7]), int([2, 2]));
    expect(q.dtype).toBe('float32');
    expect(q.toArray()).toEqual([0.5, 3.5]);
    expect(add(int([1]), tensor([0.5])).dtype).toBe('float32');
  });

  it('types JS numbers weakly, as Keras does Python scalars', () => {
    // An integer number keeps int32; a fraction makes the result float32 instead of truncating.
    expect(add(int([1, 2]), 3).dtype).toBe('int32');
    const half = mul(int([1, 2, 5]), 0.5);
    expect(half.dtype).toBe('float32');
    expect(half.toArray()).toEqual([0.5, 1, 2.5]);
    expect(add(1.5, int([1])).toArray()).toEqual([2.5]);
    expect(Array.from(div(int([1, 2, 5]), 2.5).data)).toEqual([0.4, 0.8, 2].map(Math.fround));
    expect(add(int([0]), 16777217).item()).toBe(16777217);
    expect(add(int([1]), [2, 3]).dtype).toBe('int32');
    expect(add(int([1]), [2, 3.5]).toArray()).toEqual([3, 4.5]);
    expect(add(tensor([true]), 1).dtype).toBe('int32');
  });

  it('keeps bool results 0/1 (true + true is true)', () => {
    const b = tensor([true, false, true]);
    const c = tensor([true, false, false]);
    const s = add(b, c);
    expect(s.dtype).toBe('bool');
    expect(Array.from(s.data)).toEqual([1, 0, 1]);
    expect(mul(b, c).toArray()).toEqual([true, false, false]);
    expect(add(b, 0.5).toArray()).toEqual([1.5, 0.5, 1.5]);
  });

  it('follows IEEE division by zero', () => {
    expect(div(tensor([1, -1, 0]), 0).toArray()).toEqual([Infinity, -Infinity, NaN]);
  });

  it('negates, keeping the dtype', () => {
    expect(neg(tensor([1, -2, 0])).toArray()).toEqual([-1, 2, -0]);
    expect(neg(int([3])).dtype).toBe('int32');
  });

  it.each([
    ['add', add],
    ['sub', sub],
    ['mul', mul],
    ['div', div],
  ] as const)('%s names both shapes when they cannot broadcast', (name, op) => {
    const x = tensor([[1, 2, 3], [4, 5, 6]]);
    expect(() => op(x, tensor([1, 2]))).toThrow(ShapeError);
    expect(() => op(x, tensor([1, 2]))).toThrow(`${name}: shapes (2, 3) and (2,) cannot be broadcast together`);
  });
});

describe('gradients', () => {
  const cases: [string, (a: Tensor, b: Tensor) => Tensor][] = [
    ['add', add],
    ['sub', sub],
    ['mul', mul],
    ['div', div],
  ];
  const pairs: [string, Tensor, Tensor][] = [
    ['same shape', tensor([[0.5, -1.2], [2, 0.7]]), tensor([[1.5, 0.8], [-0.9, 2.2]])],
    ['[2, 3] and [3]', tensor([[0.3, -0.7, 1.1], [1.9, -1.4, 0.2]]), tensor([1.3, -0.8, 2.1])],
    ['[2, 1] and [1, 3]', tensor([[0.6], [-1.1]]), tensor([[1.2, -1.7, 0.9]])],
    ['[2, 2] and scalar', tensor([[0.4, 1.6], [-0.3, 2.4]]), tensor(1.4)],
    ['scalar and [3]', tensor(-0.6), tensor([1.1, -2.3, 0.7])],
  ];

  for (const [name, op] of cases) {
    it.each(pairs)(`${name} with %s matches finite differences`, (_label, a, b) => {
      checkGradients(op, [a, b]);
    });
  }

  it('gives a tracked input the same gradient when the other input is a constant', () => {
    // Backward passes skip the untracked side; the tracked side must not notice.
    const ops: [string, (a: Tensor, b: Tensor) => Tensor][] = [
      ...cases,
      ['maximum', maximum],
      ['minimum', minimum],
      ['pow', pow],
      ['mod', mod],
      ['squaredDifference', squaredDifference],
    ];
    const a = tensor([[0.5, 2], [1.5, 3]]);
    const b = tensor([2, 1.5]);
    for (const [name, op] of ops) {
      const [ga, gb] = grads((x, y) => sum(op(x, y)))([a, b]);
      expect([name, grad((x) => sum(op(x, b)))(a).toArray()]).toEqual([name, ga.toArray()]);
      expect([name, grad((y) => sum(op(a, y)))(b).toArray()]).toEqual([name, gb.toArray()]);
    }
  });

  it('neg matches finite differences', () => {
    checkGradients((x) => neg(x), [tensor([0.3, -1.2])]);
  });
});

// Reference broadcasting by explicit index arithmetic, to check the fast kernels against.
function naive(op: (x: number, y: number) => number, a: Tensor, b: Tensor): number[] {
  const shape = broadcastShapes(a.shape, b.shape, 'naive');
  const out: number[] = [];
  const at = (t: Tensor, idx: number[]) => {
    const off = idx.length - t.rank;
    const st = stridesOf(t.shape);
    return t.data[t.shape.reduce((p, d, i) => p + (d === 1 ? 0 : idx[i + off]) * st[i], 0)];
  };
  const st = stridesOf(shape);
  for (let flat = 0; flat < sizeOf(shape); flat++) {
    const idx = st.map((s, i) => Math.floor(flat / s) % shape[i]);
    out.push(Math.fround(op(at(a, idx), at(b, idx))));
  }
  return out;
}

// Two broadcast-compatible shapes: b is a suffix of a's dims, each possibly replaced by 1, and
// a's dims may also be 1.
const shapePair = fc
  .array(fc.integer({ min: 1, max: 4 }), { maxLength: 4 })
  .chain((full) =>
    fc.tuple(
      fc.constant(full),
      fc.array(fc.boolean(), { minLength: full.length, maxLength: full.length }),
      fc.integer({ min: 0, max: full.length }),
      fc.array(fc.boolean(), { minLength: full.length, maxLength: full.length }),
    ),
  )
  .map(([full, oneA, drop, oneB]) => ({
    a: full.map((d, i) => (oneA[i] ? 1 : d)),
    b: full.slice(drop).map((d, i) => (oneB[i + drop] ? 1 : d)),
  }));

const values = (shape: number[]) =>
  fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: sizeOf(shape), maxLength: sizeOf(shape) }).map(
    (v) => tensor(v.map((x) => x / 8), shape),
  );

const tensorPair = shapePair.chain(({ a, b }) => fc.tuple(values(a), values(b)));

describe('properties', () => {
  it('a + b = b + a and a * b = b * a under broadcasting', () => {
    fc.assert(
      fc.property(tensorPair, ([a, b]) => {
        expect(add(a, b)).toEqual(add(b, a));
        expect(mul(a, b)).toEqual(mul(b, a));
      }),
      { seed: 42, numRuns: 100 },
    );
  });

  it('(a + b) - b = a, broadcast to the result shape', () => {
    fc.assert(
      fc.property(tensorPair, ([a, b]) => {
        const y = sub(add(a, b), b);
        expectClose(y, broadcastTo(a, y.shape), 0, 1e-4);
      }),
      { seed: 42, numRuns: 100 },
    );
  });

  it('every op agrees with index-by-index broadcasting', () => {
    const ops: [(x: TensorLike, y: TensorLike) => Tensor, (x: number, y: number) => number][] = [
      [add, (x, y) => x + y],
      [sub, (x, y) => x - y],
      [mul, (x, y) => x * y],
      [div, (x, y) => x / y],
    ];
    fc.assert(
      fc.property(tensorPair, ([a, b]) => {
        for (const [op, ref] of ops) expect(Array.from(op(a, b).data)).toEqual(naive(ref, a, b));
      }),
      { seed: 42, numRuns: 100 },
    );
  });
});
