import fc from 'fast-check';
import { setBackend } from '../wasm/backend';
import { gemm } from './kernels-matmul';

/** The textbook triple loop: the reference the packed kernel must reproduce. */
function naiveGemm(
  m: number, n: number, k: number,
  a: Float32Array, aOff: number, transA: boolean,
  b: Float32Array, bOff: number, transB: boolean,
  c: Float32Array, cOff: number, accumulate = false,
): void {
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = accumulate ? c[cOff + i * n + j] : 0;
      for (let p = 0; p < k; p++) {
        const av = transA ? a[aOff + p * m + i] : a[aOff + i * k + p];
        const bv = transB ? b[bOff + j * k + p] : b[bOff + p * n + j];
        s += av * bv;
      }
      c[cOff + i * n + j] = s;
    }
  }
}

function randomArray(size: number, seed: number): Float32Array {
  const out = new Float32Array(size);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2 ** 32 - 0.5;
  }
  return out;
}

function expectAllClose(actual: Float32Array, expected: Float32Array, k: number): void {
  expect(actual.length).toBe(expected.length);
  // Summation order differs from the reference; error grows with the reduction length.
  const tol = 1e-6 * (k + 1);
  let worst = 0;
  for (let i = 0; i < actual.length; i++) worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
  expect(worst).toBeLessThanOrEqual(tol);
}

/** Runs gemm and the reference on the same random operands (with offsets) and compares. */
function compare(m: number, n: number, k: number, tA: boolean, tB: boolean, accumulate: boolean, seed = 1): void {
  const aOff = 3;
  const bOff = 5;
  const cOff = 7;
  const a = randomArray(aOff + m * k, seed);
  const b = randomArray(bOff + k * n, seed + 1);
  const c0 = randomArray(cOff + m * n + 2, seed + 2);
  const got = Float32Array.from(c0);
  const want = Float32Array.from(c0);
  gemm(m, n, k, a, aOff, tA, b, bOff, tB, got, cOff, accumulate);
  naiveGemm(m, n, k, a, aOff, tA, b, bOff, tB, want, cOff, accumulate);
  expectAllClose(got, want, k);
}

const FLAGS: [boolean, boolean][] = [
  [false, false],
  [true, false],
  [false, true],
  [true, true],
];

