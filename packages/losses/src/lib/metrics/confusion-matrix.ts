import {
  ShapeError,
  Tensor,
  TensorLike,
  ValueError,
  broadcastTo,
  expandDims,
  formatShape,
  sameShape,
  show,
  slice,
} from '@strata/tensor';
import { squeezeOrExpandToSameRank, toFloat } from '../losses/reduction';

/** The score given to predictions outside the top k (Keras's `NEG_INF`). */
export const NEG_INF = -1e10;

/** Confusion-matrix counts, one entry per threshold (times labels for multi-label AUC). */
export interface ConfusionCounts {
  tp?: Float32Array;
  fp?: Float32Array;
  tn?: Float32Array;
  fn?: Float32Array;
}

/** How {@link updateConfusionMatrix} reads a batch. */
export interface ConfusionOptions {
  thresholds: readonly number[];
  /** Thresholds evenly spaced on [0, 1] (use Keras's bucketed algorithm). */
  evenlyDistributed: boolean;
  topK?: number | null;
  classId?: number | null;
  sampleWeight?: TensorLike | null;
  /** Keep one count per label (the last axis of a rank-2 `yPred`). */
  multiLabel?: boolean;
  /** Per-label weights (not with `multiLabel`). */
  labelWeights?: readonly number[] | null;
}

/**
 * Keras's `parse_init_thresholds`: a threshold or a list of them, each in [0, 1], or the default.
 * @internal
 */
export function parseThresholds(who: string, thresholds: unknown, defaultThreshold: number): number[] {
  if (thresholds === undefined || thresholds === null) return [defaultThreshold];
  const list = Array.isArray(thresholds) ? thresholds : [thresholds];
  if (list.length === 0 || !list.every((t) => typeof t === 'number' && t >= 0 && t <= 1)) {
    throw new ValueError(`${who}: thresholds must be numbers in [0, 1], received thresholds=${show(thresholds)}`);
  }
  return list as number[];
}

/**
 * Keras's `is_evenly_distributed_thresholds`: at least 3 values, `allclose` to
 * `arange(n) / (n - 1)` (float32) with `atol = 1e-7`, `rtol = 1e-5`.
 * @internal
 */
export function isEvenlyDistributed(thresholds: readonly number[]): boolean {
  const n = thresholds.length;
  if (n < 3) return false;
  return thresholds.every((t, i) => {
    const even = Math.fround(Math.fround(i) / (n - 1));
    return Math.abs(t - even) <= 1e-7 + 1e-5 * Math.abs(even);
  });
}

// Keras's _filter_top_k: keeps the k largest scores of each row (ties to the lower index, as
// jax.lax.top_k) and sets the others to NEG_INF.
function filterTopK(p: Tensor, k: number): Tensor {
  const classes = p.shape[p.rank - 1];
  const out = Float32Array.from(p.data);
  const order = Array.from({ length: classes }, (_, i) => i);
  for (let r = 0; r < p.size; r += classes) {
    order.sort((a, b) => p.data[r + b] - p.data[r + a] || a - b);
    for (let j = k; j < classes; j++) out[r + order[j]] = NEG_INF;
    order.sort((a, b) => a - b);
  }
  return new Tensor(out, p.shape, 'float32');
}

function weightsFor(who: string, p: Tensor, options: ConfusionOptions, sw: Tensor | null): Float32Array {
  const w = new Float32Array(p.size).fill(1);
  if (sw !== null) {
    let b: Tensor;
    try {
      b = broadcastTo(sw, p.shape);
    } catch {
      throw new ShapeError(
        `${who}: sampleWeight must broadcast to yPred, received sampleWeight.shape=${formatShape(sw.shape)}, ` +
          `yPred.shape=${formatShape(p.shape)}`,
      );
    }
    w.set(b.data);
  }
  const lw = options.labelWeights;
  if (lw && !options.multiLabel) {
    const labels = p.rank === 0 ? 1 : p.shape[p.rank - 1];
    if (lw.length !== labels && lw.length !== 1) {
      throw new ShapeError(`${who}: labelWeights must have one weight per label (${labels}), received ${lw.length}`);
    }
    for (let i = 0; i < w.length; i++) w[i] *= lw[lw.length === 1 ? 0 : i % labels];
  }
  return w;
}

/**
 * Adds one batch to the confusion-matrix counts (Keras's `update_confusion_matrix_variables`):
 * for every threshold, a prediction above it counts as positive and a non-zero label as true.
 * Evenly spaced thresholds use Keras's bucketed O(T + N) algorithm (same rounding at the edges).
 *
 * Shapes: `yPred` any (rank 2 with `multiLabel`); `yTrue` the same (a trailing size-1 axis is
 * matched up); `sampleWeight` broadcastable to `yPred` after a trailing axis is added.
 * @internal
 */
