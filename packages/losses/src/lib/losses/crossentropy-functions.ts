import {
  Tensor,
  TensorLike,
  add,
  asTensor,
  clip,
  div,
  exp,
  expandDims,
  log,
  max,
  mean,
  mul,
  neg,
  noGrad,
  normalizeAxis,
  notEqual,
  pow,
  reshape,
  sigmoid,
  sub,
  sum,
  where,
} from '@strata/tensor';
import { EPSILON, checkAxis, checkBoolean, checkNumber } from './check';
import {
  binaryCrossentropyOp,
  categoricalCrossentropyOp,
  checkSameShape,
  sparseCategoricalCrossentropyOp,
} from './crossentropy-ops';
import { setLossMask } from './loss-mask';
import { toFloat } from './reduction';

/** Options of the binary and categorical crossentropies. */
export interface CrossentropyOptions {
  /** Whether `yPred` holds logits rather than probabilities. Default `false`. */
  fromLogits?: boolean;
  /** Label smoothing in `[0, 1]`. Default 0. */
  labelSmoothing?: number;
  /** The class axis (categorical) or the axis averaged over (binary). Default -1. */
  axis?: number;
}

/** Options of {@link binaryFocalCrossentropy}. */
export interface BinaryFocalOptions extends CrossentropyOptions {
  /** Weight class 1 by `alpha` and class 0 by `1 - alpha`. Default `false`. */
  applyClassBalancing?: boolean;
  /** The class-1 weight used with `applyClassBalancing`. Default 0.25. */
  alpha?: number;
  /** The focusing exponent. Default 2. */
  gamma?: number;
}

/** Options of {@link categoricalFocalCrossentropy}. */
export interface CategoricalFocalOptions extends CrossentropyOptions {
  /** A weight for all classes, or one per class. Default 0.25. */
  alpha?: number | readonly number[];
  /** The focusing exponent. Default 2. */
  gamma?: number;
}

/** Options of {@link sparseCategoricalCrossentropy}. */
export interface SparseCategoricalOptions {
  /** Whether `yPred` holds logits. Default `false`. */
  fromLogits?: boolean;
  /** A class id whose entries are left out (loss 0, masked out of the mean). Default `null`. */
  ignoreClass?: number | null;
  /** The class axis of `yPred`. Default -1. */
  axis?: number;
}

function common(who: string, o: CrossentropyOptions): { fromLogits: boolean; ls: number; axis: number } {
  return {
    fromLogits: checkBoolean(who, 'fromLogits', o.fromLogits ?? false),
    ls: checkNumber(who, 'labelSmoothing', o.labelSmoothing ?? 0),
    axis: checkAxis(who, o.axis ?? -1),
  };
}

// y * (1 - ls) + ls / classes, with Keras's float32 division of the smoothing by the class count.
function smoothCategorical(t: Tensor, ls: number): Tensor {
  const classes = t.shape[t.rank - 1];
  return add(mul(t, 1 - ls), Math.fround(Math.fround(ls) / classes));
}

/** `jax.nn.softmax`: `e / sum(e)` with `e = exp(x - max(x))`, the max held constant. */
function softmax(x: Tensor, axis: number): Tensor {
  const e = exp(sub(x, noGrad(() => max(x, axis, true))));
  return div(e, sum(e, axis, true));
}

/**
 * Binary crossentropy per sample (`keras.losses.binary_crossentropy`), the mean over `axis` of
 * `-(t log p + (1 - t) log(1 - p))` with `p` clipped to `[1e-7, 1 - 1e-7]`, or for logits the
 * stable `max(x, 0) - x t + log1p(exp(-|x|))`. Labels are smoothed towards 0.5:
 * `t (1 - ls) + ls / 2`.
 *
 * Shapes: `yTrue` and `yPred` identical `[batch, ..., d]`; the result drops `axis`.
 * @example binaryCrossentropy([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]]); // [0.9163, 0.7136]
 */
export function binaryCrossentropy(yTrue: TensorLike, yPred: TensorLike, options: CrossentropyOptions = {}): Tensor {
  const { fromLogits, ls, axis } = common('binaryCrossentropy', options);
  const p = toFloat(yPred);
  let t = toFloat(yTrue);
  if (ls) t = add(mul(t, 1 - ls), 0.5 * ls);
  return mean(binaryCrossentropyOp(t, p, fromLogits, 'binaryCrossentropy'), axis);
}

/**
 * Binary focal crossentropy per sample (`keras.losses.binary_focal_crossentropy`, Lin et al.
 * 2018): the binary crossentropy times `(1 - p_t)^gamma` with `p_t = t p + (1 - t)(1 - p)`,
 * optionally weighted `alpha` / `1 - alpha` by class; the mean over `axis`.
 *
 * Shapes: `yTrue` and `yPred` identical; the result drops `axis`.
 * @example binaryFocalCrossentropy([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]]); // [0.3299, 0.2058]
 */