// Every case runs on both kernels: the TypeScript one and the WebAssembly SIMD one.
describe.each(['js', 'wasm'] as const)('gemm on the %s backend', (backend) => {
  beforeAll(() => setBackend(backend));
  afterAll(() => setBackend('auto'));

  it('multiplies a 2x2 pair by hand', () => {
    const c = new Float32Array(4);
    gemm(2, 2, 2, Float32Array.of(1, 2, 3, 4), 0, false, Float32Array.of(5, 6, 7, 8), 0, false, c, 0);
    expect(Array.from(c)).toEqual([19, 22, 43, 50]);
  });

  it('reads transposed storage for each flag', () => {
    // op(A) = [[1, 2], [3, 4]], op(B) = [[5, 6], [7, 8]] in every case.
    const aT = Float32Array.of(1, 3, 2, 4);
    const bT = Float32Array.of(5, 7, 6, 8);
    const c = new Float32Array(4);
    gemm(2, 2, 2, aT, 0, true, bT, 0, true, c, 0);
    expect(Array.from(c)).toEqual([19, 22, 43, 50]);
    gemm(2, 2, 2, aT, 0, true, Float32Array.of(5, 6, 7, 8), 0, false, c, 0);
    expect(Array.from(c)).toEqual([19, 22, 43, 50]);
  });

  it('adds into C when accumulating and overwrites otherwise', () => {
    const c = Float32Array.of(1, 1, 1, 1, 100);
    gemm(2, 2, 1, Float32Array.of(1, 2), 0, false, Float32Array.of(3, 4), 0, false, c, 0, true);
    expect(Array.from(c)).toEqual([4, 5, 7, 9, 100]);
    gemm(2, 2, 1, Float32Array.of(1, 2), 0, false, Float32Array.of(3, 4), 0, false, c, 0);
    expect(Array.from(c)).toEqual([3, 4, 6, 8, 100]);
  });

  it('writes zeros for k = 0 (empty sum) and leaves C alone when accumulating', () => {
    const c = Float32Array.of(9, 9, 9, 9, 9, 9);
    gemm(2, 2, 0, new Float32Array(0), 0, false, new Float32Array(0), 0, false, c, 1, true);
    expect(Array.from(c)).toEqual([9, 9, 9, 9, 9, 9]);
    gemm(2, 2, 0, new Float32Array(0), 0, false, new Float32Array(0), 0, false, c, 1);
    expect(Array.from(c)).toEqual([9, 0, 0, 0, 0, 9]);
  });

  it('does nothing when m or n is 0', () => {
    const c = Float32Array.of(9);
    gemm(0, 3, 2, new Float32Array(0), 0, false, new Float32Array(6), 0, false, c, 0);
    gemm(3, 0, 2, new Float32Array(6), 0, false, new Float32Array(0), 0, false, c, 0);
    expect(Array.from(c)).toEqual([9]);
  });

  it.each([1, 3, 5, 17, 65, 130])('matches the reference for edge size %i in every position and flag', (s) => {
    for (const [tA, tB] of FLAGS) {
      for (const accumulate of [false, true]) {
        compare(s, 33, 19, tA, tB, accumulate, s);
        compare(21, s, 37, tA, tB, accumulate, s + 10);
        compare(18, 23, s, tA, tB, accumulate, s + 20);
        compare(s, s, s, tA, tB, accumulate, s + 30);
      }
    }
  });

  it('matches the reference across cache-block boundaries (m > MC, k > KC, n > NC)', () => {
    // TypeScript blocks: MC 128, KC 256, NC 2048; WebAssembly: MC 128, KC 512 (split evenly), NC 1024.
    for (const [tA, tB] of FLAGS) compare(130, 9, 300, tA, tB, true, 7);
    for (const [tA, tB] of FLAGS) compare(261, 10, 513, tA, tB, false, 10);
    compare(5, 2055, 260, false, true, false, 8);
    compare(6, 2049, 3, true, false, true, 9);
  });

  it('matches the reference on random sizes (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 70 }),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 1, max: 1000 }),
        (m, n, k, tA, tB, acc, seed) => compare(m, n, k, tA, tB, acc, seed),
      ),
      { seed: 42, numRuns: 50 },
    );
  });

  it('keeps batches at their offsets apart', () => {
    // Two 4x4 · 4x4 products stored back to back in one buffer.
    const a = randomArray(32, 3);
    const b = randomArray(32, 4);
    const got = new Float32Array(32);
    const want = new Float32Array(32);
    for (const t of [0, 1]) {
      gemm(4, 4, 4, a, 16 * t, false, b, 16 * t, true, got, 16 * t);
      naiveGemm(4, 4, 4, a, 16 * t, false, b, 16 * t, true, want, 16 * t);
    }
    expectAllClose(got, want, 4);
  });

  it.each([8, 20])('propagates NaN and Infinity like the reference (size %i)', (s) => {
    const a = randomArray(s * s, 5);
    const b = randomArray(s * s, 6);
    a[1 * s + 1] = NaN;
    a[3 * s + 2] = 0; // 0 · Infinity must give NaN, not be skipped
    b[2 * s + 4] = Infinity;
    const got = new Float32Array(s * s);
    const want = new Float32Array(s * s);
    gemm(s, s, s, a, 0, false, b, 0, false, got, 0);
    naiveGemm(s, s, s, a, 0, false, b, 0, false, want, 0);
    expect(Number.isNaN(want[3 * s + 4])).toBe(true);
    for (let i = 0; i < s * s; i++) {
      if (Number.isFinite(want[i])) expect(Math.abs(got[i] - want[i])).toBeLessThan(1e-5);
      else expect(got[i]).toBe(want[i]);
    }
  });
});
