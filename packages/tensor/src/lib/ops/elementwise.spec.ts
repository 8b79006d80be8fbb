import fc from 'fast-check';
import { grad } from '../autodiff';
import { sizeOf } from '../shape';
import { Tensor, tensor } from '../tensor';
import { checkGradients, expectClose } from '../testing/check-gradients';
import { mul } from './arithmetic';
import { binaryOp, boolDType, cast, floatDType, fusedGrad, reduceTo, sameDType, unaryOp } from './elementwise';
import { addKernel } from './kernels-elementwise';
import { negKernel, squareGradKernel } from './kernels-unary';
import { sum } from './reduce';
import { broadcastTo, reshape } from './shape-ops';

// Ops declared here with the factories, as the math helpers declare theirs.
const hypot = binaryOp('hypot', Math.hypot, floatDType, (a, b, y, dy) => [mul(dy, mul(a, recip(y))), mul(dy, mul(b, recip(y)))]);
const recip = unaryOp((x) => 1 / x);
const cube = unaryOp(
  (x) => x * x * x,
  (x, _y, dy) => mul(dy, mul(3, mul(x, x))),
);
const twice = unaryOp((x) => 2 * x, undefined, true);
const bigger = binaryOp('bigger', (a, b) => (a > b ? 1 : 0), boolDType);
const keep = binaryOp('keep', (a) => a, sameDType);

describe('binaryOp', () => {
  it('broadcasts and applies the scalar function', () => {
    expect(hypot(tensor([[3], [5]]), tensor([4, 12])).toArray()).toEqual([[5, Math.hypot(3, 12)].map(Math.fround), [Math.fround(Math.hypot(5, 4)), 13]]);
  });

  it('picks the dtype with its rule', () => {
    const i = tensor([1, 2], undefined, 'int32');
    expect(hypot(i, i).dtype).toBe('float32');
    expect(keep(i, i).dtype).toBe('int32');
    const g = bigger(tensor([1, 5]), tensor([2, 2]));
    expect(g.dtype).toBe('bool');
    expect(g.toArray()).toEqual([false, true]);
  });

  it('names itself in shape errors', () => {
    expect(() => hypot(tensor([1, 2]), tensor([1, 2, 3]))).toThrow('hypot: shapes (2,) and (3,) cannot be broadcast together');
  });

  it('sums the broadcast gradient down to each input shape', () => {
    checkGradients(hypot, [tensor([[0.5], [1.5]]), tensor([1.2, -0.7, 2.1])]);
    const ga = grad((a) => sum(hypot(a, tensor([[3, 4], [3, 4]]))))(tensor([3, 3]));
    expect(ga.shape).toEqual([2]);
    // a[j] meets b[0][j] and b[1][j]: d/da[j] = 2 * a[j] / hypot(a[j], b[j]).
    expectClose(ga, [(2 * 3) / Math.hypot(3, 3), (2 * 3) / 5]);
  });

  it('records nothing when it has no backward', () => {
    grad((x) => {
      expect(bigger(x, 0).node).toBeNull();
      return sum(x);
    })(tensor([1]));
  });
});

describe('unaryOp', () => {
  it('computes in float32, converting int and bool inputs', () => {
    const y = recip(tensor([2, 4], undefined, 'int32'));
    expect(y.dtype).toBe('float32');
    expect(y.toArray()).toEqual([0.5, 0.25]);
    expect(recip(tensor([true])).toArray()).toEqual([1]);
  });

  it('keeps the dtype when asked', () => {
    const y = twice(tensor([3, -4], undefined, 'int32'));
    expect(y.dtype).toBe('int32');
    expect(y.toArray()).toEqual([6, -8]);
  });

  it('differentiates through its backward', () => {
    checkGradients(cube, [tensor([[0.5, -1.3], [2, 0.1]])]);
    expect(grad((x) => sum(cube(x)))(tensor([1, 2])).toArray()).toEqual([3, 12]);
  });
});

describe('dedicated kernels', () => {
  // The scalar function and the kernel disagree on purpose, to show which one ran.
  const probe = binaryOp('probe', () => -1, sameDType, undefined, addKernel);
  const flip = unaryOp(() => 7, undefined, true, negKernel);
  const grad2 = fusedGrad(() => -1, squareGradKernel);

  it('binaryOp runs the kernel for a float32 result, on inputs converted to float32', () => {
    expect(probe(tensor([1, 2]), tensor([[10], [20]])).toArray()).toEqual([[11, 12], [21, 22]]);
    expect(probe(tensor([1, 2], undefined, 'int32'), 0.5).toArray()).toEqual([1.5, 2.5]);
    expect(probe(tensor([true, false]), tensor([1.5])).toArray()).toEqual([2.5, 1.5]);
  });

  it('binaryOp calls the scalar function for int32 and bool results', () => {
    const i = tensor([1, 2], undefined, 'int32');
    expect(probe(i, i).toArray()).toEqual([-1, -1]);
    expect(probe(i, i).dtype).toBe('int32');
  });

  it('unaryOp runs the kernel on float32 only', () => {
    expect(flip(tensor([1, -2])).toArray()).toEqual([-1, 2]);
    expect(flip(tensor([1, -2], undefined, 'int32')).toArray()).toEqual([7, 7]);
  });

  it('fusedGrad loops over same-shape float32 operands and broadcasts otherwise', () => {
    expect(grad2(tensor([1, 2]), tensor([3, 4])).toArray()).toEqual([6, 16]);
    expect(grad2(tensor([1, 2]), tensor([[3], [4]])).toArray()).toEqual([[-1, -1], [-1, -1]]);
    expect(grad2(tensor([1, 2], undefined, 'int32'), tensor([3, 4])).toArray()).toEqual([-1, -1]);
  });
});

