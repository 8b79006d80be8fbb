import { DType, checkDType } from './dtype';
import { DTypeError, ValueError, show } from './errors';
import { checkShape, sizeOf } from './shape';
import { Tensor } from './tensor';
import { Rng, Seed, SeedGenerator, rngFor, setSeed } from './random/seed-generator';

export { SeedGenerator, setSeed };
export type { Seed };

/** Options of `randomUniform`. */
export interface RandomUniformOptions {
  /** Lower bound, inclusive. Default 0. */
  minval?: number;
  /** Upper bound, exclusive. Default 1. */
  maxval?: number;
  /** An integer (the same numbers on every call) or a SeedGenerator; default: the global stream. */
  seed?: Seed | null;
  /** `'float32'` (default) or `'int32'` (integers in [minval, maxval)). */
  dtype?: DType;
}

/** Options of `randomNormal` and `truncatedNormal`. */
export interface RandomNormalOptions {
  /** Mean of the distribution. Default 0. */
  mean?: number;
  /** Standard deviation (of the untruncated distribution). Default 1. */
  stddev?: number;
  /** An integer (the same numbers on every call) or a SeedGenerator; default: the global stream. */
  seed?: Seed | null;
}

/** Options of `bernoulli`. */
export interface BernoulliOptions {
  /** Probability of a 1, in [0, 1]. */
  p: number;
  /** An integer (the same numbers on every call) or a SeedGenerator; default: the global stream. */
  seed?: Seed | null;
}

/** Options of `randomPermutation`. */
export interface RandomPermutationOptions {
  /** An integer (the same permutation on every call) or a SeedGenerator; default: the global stream. */
  seed?: Seed | null;
}

function checkFinite(value: unknown, arg: string, who: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ValueError(`${who}: ${arg} must be a finite number, received ${arg}=${show(value)}`);
  }
  return value;
}

function checkStddev(stddev: unknown, who: string): number {
  const s = checkFinite(stddev, 'stddev', who);
  if (s < 0) throw new ValueError(`${who}: stddev must be non-negative, received stddev=${show(s)}`);
  return s;
}

const bits = new Float32Array(1);
const bitsInt = new Int32Array(bits.buffer);

/** The largest float32 strictly below the float32 `x`. */
function float32Below(x: number): number {
  if (x === 0) return -1.401298464324817e-45;
  bits[0] = x;
  bitsInt[0] += x > 0 ? -1 : 1;
  return bits[0];
}

/** Standard normal draws by the Box–Muller transform, in float64; each call yields one value. */
function normalStream(rng: Rng): () => number {
  let spare = NaN;
  return () => {
    if (!Number.isNaN(spare)) {
      const z = spare;
      spare = NaN;
      return z;
    }
    // 1 - u lies in (0, 1], so the log is finite.
    const r = Math.sqrt(-2 * Math.log(1 - rng.double()));
    const theta = 2 * Math.PI * rng.double();
    spare = r * Math.sin(theta);
    return r * Math.cos(theta);
  };
}

/**
 * Values drawn uniformly from `[minval, maxval)` (`keras.random.uniform`). With `dtype: 'int32'`,
 * integers in `[minval, maxval)`, each equally likely.
 *
 * @param shape - The output shape.
 * @returns A tensor of `shape` and `dtype`.
 * @example
 * randomUniform([2, 3], { minval: -1, maxval: 1, seed: 42 }); // same values on every call
 * randomUniform([5], { maxval: 10, dtype: 'int32' });            // e.g. [3, 9, 0, 4, 4]
 */
export function randomUniform(shape: readonly number[], options: RandomUniformOptions = {}): Tensor {
  const who = 'randomUniform';
  const { minval = 0, maxval = 1, seed, dtype = 'float32' } = options;
  checkShape(shape, who);
  checkDType(dtype, who);
  if (dtype === 'bool') {
    throw new DTypeError(`${who}: dtype must be 'float32' or 'int32', received dtype=${show(dtype)}`);
  }
  checkFinite(minval, 'minval', who);
  checkFinite(maxval, 'maxval', who);
  const n = sizeOf(shape);
  if (dtype === 'int32') {
    for (const [arg, v] of [['minval', minval], ['maxval', maxval]] as const) {
      if (!Number.isInteger(v) || v < -0x80000000 || v > 0x80000000) {
        throw new ValueError(`${who}: ${arg} must be an int32 integer when dtype is 'int32', received ${arg}=${show(v)}`);
      }
    }
    if (maxval <= minval) {
      throw new ValueError(`${who}: maxval must be greater than minval, received minval=${show(minval)}, maxval=${show(maxval)}`);
    }
    const rng = rngFor(seed, who);
    const data = new Int32Array(n);
    const range = maxval - minval;
    // 53-bit uniforms keep the modulo bias below 2^-21 even for the full int32 range.
    for (let i = 0; i < n; i++) data[i] = minval + Math.floor(rng.double() * range);
    return new Tensor(data, shape, 'int32');
  }
  // The bounds are float32, as Keras casts them to the dtype before drawing.
  const lo = Math.fround(minval);
  const hi = Math.fround(maxval);
  if (!(hi > lo)) {
    throw new ValueError(`${who}: maxval must be greater than minval, received minval=${show(minval)}, maxval=${show(maxval)}`);
  }
  const rng = rngFor(seed, who);
  const data = new Float32Array(n);
  const top = float32Below(hi);
  const range = hi - lo;
  for (let i = 0; i < n; i++) {
    const v = Math.fround(lo + range * rng());
    // Rounding to float32 can land on maxval itself; the interval is half-open.
    data[i] = v >= hi ? top : v;
  }
  return new Tensor(data, shape, 'float32');
}