export function updateConfusionMatrix(
  who: string,
  counts: ConfusionCounts,
  yTrue: TensorLike,
  yPred: TensorLike,
  options: ConfusionOptions,
): void {
  let [p, t] = squeezeOrExpandToSameRank(toFloat(yPred), toFloat(yTrue));
  let sw: Tensor | null = null;
  if (options.sampleWeight !== undefined && options.sampleWeight !== null) {
    sw = squeezeOrExpandToSameRank(t, expandDims(toFloat(options.sampleWeight), -1), false)[1];
  }
  if (options.topK !== undefined && options.topK !== null) p = filterTopK(p, options.topK);
  if (options.classId !== undefined && options.classId !== null) {
    const id = options.classId;
    if (p.rank <= 1) {
      throw new ShapeError(
        `${who}: with classId, yPred must have shape [samples, classes], received yPred.shape=${formatShape(p.shape)}`,
      );
    }
    const classes = p.shape[p.rank - 1];
    if (!Number.isInteger(id) || id < 0 || id >= classes) {
      throw new ValueError(`${who}: classId must be an integer in [0, ${classes - 1}], received classId=${show(id)}`);
    }
    const pick = (x: Tensor) => slice(x, [...x.shape.slice(0, -1).map(() => 0), id], [...x.shape.slice(0, -1), 1]);
    t = pick(t);
    p = pick(p);
  }
  if (!sameShape(t.shape, p.shape)) {
    throw new ShapeError(
      `${who}: yTrue and yPred must have the same shape, received yTrue.shape=${formatShape(t.shape)}, ` +
        `yPred.shape=${formatShape(p.shape)}`,
    );
  }
  const labels = options.multiLabel ? p.shape[1] : 1;
  const w = weightsFor(who, p, options, sw);
  const T = options.thresholds.length;
  const tp = new Float32Array(T * labels);
  const fp = new Float32Array(T * labels);
  const trueTotal = new Float32Array(labels);
  const falseTotal = new Float32Array(labels);
  const pd = p.data;
  const td = t.data;
  if (options.evenlyDistributed) {
    const withEpsilon = options.thresholds[0] < 0 || options.thresholds[T - 1] > 1;
    for (let i = 0; i < pd.length; i++) {
      const l = i % labels;
      let b = Math.ceil(Math.fround(Math.min(Math.max(pd[i], 0), 1) * (T - 1))) - 1;
      if (withEpsilon) b = Math.max(b, 0);
      const isTrue = td[i] !== 0;
      if (isTrue) trueTotal[l] += w[i];
      else falseTotal[l] += w[i];
      if (b < 0 || b >= T) continue;
      if (isTrue) tp[b * labels + l] += w[i];
      else fp[b * labels + l] += w[i];
    }
    // A threshold's count is every bucket at or above it: a reversed cumulative sum.
    for (let j = T - 2; j >= 0; j--) {
      for (let l = 0; l < labels; l++) {
        tp[j * labels + l] += tp[(j + 1) * labels + l];
        fp[j * labels + l] += fp[(j + 1) * labels + l];
      }
    }
  } else {
    const thr = options.thresholds.map(Math.fround);
    for (let i = 0; i < pd.length; i++) {
      const l = i % labels;
      const isTrue = td[i] !== 0;
      if (isTrue) trueTotal[l] += w[i];
      else falseTotal[l] += w[i];
      for (let j = 0; j < T; j++) {
        if (!(pd[i] > thr[j])) continue;
        if (isTrue) tp[j * labels + l] += w[i];
        else fp[j * labels + l] += w[i];
      }
    }
  }
  for (let k = 0; k < tp.length; k++) {
    const l = k % labels;
    if (counts.tp) counts.tp[k] += tp[k];
    if (counts.fp) counts.fp[k] += fp[k];
    if (counts.fn) counts.fn[k] += Math.fround(trueTotal[l] - tp[k]);
    if (counts.tn) counts.tn[k] += Math.fround(falseTotal[l] - fp[k]);
  }
}

/** `a / b` elementwise in float32, 0 where `b` is 0 (Keras's `divide_no_nan`). @internal */
export function divideNoNan32(a: ArrayLike<number>, b: ArrayLike<number>): number[] {
  return Array.from(a, (x, i) => (b[i] === 0 ? 0 : Math.fround(x / b[i])));
}
