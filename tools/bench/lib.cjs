// Shared helpers of the benchmark runner and its cases (plain CommonJS, no build step).
'use strict';

/**
 * Deterministic pseudo-random float32 data in [-0.5, 0.5): every engine multiplies the same
 * numbers, and runs are repeatable.
 */
function randomData(size, seed = 1) {
  const out = new Float32Array(size);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2 ** 32 - 0.5;
  }
  return out;
}

function sizeOf(shape) {
  return shape.reduce((p, d) => p * d, 1);
}

/** A Strata tensor of `shape` filled by `randomData`. */
function strataRandom(strata, shape, seed) {
  return strata.tensor(randomData(sizeOf(shape), seed), shape);
}

/** A tfjs tensor of `shape` filled by `randomData`, on the current tfjs backend. */
function tfRandom(tf, shape, seed) {
  return tf.tensor(randomData(sizeOf(shape), seed), shape, 'float32');
}

/** Milliseconds since an arbitrary origin, with sub-millisecond resolution. */
function now() {
  return Number(process.hrtime.bigint()) / 1e6;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** CPU time (user + system) this process has used, in milliseconds. */
function cpuNow() {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * Times `fn`: `warmup` untimed calls (JIT, kernel caches, wasm compilation), then timed calls
 * until `minTime` ms have passed and at least `minReps` were made, at most `maxReps`.
 * Returns the median and the number of timed calls. With `cpuTime`, each call is timed by the
 * process's CPU time instead of the wall clock: steadier on a machine shared with other jobs,
 * and the same for single-threaded engines (it also counts V8's GC helper threads).
 */
function measure(fn, { warmup = 2, minTime = 500, minReps = 3, maxReps = 50, cpuTime = false } = {}) {
  const clock = cpuTime ? cpuNow : now;
  for (let i = 0; i < warmup; i++) fn();
  const times = [];
  const start = now();
  while (times.length < maxReps && (times.length < minReps || now() - start < minTime)) {
    const t = clock();
    fn();
    times.push(clock() - t);
  }
  return { ms: median(times), reps: times.length };
}

/**
 * `measure` for thunks that return a promise (a training epoch through `model.fit`): each call is
 * awaited before the clock stops. `warmupFn`, when given, replaces `fn` for the warm-up calls
 * (a few batches warm the JIT and build the optimizer's slots far faster than a whole epoch).
 */
async function measureAsync(fn, { warmup = 2, minTime = 500, minReps = 3, maxReps = 50, cpuTime = false } = {}, warmupFn = fn) {
  const clock = cpuTime ? cpuNow : now;
  for (let i = 0; i < warmup; i++) await warmupFn();
  const times = [];
  const start = now();
  while (times.length < maxReps && (times.length < minReps || now() - start < minTime)) {
    const t = clock();
    await fn();
    times.push(clock() - t);
  }
  return { ms: median(times), reps: times.length };
}

module.exports = { randomData, sizeOf, strataRandom, tfRandom, now, cpuNow, median, measure, measureAsync };
