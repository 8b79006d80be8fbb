import { Tensor, TensorLike, add, max, maximum, mean, mul, square, sub, sum } from '@strata/tensor';
import { checkBroadcast, toFloat } from './reduction';

/**
 * Keras's `convert_binary_labels_to_hinge`: labels that are all 0 or 1 become -1 or 1; any
 * other labels are left as they are.
 * @internal
 */
export function toHingeLabels(t: Tensor): Tensor {
  const d = t.data;
  for (let i = 0; i < d.length; i++) if (d[i] !== 0 && d[i] !== 1) return t;
  return sub(mul(2, t), 1);
}

function prepare(who: string, yTrue: TensorLike, yPred: TensorLike): [Tensor, Tensor] {
  const p = toFloat(yPred);
  const t = toFloat(yTrue);
  checkBroadcast(who, t, p);
  return [t, p];
}

/**
 * Hinge loss per sample (`keras.losses.hinge`): `mean(max(1 - yTrue * yPred, 0), axis=-1)`,
 * with 0/1 labels first mapped to -1/1.
 *
 * Shapes: `[batch, ..., d]` twice; the result is `[batch, ...]`.
 * @example hinge([[1, 0]], [[0.6, -0.4]]); // [0.5]
 */
export function hinge(yTrue: TensorLike, yPred: TensorLike): Tensor {
  const [t, p] = prepare('hinge', yTrue, yPred);
  return mean(maximum(sub(1, mul(toHingeLabels(t), p)), 0), -1);
}

/**
 * Squared hinge loss per sample (`keras.losses.squared_hinge`):
 * `mean(max(1 - yTrue * yPred, 0)^2, axis=-1)`, 0/1 labels mapped to -1/1.
 *
 * Shapes: `[batch, ..., d]` twice; the result is `[batch, ...]`.
 * @example squaredHinge([[1, 0]], [[0.6, -0.4]]); // [0.26]
 */
export function squaredHinge(yTrue: TensorLike, yPred: TensorLike): Tensor {
  const [t, p] = prepare('squaredHinge', yTrue, yPred);
  return mean(square(maximum(sub(1, mul(toHingeLabels(t), p)), 0)), -1);
}

/**
 * Categorical hinge loss per sample (`keras.losses.categorical_hinge`):
 * `max(neg - pos + 1, 0)` with `pos = sum(yTrue * yPred)` and `neg = max((1 - yTrue) * yPred)`
 * over the last axis.
 *
 * Shapes: `[batch, ..., classes]` twice; the result is `[batch, ...]`.
 * @example categoricalHinge([[0, 1, 0]], [[0.2, 0.5, 0.3]]); // [0.8]
 */
export function categoricalHinge(yTrue: TensorLike, yPred: TensorLike): Tensor {
  const [t, p] = prepare('categoricalHinge', yTrue, yPred);
  const pos = sum(mul(t, p), -1);
  const neg = max(mul(sub(1, t), p), -1);
  return maximum(add(sub(neg, pos), 1), 0);
}
