import fc from 'fast-check';
import { broadcastShapes, sizeOf, stridesOf } from '../shape';
import { equalKernel, greaterEqualKernel, greaterKernel, maxShareKernel, notEqualKernel } from './kernels-compare';
import {
  BlockKernel,
  addKernel,
  divKernel,
  fmax,
  fmin,
  maxKernel,
  minKernel,
  mulKernel,
  runBinary,
  subKernel,
  sumInto,
} from './kernels-elementwise';
import * as unary from './kernels-unary';

// Values where a fast path could go wrong: signed zeros, infinities, NaN, float32 extremes.
const SPECIAL = [0, -0, 1, -1, 0.5, -2.5, Infinity, -Infinity, NaN, 3.4e38, -3.4e38, 1.4e-45, -1.4e-45];

/** Reference: `fn` applied index by index with NumPy broadcasting, rounded to float32. */
function naive(fn: (x: number, y: number) => number, a: Float32Array, aShape: number[], b: Float32Array, bShape: number[]): number[] {
  const shape = broadcastShapes(aShape, bShape, 'naive');
  const index = (i: number, s: number[]) => {
    const st = stridesOf(s);
    const lead = shape.length - s.length;
    let off = 0;
    let rest = i;
    const outStrides = stridesOf(shape);
    for (let k = 0; k < shape.length; k++) {
      const c = Math.floor(rest / outStrides[k]);
      rest -= c * outStrides[k];
      if (k >= lead && s[k - lead] !== 1) off += c * st[k - lead];
    }
    return off;
  };
  return Array.from({ length: sizeOf(shape) }, (_, i) => Math.fround(fn(a[index(i, aShape)], b[index(i, bShape)])));
}

function run<O extends Float32Array | Uint8Array>(
  kernel: BlockKernel<O>,
  make: (n: number) => O,
  a: Float32Array,
  aShape: number[],
  b: Float32Array,
  bShape: number[],
): number[] {
  const shape = broadcastShapes(aShape, bShape, 'run');
  const out = make(sizeOf(shape));
  runBinary(kernel, a, aShape, b, bShape, out, shape);
  return Array.from(out);
}

const f32 = (n: number) => new Float32Array(n);
const u8 = (n: number) => new Uint8Array(n);
const BINARY: [string, BlockKernel, (x: number, y: number) => number][] = [
  ['add', addKernel, (x, y) => x + y],
  ['sub', subKernel, (x, y) => x - y],
  ['mul', mulKernel, (x, y) => x * y],
  ['div', divKernel, (x, y) => x / y],
  ['max', maxKernel, Math.max],
  ['min', minKernel, Math.min],
  ['maxShare', maxShareKernel, (x, y) => (x > y ? 1 : x === y ? 0.5 : 0)],
];
const COMPARE: [string, BlockKernel<Uint8Array>, (x: number, y: number) => number][] = [
  ['equal', equalKernel, (x, y) => (x === y ? 1 : 0)],
  ['notEqual', notEqualKernel, (x, y) => (x !== y ? 1 : 0)],
  ['greater', greaterKernel, (x, y) => (x > y ? 1 : 0)],
  ['greaterEqual', greaterEqualKernel, (x, y) => (x >= y ? 1 : 0)],
];

// Two shapes that broadcast together (ranks 0-5, size-1 and size-0 axes), with float data.
const shapePair = fc
  .array(fc.integer({ min: 0, max: 3 }), { maxLength: 5 })
  .chain((full) =>
    fc.tuple(
      fc.constant(full),
      fc.array(fc.constantFrom('keep', 'one', 'drop'), { minLength: full.length, maxLength: full.length }),
      fc.array(fc.constantFrom('keep', 'one', 'drop'), { minLength: full.length, maxLength: full.length }),
    ),
  )
  .map(([full, ma, mb]) => {
    const pick = (m: string[]) => {
      const s = full.map((d, i) => (m[i] === 'one' ? 1 : d));
      // Only leading axes may be dropped.
      let lead = 0;
      while (lead < m.length && m[lead] === 'drop') lead++;
      return s.slice(lead);
    };
    return [pick(ma), pick(mb)];
  })
  .chain(([as, bs]) =>
    fc.tuple(
      fc.constant(as),
      fc.constant(bs),
      fc.float32Array({ minLength: sizeOf(as), maxLength: sizeOf(as) }),
      fc.float32Array({ minLength: sizeOf(bs), maxLength: sizeOf(bs) }),
    ),
  );