describe('cast', () => {
  it('returns the same tensor for the same dtype', () => {
    const x = tensor([1]);
    expect(cast(x, 'float32')).toBe(x);
  });

  it('truncates floats toward zero for int32 and tests != 0 for bool', () => {
    const x = tensor([1.7, -1.7, 0, 0.2]);
    expect(cast(x, 'int32').toArray()).toEqual([1, -1, 0, 0]);
    expect(cast(x, 'bool').toArray()).toEqual([true, true, false, true]);
  });

  it('widens int and bool to float32', () => {
    expect(cast(tensor([true, false]), 'float32').toArray()).toEqual([1, 0]);
    expect(cast(tensor([7], undefined, 'int32'), 'float32').data).toBeInstanceOf(Float32Array);
    expect(cast([[1, 2]], 'int32').shape).toEqual([1, 2]);
  });
});

describe('reduceTo', () => {
  const g = tensor([[1, 2, 3], [4, 5, 6]]);

  it('sums a broadcast gradient back to the input shape', () => {
    expect(reduceTo(g, [2, 3])).toBe(g);
    expect(reduceTo(g, [3]).toArray()).toEqual([5, 7, 9]);
    expect(reduceTo(g, [1, 3]).toArray()).toEqual([[5, 7, 9]]);
    expect(reduceTo(g, [2, 1]).toArray()).toEqual([[6], [15]]);
    expect(reduceTo(g, []).toArray()).toBe(21);
    expect(reduceTo(g, [1, 1]).toArray()).toEqual([[21]]);
  });

  it('sums in float64 and rounds once (a bias gradient of many rows)', () => {
    const rows = tensor(Array.from({ length: 4097 }, (_, i) => (i === 0 ? 2 ** 24 : 1)), [4097, 1]);
    // float32 running sums would stay at 2^24; the exact total is 2^24 + 4096.
    expect(reduceTo(rows, [1]).toArray()).toEqual([2 ** 24 + 4096]);
  });

  it('keeps int32 gradients int32 and records its own gradient', () => {
    const i = tensor([[1, 2], [3, 4]], undefined, 'int32');
    expect(reduceTo(i, [2]).dtype).toBe('int32');
    expect(reduceTo(i, [2]).toArray()).toEqual([4, 6]);
    const x = tensor([[1, 2], [3, 4]]);
    expect(grad((v) => sum(mul(reduceTo(v, [1, 2]), tensor([1, 2]))))(x).toArray()).toEqual([[1, 2], [1, 2]]);
  });

  it('handles leading and inner axes together', () => {
    const h = tensor([1, 2, 3, 4, 5, 6, 7, 8], [2, 2, 2]);
    // [[[1, 2], [3, 4]], [[5, 6], [7, 8]]]: sum over axes 0 and 2 for each middle index.
    expect(reduceTo(h, [2, 1]).toArray()).toEqual([[1 + 2 + 5 + 6], [3 + 4 + 7 + 8]]);
  });
});

// A shape and a shape it broadcasts to: extra leading axes, and size-1 axes grown.
const broadcastPair = fc
  .array(fc.integer({ min: 1, max: 3 }), { maxLength: 3 })
  .chain((src) =>
    fc.tuple(
      fc.constant(src),
      fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 2 }),
      fc.array(fc.integer({ min: 1, max: 3 }), { minLength: src.length, maxLength: src.length }),
      fc.array(fc.boolean(), { minLength: src.length, maxLength: src.length }),
    ),
  )
  .map(([src, lead, grown, ones]) => {
    const from = src.map((d, i) => (ones[i] ? 1 : d));
    const to = [...lead, ...from.map((d, i) => (d === 1 ? grown[i] : d))];
    return { from, to };
  });

const smallInts = (shape: number[]) =>
  fc
    .array(fc.integer({ min: -50, max: 50 }), { minLength: sizeOf(shape), maxLength: sizeOf(shape) })
    .map((v) => tensor(v, shape));

describe('properties', () => {
  it('reduceTo(broadcastTo(x, s), shape of x) is x times the repeat count', () => {
    fc.assert(
      fc.property(
        broadcastPair.chain(({ from, to }) => fc.tuple(smallInts(from), fc.constant(to))),
        ([x, to]) => {
          const back = reduceTo(broadcastTo(x, to), x.shape);
          expect(back.shape).toEqual(x.shape);
          expect(back.toArray()).toEqual(mul(x, sizeOf(to) / x.size).toArray());
        },
      ),
      { seed: 42, numRuns: 100 },
    );
  });

  it('reshape round-trips through any arrangement of the same dims', () => {
    const shapeAndPerm = fc
      .array(fc.integer({ min: 1, max: 4 }), { maxLength: 4 })
      .chain((s) => fc.tuple(fc.constant(s), fc.shuffledSubarray(s, { minLength: s.length, maxLength: s.length }), fc.nat()));
    fc.assert(
      fc.property(
        shapeAndPerm.chain(([s, perm, k]) => fc.tuple(smallInts(s), fc.constant(perm), fc.constant(k))),
        ([x, perm, k]) => {
          // One dim (if any) left for reshape to infer as -1.
          const target = perm.map((d, i) => (i === k % Math.max(perm.length, 1) ? -1 : d));
          const y: Tensor = reshape(x, target);
          expect(y.shape).toEqual(perm);
          const back = reshape(y, x.shape);
          expect(back.shape).toEqual(x.shape);
          expect(back.toArray()).toEqual(x.toArray());
        },
      ),
      { seed: 42, numRuns: 100 },
    );
  });
});
