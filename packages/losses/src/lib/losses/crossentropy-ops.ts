import {
  ShapeError,
  Tensor,
  add,
  cast,
  clip,
  div,
  exp,
  formatShape,
  log,
  max,
  moveAxis,
  mul,
  neg,
  noGrad,
  normalizeAxis,
  oneHot,
  sameShape,
  softplus,
  squeeze,
  sub,
  sum,
} from '@strata/tensor';
import { EPSILON } from './check';

// The backend-level crossentropies of Keras (keras.ops.binary_crossentropy, ...), written as
// the JAX backend writes them so that values and gradients agree with Keras.

/**
 * `log(softmax(x))` along `axis`, as `jax.nn.log_softmax`: `s - log(sum(exp(s)))` with
 * `s = x - max(x)`, the max held constant for the gradient.
 * @example logSoftmax(tensor([0, 0]), -1); // [-0.6931, -0.6931]
 */
export function logSoftmax(x: Tensor, axis = -1): Tensor {
  const m = noGrad(() => max(x, axis, true));
  const shifted = sub(x, m);
  return sub(shifted, log(sum(exp(shifted), axis, true)));
}

/** Throws a `ShapeError` naming both shapes unless they are equal. @internal */
export function checkSameShape(who: string, target: Tensor, output: Tensor): void {
  if (!sameShape(target.shape, output.shape)) {
    throw new ShapeError(
      `${who}: yTrue and yPred must have the same shape, received yTrue.shape=${formatShape(target.shape)}, ` +
        `yPred.shape=${formatShape(output.shape)}`,
    );
  }
}

// Probabilities renormalized along `axis` and kept inside [epsilon, 1 - epsilon] before the log.
function logProbabilities(output: Tensor, fromLogits: boolean, axis: number): Tensor {
  if (fromLogits) return logSoftmax(output, axis);
  return log(clip(div(output, sum(output, axis, true)), EPSILON, 1 - EPSILON));
}

/**
 * Elementwise binary crossentropy (`keras.ops.binary_crossentropy`): with probabilities,
 * `-(t log(o) + (1 - t) log(1 - o))` on `o` clipped to `[1e-7, 1 - 1e-7]`; with logits `x`,
 * the stable `max(x, 0) - x t + log1p(exp(-|x|))`.
 *
 * Shapes: `target` and `output` identical; the result has that shape.
 */
export function binaryCrossentropyOp(target: Tensor, output: Tensor, fromLogits: boolean, who: string): Tensor {
  checkSameShape(who, target, output);
  if (fromLogits) return sub(softplus(output), mul(output, target));
  const o = clip(output, EPSILON, 1 - EPSILON);
  return neg(add(mul(target, log(o)), mul(sub(1, target), log(sub(1, o)))));
}

/**
 * Categorical crossentropy along `axis` (`keras.ops.categorical_crossentropy`):
 * `-sum(t * log_softmax(x))` for logits, else `-sum(t * log(clip(o / sum(o))))`.
 *
 * Shapes: `target` and `output` identical, rank >= 1; the result drops `axis`.
 */
export function categoricalCrossentropyOp(
  target: Tensor,
  output: Tensor,
  fromLogits: boolean,
  axis: number,
  who: string,
): Tensor {
  checkSameShape(who, target, output);
  if (target.rank < 1) {
    throw new ShapeError(`${who}: yTrue and yPred must have rank >= 1, received yTrue.shape=[], yPred.shape=[]`);
  }
  return neg(sum(mul(target, logProbabilities(output, fromLogits, axis)), axis));
}

/**
 * Sparse categorical crossentropy (`keras.ops.sparse_categorical_crossentropy`): integer class
 * ids in `target` (truncated toward zero; out-of-range ids give a loss of 0) against the class
 * scores of `output` along `axis`.
 *
 * Shapes: `target` `[...]` (or `[..., 1]`), `output` `[..., classes]`; the result is `[...]`.
 */
export function sparseCategoricalCrossentropyOp(
  target: Tensor,
  output: Tensor,
  fromLogits: boolean,
  axis: number,
  who: string,
): Tensor {
  let ids = cast(target, 'int32');
  if (ids.rank === output.rank && ids.rank > 0 && ids.shape[ids.rank - 1] === 1) ids = squeeze(ids, -1);
  if (output.rank < 1) {
    throw new ShapeError(`${who}: yPred must have rank >= 1, received yPred.shape=${formatShape(output.shape)}`);
  }
  if (!sameShape(ids.shape, output.shape.slice(0, -1))) {
    throw new ShapeError(
      `${who}: yTrue must have the shape of yPred without its last axis, received ` +
        `yTrue.shape=${formatShape(target.shape)}, yPred.shape=${formatShape(output.shape)}`,
    );
  }
  const classAxis = normalizeAxis(axis, output.rank, who);
  let onehot = oneHot(ids, output.shape[classAxis]);
  if (classAxis !== output.rank - 1) onehot = moveAxis(onehot, -1, classAxis);
  return neg(sum(mul(onehot, logProbabilities(output, fromLogits, classAxis)), classAxis));
}
