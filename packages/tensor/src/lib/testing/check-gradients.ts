import { grads } from '../autodiff';
import { StrataError } from '../errors';
import { mul } from '../ops/arithmetic';
import { sum } from '../ops/reduce';
import { formatShape } from '../shape';
import { Tensor, TensorLike, asTensor } from '../tensor';

/** Tolerances and step of `checkGradients`. */
export interface GradientCheckOptions {
  /** Finite-difference step (central differences). Default 1e-2. */
  eps?: number;
  /** Relative tolerance. Default 2e-2. */
  rtol?: number;
  /** Absolute tolerance. Default 2e-3. */
  atol?: number;
}

/**
 * Throws a `StrataError` unless `actual` equals `expected` elementwise within
 * `|a - e| <= atol + rtol * |e|` (shapes must match when `expected` is a Tensor).
 */
export function expectClose(actual: TensorLike, expected: TensorLike, rtol = 1e-5, atol = 1e-6, what = 'value'): void {
  const a = asTensor(actual);
  const e = asTensor(expected);
  if (expected instanceof Tensor && formatShape(a.shape) !== formatShape(e.shape)) {
    throw new StrataError(`expectClose: ${what} has shape ${formatShape(a.shape)}, expected ${formatShape(e.shape)}`);
  }
  if (a.size !== e.size) throw new StrataError(`expectClose: ${what} has ${a.size} elements, expected ${e.size}`);
  for (let i = 0; i < a.size; i++) {
    const x = a.data[i];
    const y = e.data[i];
    const ok = (Number.isNaN(x) && Number.isNaN(y)) || x === y || Math.abs(x - y) <= atol + rtol * Math.abs(y);
    if (!ok) {
      throw new StrataError(`expectClose: ${what}[${i}] = ${x}, expected ${y} (rtol=${rtol}, atol=${atol})`);
    }
  }
}

// A fixed pseudo-random projection, so every output element's gradient is checked at once.
function projection(shape: readonly number[], salt: number): Tensor {
  const n = shape.reduce((p, d) => p * d, 1);
  const data = new Float32Array(n);
  let s = 12345 + salt;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    data[i] = 0.5 + (s / 0x7fffffff);
  }
  return new Tensor(data, shape, 'float32');
}

/**
 * Compares the autodiff gradients of `f` at `inputs` with central finite differences of
 * `sum(f(...inputs) * P)` for a fixed random `P`; throws a `StrataError` naming the input and
 * element that disagree. Use it in every differentiable op's and layer's tests.
 *
 * @example
 * checkGradients((x) => tanh(x), [tensor([0.1, -0.5, 2])]);
 */
export function checkGradients(
  f: (...xs: Tensor[]) => Tensor,
  inputs: readonly Tensor[],
  options: GradientCheckOptions = {},
): void {
  const { eps = 1e-2, rtol = 2e-2, atol = 2e-3 } = options;
  const probe = f(...inputs);
  const p = projection(probe.shape, probe.size);
  const loss = (...xs: Tensor[]) => sum(mul(f(...xs), p));
  const analytic = grads(loss)([...inputs]);
  inputs.forEach((x, k) => {
    if (x.dtype !== 'float32') return;
    for (let i = 0; i < x.size; i++) {
      const plus = Float32Array.from(x.data);
      const minus = Float32Array.from(x.data);
      plus[i] += eps;
      minus[i] -= eps;
      const at = (d: Float32Array) =>
        loss(...inputs.map((t, j) => (j === k ? new Tensor(d, x.shape, 'float32') : t))).item();
      // Evaluate in float64 from the float32 perturbations actually applied.
      const h = plus[i] - minus[i];
      const numeric = (at(plus) - at(minus)) / h;
      const got = analytic[k].data[i];
      if (!(Math.abs(got - numeric) <= atol + rtol * Math.abs(numeric))) {
        throw new StrataError(
          `checkGradients: input ${k} element ${i}: autodiff gives ${got}, finite differences give ${numeric}`,
        );
      }
    }
  });
}
