// Dedicated float32 loops for the hot unary ops and their fused gradients. Each op is its own
// function so that V8 keeps its feedback apart and inlines the `Math` call (a loop around a
// shared scalar callback is ~10x slower, see kernels-elementwise.ts). Same-length arrays only.

/** A float32 loop writing `f(x[i])` into `out`. */
export type UnaryKernel = (x: Float32Array, out: Float32Array) => void;

/** A float32 loop writing `f(v[i], dy[i])` into `out`: a fused vector-Jacobian product. */
export type FusedKernel = (v: Float32Array, dy: Float32Array, out: Float32Array) => void;

/** `-x`. */
export function negKernel(x: Float32Array, out: Float32Array): void {
  for (let i = 0; i < x.length; i++) out[i] = -x[i];
}

/** `e^x`. */
export function expKernel(x: Float32Array, out: Float32Array): void {
  for (let i = 0; i < x.length; i++) out[i] = Math.exp(x[i]);
}

/** `ln x`. */
export function logKernel(x: Float32Array, out: Float32Array): void {
  for (let i = 0; i < x.length; i++) out[i] = Math.log(x[i]);
}

/** `sqrt x`. */
export function sqrtKernel(x: Float32Array, out: Float32Array): void {
  for (let i = 0; i < x.length; i++) out[i] = Math.sqrt(x[i]);
}

/** `1 / sqrt x`. */
export function rsqrtKernel(x: Float32Array, out: Float32Array): void {
  for (let i = 0; i < x.length; i++) out[i] = 1 / Math.sqrt(x[i]);
}

/** `x * x`. */
export function squareKernel(x: Float32Array, out: Float32Array): void {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    out[i] = v * v;
  }
}

/** `|x|`. */
export function absKernel(x: Float32Array, out: Float32Array): void {
  for (let i = 0; i < x.length; i++) out[i] = Math.abs(x[i]);
}

/** `tanh x`. */
export function tanhKernel(x: Float32Array, out: Float32Array): void {
  for (let i = 0; i < x.length; i++) out[i] = Math.tanh(x[i]);
}

/**
 * `1 / (1 + e^-x)` as `1 / (1 + e^-|x|)` or `e^-|x| / (1 + e^-|x|)`: the exponent is never
 * positive, so nothing overflows, and the side is picked without a branch (random signs would
 * mispredict it).
 */
export function sigmoidKernel(x: Float32Array, out: Float32Array): void {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    const s = +(v >= 0);
    const e = Math.exp(-Math.abs(v));
    out[i] = (s + (1 - s) * e) / (1 + e);
  }
}

/** `1 / x`. */
export function reciprocalKernel(x: Float32Array, out: Float32Array): void {
  for (let i = 0; i < x.length; i++) out[i] = 1 / x[i];
}

/** sqrt's VJP from its output: `dy / (2 y)`. */
export function sqrtGradKernel(y: Float32Array, dy: Float32Array, out: Float32Array): void {
  for (let i = 0; i < y.length; i++) out[i] = dy[i] / (2 * y[i]);
}

/** rsqrt's VJP from its output: `-0.5 dy y^3`. */
export function rsqrtGradKernel(y: Float32Array, dy: Float32Array, out: Float32Array): void {
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    out[i] = -0.5 * dy[i] * v * v * v;
  }
}

/** square's VJP: `2 x dy`. */
export function squareGradKernel(x: Float32Array, dy: Float32Array, out: Float32Array): void {
  for (let i = 0; i < x.length; i++) out[i] = 2 * x[i] * dy[i];
}

/** abs's VJP: `dy` where `x >= 0`, else `-dy` (a multiply by ±1, not a branch). */
export function absGradKernel(x: Float32Array, dy: Float32Array, out: Float32Array): void {
  for (let i = 0; i < x.length; i++) out[i] = dy[i] * (2 * +(x[i] >= 0) - 1);
}

/** tanh's VJP from its output: `dy (1 - y^2)`. */
export function tanhGradKernel(y: Float32Array, dy: Float32Array, out: Float32Array): void {
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    out[i] = dy[i] * (1 - v * v);
  }
}

/** sigmoid's VJP from its output: `dy y (1 - y)`. */
export function sigmoidGradKernel(y: Float32Array, dy: Float32Array, out: Float32Array): void {
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    out[i] = dy[i] * v * (1 - v);
  }
}

/** reciprocal's VJP from its output: `-dy y^2`. */
export function reciprocalGradKernel(y: Float32Array, dy: Float32Array, out: Float32Array): void {
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    out[i] = -dy[i] * v * v;
  }
}
