import { DType } from '../dtype';
import { Tensor, TensorLike, asTensor } from '../tensor';
import { mul, neg } from './arithmetic';
import { floatDType, sameDType } from '../dtype';
import { binaryOp, cast } from './elementwise';
import { maxShareKernel } from './kernels-compare';
import { maxKernel, minKernel } from './kernels-elementwise';

// Import order matters: './arithmetic' must load before './elementwise' (see reduce.ts).
// All ops here broadcast NumPy-style; the output has the broadcast shape. Backward passes skip
// the gradient of an untracked input (`t.tracked`).

const intDType = (d: DType): DType => (d === 'bool' ? 'int32' : d);
const vjp = (fn: (a: number, b: number) => number) => binaryOp('grad', fn, floatDType);

// JAX's rules: d(a^b)/da = b a^(b-1); d(a^b)/db = a^b log(a), with log(0) read as 0.
const powGradA = vjp((a, b) => b * Math.pow(a, b - 1));
const powGradB = vjp((a, y) => y * Math.log(a === 0 ? 1 : a));

/**
 * `a ** b` elementwise (int32 stays int32). Gradients `b a^(b-1)` and `a^b log(a)`.
 * @example pow(tensor([2, 3]), 2); // [4, 9]
 */
export const pow = binaryOp('pow', Math.pow, intDType, (a, b, y, dy) => [
  a.tracked ? mul(dy, powGradA(a, b)) : null,
  b.tracked ? mul(dy, powGradB(a, y)) : null,
]);

// Ties send half the gradient to each side, as jax.grad of jnp.maximum does. `a`'s share of
// min(a, b) is `b`'s share of max(a, b).
const aWinsMax = binaryOp('grad', (a, b) => (a > b ? 1 : a === b ? 0.5 : 0), floatDType, undefined, maxShareKernel);

/**
 * Elementwise larger of `a` and `b` (NaN propagates). The gradient goes to the larger input,
 * half to each on ties (JAX's rule).
 * @example maximum(tensor([1, 5]), 3); // [3, 5]
 */
export const maximum = binaryOp(
  'maximum',
  Math.max,
  sameDType,
  (a, b, _y, dy) => [a.tracked ? mul(dy, aWinsMax(a, b)) : null, b.tracked ? mul(dy, aWinsMax(b, a)) : null],
  maxKernel,
);

/**
 * Elementwise smaller of `a` and `b` (NaN propagates); ties split the gradient.
 * @example minimum(tensor([1, 5]), 3); // [1, 3]
 */
export const minimum = binaryOp(
  'minimum',
  Math.min,
  sameDType,
  (a, b, _y, dy) => [a.tracked ? mul(dy, aWinsMax(b, a)) : null, b.tracked ? mul(dy, aWinsMax(a, b)) : null],
  minKernel,
);

// NumPy's divmod: the remainder takes the divisor's sign, the quotient is floored, and both
// are derived from fmod so that `a == floorDiv(a, b) * b + mod(a, b)` holds to rounding.
function pyMod(a: number, b: number): number {
  const r = a % b;
  if (r === 0) return b < 0 ? -0 : 0;
  return r < 0 !== b < 0 ? r + b : r;
}

function pyFloorDiv(a: number, b: number): number {
  if (b === 0) return a / b;
  const r = a % b;
  let q = (a - r) / b;
  if (r !== 0 && r < 0 !== b < 0) q -= 1;
  if (q === 0) return a / b < 0 ? -0 : 0;
  const f = Math.floor(q);
  return q - f > 0.5 ? f + 1 : f;
}

/**
 * Remainder with the sign of the divisor (Python's `%`, `keras.ops.mod`); int32 stays int32.
 * Float division by zero gives NaN, int32 gives 0 (as JAX). Gradients `1` and `-floorDiv(a, b)`.
 * @example mod(tensor([-7, 7]), tensor([3, -3])); // [2, -2]
 */
export const mod = binaryOp('mod', pyMod, intDType, (a, b, _y, dy) => [dy, b.tracked ? mul(dy, neg(floorDiv(a, b))) : null]);

/**
 * `floor(a / b)` (Python's `//`, `keras.ops.floor_divide`); int32 stays int32. No gradient.
 * @example floorDiv(tensor([-7, 7]), tensor([3, -3])); // [-3, -3]
 */
export const floorDiv = binaryOp('floorDiv', pyFloorDiv, intDType);

const diffGrad = vjp((a, b) => 2 * (a - b));

/**
 * `(a - b)^2` elementwise. Gradients `2 (a - b)` and `-2 (a - b)`.
 * @example squaredDifference(tensor([1, 4]), tensor([3, 1])); // [4, 9]
 */
export const squaredDifference = binaryOp(
  'squaredDifference',
  (a, b) => (a - b) * (a - b),
  sameDType,
  (a, b, _y, dy) => {
    const g = mul(dy, diffGrad(a, b));
    return [g, b.tracked ? neg(g) : null];
  },
);

/**
 * Limits values to `[min, max]`: `minimum(maximum(x, min), max)`, as `jnp.clip`, so `max` wins
 * when `min > max`. Bool becomes int32; bounds promote like any binary op (an int32 `x` with a
 * fractional bound gives float32). The gradient is 1 inside, 0 outside, and 0.5 at an exact bound (JAX's tie rule);
 * tensor bounds broadcast and receive the rest.
 * @example clip(tensor([-1, 0.5, 3]), 0, 1); // [0, 0.5, 1]
 */
export function clip(xIn: TensorLike, min: TensorLike, max: TensorLike): Tensor {
  let x = asTensor(xIn);
  if (x.dtype === 'bool') x = cast(x, 'int32');
  return minimum(maximum(x, min), max);
}
