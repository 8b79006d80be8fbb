import { noGrad, record } from '../autodiff';
import { normalizeAxes } from '../shape';
import { Tensor, TensorLike, asTensor } from '../tensor';
import { add, div, mul, sub } from './arithmetic';
import { cast, unaryOp } from './elementwise';
import { exp, log, sqrt, square } from './math';
import { Axis, mean, reduceOp, reducedShapes, sum } from './reduce';
import { reshape } from './shape-ops';

// A max that never throws: logsumexp over an empty axis is -inf, as in JAX.
const shift = reduceOp('logsumexp', -Infinity, (a, v) => (v > a || v !== v ? v : a), () => 'float32');
const finiteOrZero = unaryOp((v) => (Number.isFinite(v) ? v : 0));

/**
 * `log(sum(exp(x)))` over `axis`, computed stably as `m + log(sum(exp(x - m)))` with
 * `m = max(x)` (a non-finite `m` is replaced by 0, as `jax.scipy.special.logsumexp`).
 * Float32 output. Gradient `dy * softmax(x)` over the reduced axes.
 *
 * Shapes: `x.shape` minus the reduced axes (kept as size 1 with `keepdims`).
 * @example logsumexp(tensor([1000, 1000])); // 1000.6931
 */
export function logsumexp(xIn: TensorLike, axis: Axis = null, keepdims = false): Tensor {
  const x = cast(asTensor(xIn), 'float32');
  const axes = normalizeAxes(axis, x.rank, 'logsumexp');
  const { kept, dropped } = reducedShapes(x.shape, axes);
  const { m, s, yKept } = noGrad(() => {
    const shiftKept = finiteOrZero(shift(x, axes, true));
    const total = sum(exp(sub(x, shiftKept)), axes, true);
    return { m: shiftKept, s: total, yKept: add(log(total), shiftKept) };
  });
  const y = new Tensor(yKept.data, keepdims ? kept : dropped, 'float32');
  // softmax from the shifted exponentials: exact even where y itself rounds (|x| ~ 1e3).
  return record(y, [x], (dy) => [mul(div(reshape(dy, kept), s), exp(sub(x, m)))]);
}

/**
 * Population variance over `axis`: `mean((x - mean(x))^2)` (no Bessel correction, as
 * `keras.ops.var`). Float32 output; differentiable.
 *
 * Shapes: `x.shape` minus the reduced axes (kept as size 1 with `keepdims`).
 * @example variance(tensor([1, 2, 3, 4])); // 1.25
 */
export function variance(xIn: TensorLike, axis: Axis = null, keepdims = false): Tensor {
  const x = cast(asTensor(xIn), 'float32');
  const axes = normalizeAxes(axis, x.rank, 'variance');
  return mean(square(sub(x, mean(x, axes, true))), axes, keepdims);
}

/**
 * Population standard deviation over `axis`: `sqrt(variance(x))`, as `keras.ops.std`.
 * Float32 output; the gradient is NaN where the variance is 0 (as in JAX).
 * @example std(tensor([1, 2, 3, 4])); // 1.118034
 */
export function std(xIn: TensorLike, axis: Axis = null, keepdims = false): Tensor {
  return sqrt(variance(xIn, axis, keepdims));
}
