import { div, mul } from './arithmetic';
import { floatDType } from '../dtype';
import { binaryOp, fusedGrad, unaryOp } from './elementwise';
import { erfDerivative, erfScalar } from './kernels-erf';
import {
  absGradKernel,
  absKernel,
  expKernel,
  logKernel,
  reciprocalGradKernel,
  reciprocalKernel,
  rsqrtGradKernel,
  rsqrtKernel,
  sigmoidGradKernel,
  sigmoidKernel,
  sqrtGradKernel,
  sqrtKernel,
  squareGradKernel,
  squareKernel,
  tanhGradKernel,
  tanhKernel,
} from './kernels-unary';

// Import order matters: './arithmetic' must load before './elementwise' (see reduce.ts).
// The hot ops pass dedicated float32 loops (kernels-unary.ts); the others call their scalar function.

// Fused vector-Jacobian products: one pass over (saved value, dy) each.
const vjp = (fn: (v: number, dy: number) => number) => binaryOp('grad', fn, floatDType);
const expm1Grad = vjp((y, dy) => dy * (y + 1));
const log1pGrad = vjp((x, dy) => dy / (1 + x));
const sqrtGrad = fusedGrad((y, dy) => dy / (2 * y), sqrtGradKernel);
const rsqrtGrad = fusedGrad((y, dy) => -0.5 * dy * y * y * y, rsqrtGradKernel);
const squareGrad = fusedGrad((x, dy) => 2 * x * dy, squareGradKernel);
const absGrad = fusedGrad((x, dy) => (x >= 0 ? dy : -dy), absGradKernel);
const tanhGrad = fusedGrad((y, dy) => dy * (1 - y * y), tanhGradKernel);
const sigmoidGrad = fusedGrad((y, dy) => dy * y * (1 - y), sigmoidGradKernel);
const softplusGrad = vjp((x, dy) => dy * sigmoidScalar(x));
const erfGrad = vjp((x, dy) => dy * erfDerivative(x));
const sinGrad = vjp((x, dy) => dy * Math.cos(x));
const cosGrad = vjp((x, dy) => -dy * Math.sin(x));
const reciprocalGrad = fusedGrad((y, dy) => -dy * y * y, reciprocalGradKernel);