describe('runBinary and the block kernels', () => {
  it('agree with index-by-index broadcasting on every layout', () => {
    fc.assert(
      fc.property(shapePair, ([as, bs, a, b]) => {
        for (const [, k, ref] of BINARY) expect(run(k, f32, a, as, b, bs)).toEqual(naive(ref, a, as, b, bs));
        for (const [, k, ref] of COMPARE) expect(run(k, u8, a, as, b, bs)).toEqual(naive(ref, a, as, b, bs));
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('cover the three hot layouts: same shape, scalar, bias row and column', () => {
    const a = Float32Array.from([1, 2, 3, 4, 5, 6]);
    expect(run(addKernel, f32, a, [2, 3], Float32Array.from([10, 20, 30]), [3])).toEqual([11, 22, 33, 14, 25, 36]);
    expect(run(mulKernel, f32, a, [2, 3], Float32Array.from([10, 100]), [2, 1])).toEqual([10, 20, 30, 400, 500, 600]);
    expect(run(subKernel, f32, Float32Array.from([10]), [], a, [2, 3])).toEqual([9, 8, 7, 6, 5, 4]);
    expect(run(divKernel, f32, a, [2, 3], a, [2, 3])).toEqual([1, 1, 1, 1, 1, 1]);
    expect(run(greaterKernel, u8, a, [2, 3], Float32Array.from([3]), [1, 1])).toEqual([0, 0, 0, 1, 1, 1]);
  });

  it('match the scalar functions bit for bit on special values, in every mode', () => {
    const n = SPECIAL.length;
    const col = Float32Array.from(SPECIAL);
    const grid = Float32Array.from(SPECIAL.flatMap((x) => SPECIAL.map((y) => x * 0.5 + y)));
    const layouts: [Float32Array, number[], Float32Array, number[]][] = [
      [grid, [n, n], Float32Array.from(SPECIAL.flatMap(() => SPECIAL)), [n, n]],
      [col, [n, 1], col, [n]],
      [grid, [n, n], col, [n, 1]],
      [col, [n], grid, [n, n]],
    ];
    for (const [a, as, b, bs] of layouts) {
      for (const [name, k, ref] of BINARY) {
        const want = naive(ref, a, as, b, bs);
        const got = run(k, f32, a, as, b, bs);
        got.forEach((v, i) => expect([name, i, Object.is(v, want[i])]).toEqual([name, i, true]));
      }
      for (const [name, k, ref] of COMPARE) expect([name, run(k, u8, a, as, b, bs)]).toEqual([name, naive(ref, a, as, b, bs)]);
    }
  });

  it('fmax and fmin are Math.max and Math.min, signed zeros and NaN included', () => {
    for (const x of SPECIAL) {
      for (const y of SPECIAL) {
        expect([x, y, Object.is(fmax(x, y), Math.max(x, y)), Object.is(fmin(x, y), Math.min(x, y))]).toEqual([x, y, true, true]);
      }
    }
  });

  it('does nothing for an empty output', () => {
    const out = new Float32Array(0);
    runBinary(addKernel, new Float32Array(0), [0, 3], new Float32Array(3), [3], out, [0, 3]);
    expect(out.length).toBe(0);
  });
});

describe('sumInto', () => {
  it('sums onto any shape the input was broadcast from', () => {
    const g = Float32Array.from({ length: 24 }, (_, i) => i);
    const into = (target: number[], strides: number[]) => {
      const out = new Float64Array(sizeOf(target));
      sumInto(g, [2, 3, 4], strides, out);
      return Array.from(out);
    };
    expect(into([4], [0, 0, 1])).toEqual([60, 66, 72, 78]);
    expect(into([2, 1, 1], [1, 0, 0])).toEqual([66, 210]);
    expect(into([1, 3, 1], [0, 1, 0])).toEqual([60, 92, 124]);
    expect(into([], [0, 0, 0])).toEqual([276]);
  });
});

describe('unary kernels', () => {
  const x = Float32Array.from([...SPECIAL, 0.1, -0.1, 20, -20, 100, -100, 1e-10, -1e-10]);
  const apply = (k: (x: Float32Array, out: Float32Array) => void) => {
    const out = new Float32Array(x.length);
    k(x, out);
    return Array.from(out);
  };
  const sigmoid = (v: number) => (v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v)));
  const cases: [string, (x: Float32Array, out: Float32Array) => void, (v: number) => number][] = [
    ['neg', unary.negKernel, (v) => -v],
    ['exp', unary.expKernel, Math.exp],
    ['log', unary.logKernel, Math.log],
    ['sqrt', unary.sqrtKernel, Math.sqrt],
    ['rsqrt', unary.rsqrtKernel, (v) => 1 / Math.sqrt(v)],
    ['square', unary.squareKernel, (v) => v * v],
    ['abs', unary.absKernel, Math.abs],
    ['tanh', unary.tanhKernel, Math.tanh],
    ['sigmoid', unary.sigmoidKernel, sigmoid],
    ['reciprocal', unary.reciprocalKernel, (v) => 1 / v],
  ];

  it.each(cases)('%s matches its scalar function bit for bit', (_name, k, ref) => {
    const got = apply(k);
    x.forEach((v, i) => expect([v, Object.is(got[i], Math.fround(ref(v)))]).toEqual([v, true]));
  });

  it('absGrad flips dy where x < 0 (NaN counts as negative, as `x >= 0` says)', () => {
    const out = new Float32Array(4);
    unary.absGradKernel(Float32Array.from([2, -3, 0, NaN]), Float32Array.from([1, 1, -0, 5]), out);
    expect(Array.from(out)).toEqual([1, -1, -0, -5]);
    expect(Object.is(out[2], -0)).toBe(true);
  });
});
