import { DTypeError, ValueError } from './errors';
import {
  SeedGenerator,
  bernoulli,
  randomNormal,
  randomPermutation,
  randomUniform,
  setSeed,
  truncatedNormal,
} from './random';

const N = 100_000;

function moments(data: ArrayLike<number>): { mean: number; std: number } {
  let s = 0;
  for (let i = 0; i < data.length; i++) s += data[i];
  const mean = s / data.length;
  let v = 0;
  for (let i = 0; i < data.length; i++) v += (data[i] - mean) ** 2;
  return { mean, std: Math.sqrt(v / data.length) };
}

const values = (t: { data: ArrayLike<number> }) => Array.from(t.data);

function fold(data: ArrayLike<number>, f: (acc: number, v: number) => number, init: number): number {
  let acc = init;
  for (let i = 0; i < data.length; i++) acc = f(acc, data[i]);
  return acc;
}

describe('determinism', () => {
  it('pins the stream of a seed, so numbers are the same on every machine', () => {
    // Alea seeded with '1'; a change here changes every seeded model in the world.
    expect(values(randomUniform([4], { seed: 1 }))).toEqual([
      0.5260471105575562, 0.1226436123251915, 0.477719783782959, 0.6214375495910645,
    ]);
    expect(values(randomPermutation(6, { seed: 3 }))).toEqual([5, 1, 3, 4, 0, 2]);
  });

  it('gives the same numbers on every call with the same integer seed', () => {
    const draws = [
      (seed: number) => randomUniform([3, 4], { seed }),
      (seed: number) => randomUniform([10], { seed, maxval: 100, dtype: 'int32' }),
      (seed: number) => randomNormal([3, 4], { seed }),
      (seed: number) => truncatedNormal([3, 4], { seed }),
      (seed: number) => bernoulli([20], { p: 0.5, seed }),
      (seed: number) => randomPermutation(20, { seed }),
    ];
    for (const draw of draws) {
      expect(values(draw(123))).toEqual(values(draw(123)));
      expect(values(draw(123))).not.toEqual(values(draw(124)));
    }
  });

  it('advances the global stream for unseeded draws, reproducibly after setSeed', () => {
    const run = () => [
      values(randomNormal([5])),
      values(randomNormal([5])),
      values(randomUniform([5])),
      values(bernoulli([16], { p: 0.5 })),
      values(randomPermutation(8)),
    ];
    setSeed(2024);
    const a = run();
    expect(a[0]).not.toEqual(a[1]);
    setSeed(2024);
    expect(run()).toEqual(a);
    setSeed(2025);
    expect(run()[0]).not.toEqual(a[0]);
  });

  it('does not consume the global stream for seeded draws', () => {
    setSeed(1);
    const a = values(randomNormal([3]));
    setSeed(1);
    randomNormal([3], { seed: 9 });
    randomUniform([100], { seed: 9 });
    expect(values(randomNormal([3]))).toEqual(a);
  });

  it('draws a fresh mask per call from a SeedGenerator, the same sequence for the same seed', () => {
    const g1 = new SeedGenerator(77);
    const g2 = new SeedGenerator(77);
    const m1 = values(bernoulli([32], { p: 0.5, seed: g1 }));
    const m2 = values(bernoulli([32], { p: 0.5, seed: g1 }));
    expect(m1).not.toEqual(m2);
    expect(values(bernoulli([32], { p: 0.5, seed: g2 }))).toEqual(m1);
    expect(values(bernoulli([32], { p: 0.5, seed: g2 }))).toEqual(m2);
  });
});