function sigmoidScalar(x: number): number {
  // Never exponentiate a positive number, so neither side overflows.
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** `e^x` (float32). Gradient `dy * e^x`. @example exp(tensor([0, 1])); // [1, 2.7182817] */
export const exp = unaryOp(Math.exp, (_x, y, dy) => mul(dy, y), false, expKernel);

/** Natural logarithm (float32; `log(0) = -inf`, negative gives NaN). @example log(tensor([1, Math.E])); // [0, 1] */
export const log = unaryOp(Math.log, (x, _y, dy) => div(dy, x), false, logKernel);

/** `log(1 + x)`, accurate for tiny `x`. Gradient `dy / (1 + x)`. @example log1p(tensor([1e-10])); // [1e-10] */
export const log1p = unaryOp(Math.log1p, (x, _y, dy) => log1pGrad(x, dy));

/** `e^x - 1`, accurate for tiny `x`. Gradient `dy * e^x`. @example expm1(tensor([1e-10])); // [1e-10] */
export const expm1 = unaryOp(Math.expm1, (_x, y, dy) => expm1Grad(y, dy));

/** Square root (float32). Gradient `dy / (2 sqrt(x))`. @example sqrt(tensor([4, 9])); // [2, 3] */
export const sqrt = unaryOp(Math.sqrt, (_x, y, dy) => sqrtGrad(y, dy), false, sqrtKernel);

/** `1 / sqrt(x)` (float32). Gradient `-dy / (2 x^1.5)`. @example rsqrt(tensor([4])); // [0.5] */
export const rsqrt = unaryOp((x) => 1 / Math.sqrt(x), (_x, y, dy) => rsqrtGrad(y, dy), false, rsqrtKernel);

/** `x * x`, keeping int32. Gradient `2 x dy`. @example square(tensor([-3, 2])); // [9, 4] */
export const square = unaryOp((x) => x * x, (x, _y, dy) => squareGrad(x, dy), true, squareKernel);

/**
 * `|x|`, keeping int32. Gradient `dy * (x >= 0 ? 1 : -1)`: 1 at 0, as JAX's `abs`.
 * @example abs(tensor([-2, 0, 3])); // [2, 0, 3]
 */
export const abs = unaryOp(Math.abs, (x, _y, dy) => absGrad(x, dy), true, absKernel);

/** -1, 0 or 1 by the sign of `x` (NaN stays NaN), keeping int32. No gradient. @example sign(tensor([-2, 0, 5])); // [-1, 0, 1] */
export const sign = unaryOp((x) => (x > 0 ? 1 : x < 0 ? -1 : x), undefined, true);

/** Hyperbolic tangent. Gradient `dy (1 - y^2)`. @example tanh(tensor([0])); // [0] */
export const tanh = unaryOp(Math.tanh, (_x, y, dy) => tanhGrad(y, dy), false, tanhKernel);

/**
 * Logistic sigmoid `1 / (1 + e^-x)`, evaluated without overflow for large `|x|`.
 * Gradient `dy * y * (1 - y)`.
 * @example sigmoid(tensor([0, 100, -100])); // [0.5, 1, ~0]
 */
export const sigmoid = unaryOp(sigmoidScalar, (_x, y, dy) => sigmoidGrad(y, dy), false, sigmoidKernel);

/**
 * `log(1 + e^x)`, computed stably as `max(x, 0) + log1p(e^-|x|)`. Gradient `dy * sigmoid(x)`.
 * @example softplus(tensor([0, 100, -100])); // [0.6931472, 100, ~0]
 */
export const softplus = unaryOp(
  (x) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))),
  (x, _y, dy) => softplusGrad(x, dy),
);

/**
 * Gauss error function `2/sqrt(pi) * int_0^x e^(-t^2) dt`, accurate to float32 rounding.
 * Gradient `dy * 2/sqrt(pi) * e^(-x^2)`.
 * @example erf(tensor([0, 1])); // [0, 0.8427008]
 */
export const erf = unaryOp(erfScalar, (x, _y, dy) => erfGrad(x, dy));

/** Sine (radians). Gradient `dy cos(x)`. @example sin(tensor([0])); // [0] */
export const sin = unaryOp(Math.sin, (x, _y, dy) => sinGrad(x, dy));

/** Cosine (radians). Gradient `-dy sin(x)`. @example cos(tensor([0])); // [1] */
export const cos = unaryOp(Math.cos, (x, _y, dy) => cosGrad(x, dy));

/** Largest integer `<= x`, as float32 (Keras's `floor`). No gradient. @example floor(tensor([-1.5, 1.5])); // [-2, 1] */
export const floor = unaryOp(Math.floor);

/** Smallest integer `>= x`, as float32. No gradient. @example ceil(tensor([-1.5, 1.5])); // [-1, 2] */
export const ceil = unaryOp(Math.ceil);

function roundHalfEven(x: number): number {
  const r = Math.round(x);
  // Math.round sends halves up; NumPy and Keras send them to the even neighbour.
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * Rounds to the nearest integer, halves to even (NumPy and Keras); int32 stays int32. No gradient.
 * @example round(tensor([0.5, 1.5, 2.5, -0.5])); // [0, 2, 2, -0]
 */
export const round = unaryOp(roundHalfEven, undefined, true);

/** `1 / x` (float32). Gradient `-dy / x^2`. @example reciprocal(tensor([2, -4])); // [0.5, -0.25] */
export const reciprocal = unaryOp((x) => 1 / x, (_x, y, dy) => reciprocalGrad(y, dy), false, reciprocalKernel);