/**
 * Values drawn from a normal distribution (`keras.random.normal`):
 * `mean + stddev * z`, `z ~ N(0, 1)` by Box–Muller in float64, stored as float32.
 *
 * @param shape - The output shape.
 * @returns A float32 tensor of `shape`.
 * @example
 * randomNormal([3, 3], { stddev: 0.05, seed: 1 });
 */
export function randomNormal(shape: readonly number[], options: RandomNormalOptions = {}): Tensor {
  const who = 'randomNormal';
  const { mean = 0, stddev = 1, seed } = options;
  checkShape(shape, who);
  checkFinite(mean, 'mean', who);
  checkStddev(stddev, who);
  const next = normalStream(rngFor(seed, who));
  const data = new Float32Array(sizeOf(shape));
  for (let i = 0; i < data.length; i++) data[i] = mean + stddev * next();
  return new Tensor(data, shape, 'float32');
}

/**
 * Values from a normal distribution truncated to two standard deviations
 * (`keras.random.truncated_normal`): draws with `|z| > 2` are discarded and drawn again, so every
 * value lies in `[mean - 2 stddev, mean + 2 stddev]` and the standard deviation of the result is
 * about `0.8796 * stddev`.
 *
 * @param shape - The output shape.
 * @returns A float32 tensor of `shape`.
 * @example
 * truncatedNormal([64, 32], { stddev: 0.02, seed: 7 }); // all within [-0.04, 0.04]
 */
export function truncatedNormal(shape: readonly number[], options: RandomNormalOptions = {}): Tensor {
  const who = 'truncatedNormal';
  const { mean = 0, stddev = 1, seed } = options;
  checkShape(shape, who);
  checkFinite(mean, 'mean', who);
  checkStddev(stddev, who);
  const next = normalStream(rngFor(seed, who));
  const data = new Float32Array(sizeOf(shape));
  for (let i = 0; i < data.length; i++) {
    let z = next();
    while (z < -2 || z > 2) z = next();
    data[i] = mean + stddev * z;
  }
  return new Tensor(data, shape, 'float32');
}

/**
 * A float32 mask of independent 0/1 values, each 1 with probability `p` (`u < p` for a uniform
 * `u`), as dropout uses to keep units.
 *
 * @param shape - The output shape.
 * @returns A float32 tensor of `shape` holding 0 and 1.
 * @example
 * bernoulli([2, 4], { p: 0.75, seed: gen }); // about three ones in four
 */
export function bernoulli(shape: readonly number[], options: BernoulliOptions): Tensor {
  const who = 'bernoulli';
  const { p, seed } = options ?? ({} as BernoulliOptions);
  checkShape(shape, who);
  if (typeof p !== 'number' || !(p >= 0 && p <= 1)) {
    throw new ValueError(`${who}: p must be a probability in [0, 1], received p=${show(p)}`);
  }
  const rng = rngFor(seed, who);
  const data = new Float32Array(sizeOf(shape));
  for (let i = 0; i < data.length; i++) data[i] = rng() < p ? 1 : 0;
  return new Tensor(data, shape, 'float32');
}

/**
 * A random ordering of `0 .. n-1` as int32 (Fisher–Yates shuffle), as `fit` uses to shuffle
 * samples each epoch.
 *
 * @param n - How many indices, a non-negative integer.
 * @returns An int32 tensor of shape `[n]`.
 * @example
 * randomPermutation(5, { seed: 3 }); // e.g. [3, 0, 4, 1, 2], the same on every call
 */
export function randomPermutation(n: number, options: RandomPermutationOptions = {}): Tensor {
  const who = 'randomPermutation';
  if (!Number.isInteger(n) || n < 0) {
    throw new ValueError(`${who}: n must be a non-negative integer, received n=${show(n)}`);
  }
  const rng = rngFor(options.seed, who);
  const data = new Int32Array(n);
  for (let i = 0; i < n; i++) data[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.double() * (i + 1));
    const t = data[i];
    data[i] = data[j];
    data[j] = t;
  }
  return new Tensor(data, [n], 'int32');
}
