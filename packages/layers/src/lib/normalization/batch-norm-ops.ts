import {
  Tensor, add, broadcastTo, cast, div, expandDims, mul, neg, reshape, rsqrt, square, sub, sum, where,
} from '@strata/tensor';

// Keras's backend.epsilon(), which its masked moments add to the mask count.
const KERAS_EPSILON = 1e-7;

/**
 * Keras's masked batch moments (`BatchNormalization._moments` with a mask), with ordinary ops so
 * that gradients flow through them: the mask (`x.shape` minus its last axis) is broadcast over
 * the last axis; `mean = sum(x * m) / (sum(m) + 1e-7)`, `var = sum(((x - mean) * m)^2) / (sum(m) + 1e-7)`,
 * both over every axis but `axis`. Returns vectors of `x.shape[axis]` entries.
 */
export function maskedMoments(x: Tensor, mask: Tensor, axis: number): { mean: Tensor; variance: Tensor } {
  const reduction = x.shape.map((_, k) => k).filter((k) => k !== axis);
  const m = cast(broadcastTo(expandDims(mask, -1), x.shape), 'bool');
  const total = sum(where(m, x, 0), reduction, true);
  const weight = add(sum(cast(m, 'float32'), reduction, true), KERAS_EPSILON);
  const mean = div(total, weight);
  const variance = div(sum(square(where(m, sub(x, mean), 0)), reduction, true), weight);
  const c = x.shape[axis];
  return { mean: reshape(mean, [c]), variance: reshape(variance, [c]) };
}

/**
 * `keras.ops.batch_normalization` with ordinary (differentiable) ops:
 * `inv = rsqrt(variance + epsilon) * scale; y = x * inv + (offset - mean * inv)`, the vectors
 * laid along `axis`.
 */
export function batchNormOps(
  x: Tensor,
  mean: Tensor,
  variance: Tensor,
  scale: Tensor | null,
  offset: Tensor | null,
  epsilon: number,
  axis: number,
): Tensor {
  const shape = x.shape.map((d, k) => (k === axis ? d : 1));
  let inv = rsqrt(add(reshape(variance, shape), epsilon));
  if (scale) inv = mul(inv, reshape(scale, shape));
  let res = mul(neg(reshape(mean, shape)), inv);
  if (offset) res = add(res, reshape(offset, shape));
  return add(mul(x, inv), res);
}

/** Batch renormalization's clipping bounds (Keras's `renorm_clipping`). */
export interface RenormClipping {
  rmax?: number;
  rmin?: number;
  dmax?: number;
}

/**
 * The batch renormalization corrections (Ioffe 2017), constants for autodiff as in Keras:
 * `r = clip(sigma / max(renormStddev, sqrt(eps)), rmin, rmax)`,
 * `d = clip((mean - renormMean) / max(renormStddev, sqrt(eps)), -dmax, dmax)` with `sigma = sqrt(var + eps)`.
 */
export function renormCorrections(
  mean: ArrayLike<number>,
  variance: ArrayLike<number>,
  renormMean: ArrayLike<number>,
  renormStddev: ArrayLike<number>,
  epsilon: number,
  clipping: RenormClipping,
): { r: Tensor; d: Tensor } {
  const n = mean.length;
  const r = new Float32Array(n);
  const d = new Float32Array(n);
  const floor = Math.fround(Math.sqrt(Math.fround(epsilon)));
  for (let c = 0; c < n; c++) {
    const sigma = Math.fround(Math.sqrt(Math.fround(variance[c] + epsilon)));
    const s = Math.max(renormStddev[c], floor);
    let rc = Math.fround(sigma / s);
    let dc = Math.fround(Math.fround(mean[c] - renormMean[c]) / s);
    if (clipping.rmin != null) rc = Math.max(rc, clipping.rmin);
    if (clipping.rmax != null) rc = Math.min(rc, clipping.rmax);
    if (clipping.dmax != null) dc = Math.min(Math.max(dc, -clipping.dmax), clipping.dmax);
    r[c] = rc;
    d[c] = dc;
  }
  return { r: new Tensor(r, [n], 'float32'), d: new Tensor(d, [n], 'float32') };
}

/** `old * momentum + value * (1 - momentum)` in float32, as Keras's moving-average updates. */
export function movingAverage(old: ArrayLike<number>, value: ArrayLike<number>, momentum: number): Tensor {
  const out = new Float32Array(old.length);
  const a = Math.fround(momentum);
  const b = Math.fround(1 - momentum);
  for (let k = 0; k < out.length; k++) out[k] = Math.fround(old[k] * a) + Math.fround(value[k] * b);
  return new Tensor(out, [out.length], 'float32');
}