export function binaryFocalCrossentropy(yTrue: TensorLike, yPred: TensorLike, options: BinaryFocalOptions = {}): Tensor {
  const who = 'binaryFocalCrossentropy';
  const { fromLogits, ls, axis } = common(who, options);
  const balance = checkBoolean(who, 'applyClassBalancing', options.applyClassBalancing ?? false);
  const alpha = checkNumber(who, 'alpha', options.alpha ?? 0.25);
  const gamma = checkNumber(who, 'gamma', options.gamma ?? 2);
  let p = toFloat(yPred);
  let t = toFloat(yTrue);
  if (ls) t = add(mul(t, 1 - ls), 0.5 * ls);
  if (fromLogits) p = sigmoid(p);
  const bce = binaryCrossentropyOp(t, p, false, who);
  const pT = add(mul(t, p), mul(sub(1, t), sub(1, p)));
  let focal = mul(pow(sub(1, pT), gamma), bce);
  if (balance) focal = mul(add(mul(t, alpha), mul(sub(1, t), 1 - alpha)), focal);
  return mean(focal, axis);
}

/**
 * Categorical crossentropy per sample (`keras.losses.categorical_crossentropy`):
 * `-sum(t log p)` along `axis`, with `p = clip(yPred / sum(yPred), 1e-7, 1 - 1e-7)` or, for
 * logits, `log_softmax`. Labels are smoothed as `t (1 - ls) + ls / classes` (classes = the
 * size of the last axis).
 *
 * Shapes: `yTrue` (one-hot) and `yPred` identical `[batch, ..., classes]`; the result drops `axis`.
 * @example categoricalCrossentropy([[0, 1, 0]], [[0.05, 0.95, 0]]); // [0.0513]
 */
export function categoricalCrossentropy(yTrue: TensorLike, yPred: TensorLike, options: CrossentropyOptions = {}): Tensor {
  const { fromLogits, ls, axis } = common('categoricalCrossentropy', options);
  const p = toFloat(yPred);
  let t = toFloat(yTrue);
  if (ls) t = smoothCategorical(t, ls);
  return categoricalCrossentropyOp(t, p, fromLogits, axis, 'categoricalCrossentropy');
}

/**
 * Categorical focal crossentropy per sample (`keras.losses.categorical_focal_crossentropy`):
 * `sum(alpha (1 - p)^gamma * (-t log p))` along `axis`, `p` renormalized and clipped as in
 * {@link categoricalCrossentropy} (after a softmax for logits).
 *
 * Shapes: `yTrue` and `yPred` identical `[batch, ..., classes]`; `alpha` a number or one value
 * per class; the result drops `axis`.
 * @example categoricalFocalCrossentropy([[0, 1, 0]], [[0.05, 0.9, 0.05]]); // [0.000263]
 */
export function categoricalFocalCrossentropy(
  yTrue: TensorLike,
  yPred: TensorLike,
  options: CategoricalFocalOptions = {},
): Tensor {
  const who = 'categoricalFocalCrossentropy';
  const { fromLogits, ls, axis } = common(who, options);
  const alpha = options.alpha ?? 0.25;
  if (Array.isArray(alpha)) alpha.forEach((a) => checkNumber(who, 'alpha', a));
  else checkNumber(who, 'alpha', alpha);
  const gamma = checkNumber(who, 'gamma', options.gamma ?? 2);
  let p = toFloat(yPred);
  let t = toFloat(yTrue);
  if (ls) t = smoothCategorical(t, ls);
  if (fromLogits) p = softmax(p, axis);
  checkSameShape(who, t, p);
  const output = clip(div(p, sum(p, axis, true)), EPSILON, 1 - EPSILON);
  const cce = mul(neg(t), log(output));
  const weighting = mul(pow(sub(1, output), gamma), asTensor(alpha));
  return sum(mul(weighting, cce), axis);
}

/**
 * Sparse categorical crossentropy per sample (`keras.losses.sparse_categorical_crossentropy`):
 * `-log p[y]` for integer class ids `y`. With `ignoreClass`, entries of that class get loss 0
 * and are masked, so `Loss.apply` averages over the other entries only.
 *
 * Shapes: `yTrue` `[batch, ...]` or `[batch, ..., 1]`, `yPred` `[batch, ..., classes]`;
 * the result is `[batch, ...]`.
 * @example sparseCategoricalCrossentropy([1, 2], [[0.05, 0.95, 0], [0.1, 0.8, 0.1]]); // [0.0513, 2.3026]
 */
export function sparseCategoricalCrossentropy(
  yTrue: TensorLike,
  yPred: TensorLike,
  options: SparseCategoricalOptions = {},
): Tensor {
  const who = 'sparseCategoricalCrossentropy';
  const fromLogits = checkBoolean(who, 'fromLogits', options.fromLogits ?? false);
  const axis = checkAxis(who, options.axis ?? -1);
  const ignoreClass = options.ignoreClass ?? null;
  if (ignoreClass !== null) checkNumber(who, 'ignoreClass', ignoreClass);
  let p = toFloat(yPred);
  let t = asTensor(yTrue);
  if (t.rank === p.rank && t.rank > 0 && t.shape[normalizeAxis(axis, t.rank, who)] === 1) {
    t = reshape(t, t.shape.filter((_, i) => i !== normalizeAxis(axis, t.rank, who)));
  }
  if (ignoreClass === null) return sparseCategoricalCrossentropyOp(t, p, fromLogits, axis, who);
  const classAxis = normalizeAxis(axis, p.rank, who);
  const resShape = p.shape.filter((_, i) => i !== classAxis);
  const valid = notEqual(toFloat(t), Math.fround(ignoreClass));
  t = where(valid, t, 0);
  p = where(expandDims(valid, axis), p, 0);
  const res = sparseCategoricalCrossentropyOp(t, p, fromLogits, axis, who);
  const mask = reshape(valid, resShape);
  return setLossMask(where(mask, res, 0), mask);
}