describe('randomUniform', () => {
  it('draws float32 values in [minval, maxval) with the uniform mean and variance', () => {
    const t = randomUniform([N], { minval: -2, maxval: 3, seed: 0 });
    expect(t.dtype).toBe('float32');
    expect(t.shape).toEqual([N]);
    expect(fold(t.data, Math.min, Infinity)).toBeGreaterThanOrEqual(-2);
    expect(fold(t.data, Math.max, -Infinity)).toBeLessThan(3);
    const { mean, std } = moments(t.data);
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.02);
    expect(Math.abs(std - 5 / Math.sqrt(12))).toBeLessThan(0.01);
  });

  it('never returns maxval even when float32 rounding would reach it', () => {
    // The interval holds exactly one float32, 1; half of the raw draws round up to maxval.
    const t = randomUniform([1000], { minval: 1, maxval: 1 + 2 ** -23, seed: 0 });
    expect(new Set(t.data)).toEqual(new Set([1]));
  });

  it('draws int32 integers in [minval, maxval), each about equally often', () => {
    const t = randomUniform([60_000], { minval: -3, maxval: 3, dtype: 'int32', seed: 5 });
    expect(t.dtype).toBe('int32');
    const counts = new Map<number, number>();
    for (const v of t.data) counts.set(v, (counts.get(v) ?? 0) + 1);
    expect([...counts.keys()].sort((a, b) => a - b)).toEqual([-3, -2, -1, 0, 1, 2]);
    for (const c of counts.values()) expect(Math.abs(c - 10_000)).toBeLessThan(400);
  });

  it('makes scalars and empty tensors', () => {
    expect(randomUniform([], { seed: 1 }).shape).toEqual([]);
    expect(randomUniform([], { seed: 1 }).item()).toBeCloseTo(0.5260471105575562, 6);
    expect(randomUniform([2, 0], { seed: 1 }).size).toBe(0);
  });

  it('rejects maxval <= minval', () => {
    expect(() => randomUniform([2], { minval: 1, maxval: 1 })).toThrow(ValueError);
    expect(() => randomUniform([2], { minval: 1, maxval: 1 })).toThrow(
      'randomUniform: maxval must be greater than minval, received minval=1, maxval=1',
    );
    expect(() => randomUniform([2], { minval: 5, maxval: 2, dtype: 'int32' })).toThrow(/minval=5, maxval=2/);
  });

  it('rejects non-finite bounds and fractional int32 bounds', () => {
    expect(() => randomUniform([2], { maxval: Infinity })).toThrow(/randomUniform: maxval must be a finite number, received maxval=Infinity/);
    expect(() => randomUniform([2], { minval: Number.NaN })).toThrow(/minval=NaN/);
    expect(() => randomUniform([2], { maxval: 2.5, dtype: 'int32' })).toThrow(ValueError);
    expect(() => randomUniform([2], { maxval: 2.5, dtype: 'int32' })).toThrow(
      "randomUniform: maxval must be an int32 integer when dtype is 'int32', received maxval=2.5",
    );
  });

  it('rejects bool and unknown dtypes', () => {
    expect(() => randomUniform([2], { dtype: 'bool' })).toThrow(DTypeError);
    expect(() => randomUniform([2], { dtype: 'bool' })).toThrow(/dtype must be 'float32' or 'int32', received dtype='bool'/);
    expect(() => randomUniform([2], { dtype: 'float64' as 'float32' })).toThrow(DTypeError);
    expect(() => randomUniform([2], { dtype: 'float64' as 'float32' })).toThrow(/received dtype='float64'/);
  });
});

describe('randomNormal', () => {
  it('has the requested mean and standard deviation', () => {
    const t = randomNormal([N], { mean: 3, stddev: 2, seed: 11 });
    expect(t.dtype).toBe('float32');
    const { mean, std } = moments(t.data);
    expect(Math.abs(mean - 3)).toBeLessThan(0.02);
    expect(Math.abs(std - 2)).toBeLessThan(0.02);
  });

  it('has the normal tails: about 4.55% beyond two standard deviations', () => {
    const t = randomNormal([N], { seed: 12 });
    const beyond = t.data.filter((v) => Math.abs(v) > 2).length / N;
    expect(Math.abs(beyond - 0.0455)).toBeLessThan(0.003);
  });

  it('returns the mean everywhere when stddev is 0', () => {
    expect(values(randomNormal([3], { mean: 1.5, stddev: 0, seed: 1 }))).toEqual([1.5, 1.5, 1.5]);
  });

  it('rejects a negative or non-finite stddev and a non-finite mean', () => {
    expect(() => randomNormal([2], { stddev: -1 })).toThrow(ValueError);
    expect(() => randomNormal([2], { stddev: -1 })).toThrow('randomNormal: stddev must be non-negative, received stddev=-1');
    expect(() => randomNormal([2], { stddev: Number.NaN })).toThrow(/stddev must be a finite number, received stddev=NaN/);
    expect(() => randomNormal([2], { mean: -Infinity })).toThrow(/mean=-Infinity/);
  });
});

describe('truncatedNormal', () => {
  it('keeps every value within two standard deviations, with std 0.8796 * stddev', () => {
    const t = truncatedNormal([N], { mean: -1, stddev: 0.5, seed: 21 });
    const worst = fold(t.data, (m, v) => Math.max(m, Math.abs(v + 1)), 0);
    expect(worst).toBeLessThanOrEqual(1 + 1e-6);
    expect(worst).toBeGreaterThan(0.99);
    const { mean, std } = moments(t.data);
    expect(Math.abs(mean + 1)).toBeLessThan(0.01);
    expect(Math.abs(std - 0.87962566 * 0.5)).toBeLessThan(0.005);
  });

  it('rejects a negative stddev', () => {
    expect(() => truncatedNormal([2], { stddev: -0.1 })).toThrow(ValueError);
    expect(() => truncatedNormal([2], { stddev: -0.1 })).toThrow('truncatedNormal: stddev must be non-negative, received stddev=-0.1');
  });
});

