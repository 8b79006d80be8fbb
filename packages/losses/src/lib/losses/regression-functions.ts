import {
  Tensor,
  TensorLike,
  abs,
  add,
  div,
  expandDims,
  log,
  lessEqual,
  maximum,
  mean,
  minimum,
  mul,
  neg,
  rsqrt,
  softplus,
  square,
  sub,
  sum,
  where,
} from '@strata/tensor';
import { EPSILON, checkAxis, checkNumber } from './check';
import { checkBroadcast, squeezeOrExpandToSameRank, toFloat } from './reduction';

// Every function here: y_pred to float32, y_true to float32, the ranks matched with
// squeeze_or_expand_to_same_rank, then NumPy broadcasting (as Keras) with a ShapeError naming
// both shapes when they do not broadcast.
function prepare(who: string, yTrue: TensorLike, yPred: TensorLike): [Tensor, Tensor] {
  const [t, p] = squeezeOrExpandToSameRank(toFloat(yTrue), toFloat(yPred));
  checkBroadcast(who, t, p);
  return [t, p];
}

/**
 * Mean squared error per sample (`keras.losses.mean_squared_error`, alias `'mse'`):
 * `mean((yTrue - yPred)^2, axis=-1)`.
 *
 * Shapes: `[batch, ..., d]` twice (broadcastable); the result is `[batch, ...]`.
 * @example meanSquaredError([[0, 1], [0, 0]], [[1, 1], [1, 0]]); // [0.5, 0.5]
 */
export function meanSquaredError(yTrue: TensorLike, yPred: TensorLike): Tensor {
  const [t, p] = prepare('meanSquaredError', yTrue, yPred);
  return mean(square(sub(t, p)), -1);
}

/**
 * Mean absolute error per sample (`keras.losses.mean_absolute_error`, alias `'mae'`):
 * `mean(|yTrue - yPred|, axis=-1)`.
 *
 * Shapes: `[batch, ..., d]` twice; the result is `[batch, ...]`.
 * @example meanAbsoluteError([[1, 0.3, 1]], [[1.9, 0.3, 1.8]]); // [0.5667]
 */
export function meanAbsoluteError(yTrue: TensorLike, yPred: TensorLike): Tensor {
  const [t, p] = prepare('meanAbsoluteError', yTrue, yPred);
  return mean(abs(sub(t, p)), -1);
}

/**
 * Mean absolute percentage error per sample (`keras.losses.mean_absolute_percentage_error`,
 * alias `'mape'`): `100 * mean(|(yTrue - yPred) / max(|yTrue|, 1e-7)|, axis=-1)`.
 *
 * Shapes: `[batch, ..., d]` twice; the result is `[batch, ...]`.
 * @example meanAbsolutePercentageError([[100, 200, 300]], [[90, 210, 310]]); // [6.1111]
 */
export function meanAbsolutePercentageError(yTrue: TensorLike, yPred: TensorLike): Tensor {
  const [t, p] = prepare('meanAbsolutePercentageError', yTrue, yPred);
  return mul(100, mean(abs(div(sub(t, p), maximum(abs(t), EPSILON))), -1));
}

/**
 * Mean squared logarithmic error per sample (`keras.losses.mean_squared_logarithmic_error`,
 * alias `'msle'`): `mean((log(max(yPred, 1e-7) + 1) - log(max(yTrue, 1e-7) + 1))^2, axis=-1)`.
 *
 * Shapes: `[batch, ..., d]` twice; the result is `[batch, ...]`.
 * @example meanSquaredLogarithmicError([[0, 1]], [[1, 1]]); // [0.2402]
 */
export function meanSquaredLogarithmicError(yTrue: TensorLike, yPred: TensorLike): Tensor {
  const [t, p] = prepare('meanSquaredLogarithmicError', yTrue, yPred);
  const first = log(add(maximum(p, EPSILON), 1));
  const second = log(add(maximum(t, EPSILON), 1));
  return mean(square(sub(first, second)), -1);
}

/**
 * Keras's `normalize(x, axis)` for the L2 norm: `x * min(1 / ||x||, 1e7)`, so a zero vector
 * stays zero. A scalar is treated as a vector of one element.
 * @internal
 */
export function l2Normalize(x: Tensor, axis: number): Tensor {
  if (x.rank === 0) x = expandDims(x, 0);
  return mul(x, minimum(rsqrt(sum(square(x), axis, true)), 1 / EPSILON));
}

/**
 * Negative cosine similarity per sample (`keras.losses.cosine_similarity`):
 * `-sum(l2_normalize(yTrue) * l2_normalize(yPred), axis)`; a zero vector gives 0.
 *
 * Shapes: `[batch, ..., d]` twice; the result drops `axis`.
 * @example cosineSimilarity([[0, 1], [1, 1]], [[1, 0], [1, 1]]); // [-0, -1]
 */
export function cosineSimilarity(yTrue: TensorLike, yPred: TensorLike, options: { axis?: number } = {}): Tensor {
  const axis = checkAxis('cosineSimilarity', options.axis ?? -1);
  const [t, p] = prepare('cosineSimilarity', yTrue, yPred);
  return neg(sum(mul(l2Normalize(t, axis), l2Normalize(p, axis)), axis));
}

/**
 * Huber loss per sample (`keras.losses.huber`): with `e = yPred - yTrue`, `0.5 e^2` where
 * `|e| <= delta`, else `delta |e| - 0.5 delta^2`; the mean over the last axis.
 *
 * Shapes: `[batch, ..., d]` twice; the result is `[batch, ...]`.
 * @example huber([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]]); // [0.18, 0.13]
 */
export function huber(yTrue: TensorLike, yPred: TensorLike, options: { delta?: number } = {}): Tensor {
  const delta = checkNumber('huber', 'delta', options.delta ?? 1);
  const [t, p] = prepare('huber', yTrue, yPred);
  const error = sub(p, t);
  const absError = abs(error);
  const halfDeltaSquared = 0.5 * Math.fround(Math.fround(delta) ** 2);
  return mean(where(lessEqual(absError, delta), mul(0.5, square(error)), sub(mul(delta, absError), halfDeltaSquared)), -1);
}

/**
 * Log-cosh loss per sample (`keras.losses.log_cosh`): `mean(log(cosh(yPred - yTrue)), axis=-1)`,
 * computed as `x + softplus(-2x) - log 2` so large errors do not overflow.
 *
 * Shapes: `[batch, ..., d]` twice; the result is `[batch, ...]`.
 * @example logCosh([[0, 1], [0, 0]], [[1, 1], [0, 0]]); // [0.2169, 0]
 */
export function logCosh(yTrue: TensorLike, yPred: TensorLike): Tensor {
  const [t, p] = prepare('logCosh', yTrue, yPred);
  const x = sub(p, t);
  return mean(sub(add(x, softplus(mul(x, -2))), Math.fround(Math.log(2))), -1);
}