describe('bernoulli', () => {
  it('is a float32 0/1 mask with ones at frequency p', () => {
    const t = bernoulli([N], { p: 0.3, seed: 31 });
    expect(t.dtype).toBe('float32');
    expect(new Set(t.data)).toEqual(new Set([0, 1]));
    const freq = fold(t.data, (a, v) => a + v, 0) / N;
    expect(Math.abs(freq - 0.3)).toBeLessThan(0.005);
  });

  it('gives all zeros for p = 0 and all ones for p = 1', () => {
    expect(values(bernoulli([2, 3], { p: 0, seed: 1 }))).toEqual([0, 0, 0, 0, 0, 0]);
    expect(values(bernoulli([2, 3], { p: 1, seed: 1 }))).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('rejects p outside [0, 1]', () => {
    expect(() => bernoulli([2], { p: 1.5 })).toThrow(ValueError);
    expect(() => bernoulli([2], { p: 1.5 })).toThrow('bernoulli: p must be a probability in [0, 1], received p=1.5');
    expect(() => bernoulli([2], { p: -0.1 })).toThrow(/received p=-0.1/);
    expect(() => bernoulli([2], { p: Number.NaN })).toThrow(/received p=NaN/);
    expect(() => bernoulli([2], {} as { p: number })).toThrow(/received p=undefined/);
  });
});

describe('randomPermutation', () => {
  it('is an int32 permutation of 0..n-1', () => {
    const t = randomPermutation(1000, { seed: 41 });
    expect(t.dtype).toBe('int32');
    expect(t.shape).toEqual([1000]);
    expect(values(t).sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(values(t)).not.toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });

  it('handles n = 0 and n = 1', () => {
    expect(randomPermutation(0, { seed: 1 }).shape).toEqual([0]);
    expect(values(randomPermutation(1, { seed: 1 }))).toEqual([0]);
  });

  it('makes all orderings of three equally likely', () => {
    const gen = new SeedGenerator(3);
    const counts = new Map<string, number>();
    for (let i = 0; i < 6000; i++) {
      const key = values(randomPermutation(3, { seed: gen })).join();
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    for (const c of counts.values()) expect(Math.abs(c - 1000)).toBeLessThan(120);
  });

  it('rejects n that is not a non-negative integer', () => {
    expect(() => randomPermutation(-1)).toThrow(ValueError);
    expect(() => randomPermutation(-1)).toThrow('randomPermutation: n must be a non-negative integer, received n=-1');
    expect(() => randomPermutation(2.5)).toThrow(/received n=2.5/);
  });
});

describe('arguments shared by every random op', () => {
  const ops: [string, (shape: number[], seed?: number) => unknown][] = [
    ['randomUniform', (shape, seed) => randomUniform(shape, { seed })],
    ['randomNormal', (shape, seed) => randomNormal(shape, { seed })],
    ['truncatedNormal', (shape, seed) => truncatedNormal(shape, { seed })],
    ['bernoulli', (shape, seed) => bernoulli(shape, { p: 0.5, seed })],
  ];

  it.each(ops)('%s rejects a bad shape', (name, op) => {
    expect(() => op([2, -1])).toThrow(ValueError);
    expect(() => op([2, -1])).toThrow(`${name}: shape must be an array of non-negative integers, received shape=[2, -1]`);
    expect(() => op([1.5])).toThrow(/received shape=\[1.5\]/);
    expect(() => op(3 as unknown as number[])).toThrow(/received shape=3/);
  });

  it.each(ops)('%s rejects a non-integer seed', (name, op) => {
    expect(() => op([2], 1.5)).toThrow(ValueError);
    expect(() => op([2], 1.5)).toThrow(`${name}: seed must be an integer or a SeedGenerator, received seed=1.5`);
    expect(() => op([2], '7' as unknown as number)).toThrow(/received seed='7'/);
  });

  it('randomPermutation rejects a non-integer seed', () => {
    expect(() => randomPermutation(3, { seed: 0.1 })).toThrow(/^randomPermutation: seed must be an integer.*seed=0.1$/);
  });
});
