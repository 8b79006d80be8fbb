import { Tensor, TensorLike, asTensor } from '@strata/tensor';
import { checkOptions, fused, numberOption, sigmoidOf, softplusOf } from './fused';

/**
 * Hyperbolic tangent.
 * @example tanh(tensor([-1, 0, 1])); // [-0.7616, 0, 0.7616]
 */
export function tanh(x: TensorLike): Tensor {
  return fused(
    x,
    (xs, ys) => {
      for (let i = 0; i < xs.length; i++) ys[i] = Math.tanh(xs[i]);
    },
    (xs, _ys, dy, dx) => {
      for (let i = 0; i < xs.length; i++) {
        const t = Math.tanh(xs[i]);
        dx[i] = dy[i] * (1 - t * t);
      }
    },
  );
}

/**
 * Tanh shrink `x - tanh(x)`.
 * @example tanhShrink(tensor([-1, 0, 1])); // [-0.2384, 0, 0.2384]
 */
export function tanhShrink(x: TensorLike): Tensor {
  return fused(
    x,
    (xs, ys) => {
      for (let i = 0; i < xs.length; i++) ys[i] = xs[i] - Math.tanh(xs[i]);
    },
    (xs, _ys, dy, dx) => {
      for (let i = 0; i < xs.length; i++) {
        const t = Math.tanh(xs[i]);
        dx[i] = dy[i] * t * t;
      }
    },
  );
}

/**
 * Hard tanh: -1 below -1, 1 above 1, `x` between.
 * @example hardTanh(tensor([-2, 0.5, 2])); // [-1, 0.5, 1]
 */
export function hardTanh(x: TensorLike): Tensor {
  return fused(
    x,
    (xs, ys) => {
      for (let i = 0; i < xs.length; i++) {
        const v = xs[i];
        ys[i] = v > 1 ? 1 : v < -1 ? -1 : v;
      }
    },
    (xs, _ys, dy, dx) => {
      for (let i = 0; i < xs.length; i++) dx[i] = xs[i] > 1 || xs[i] < -1 ? 0 : dy[i];
    },
  );
}

/**
 * Soft shrink: `x - threshold` above `threshold`, `x + threshold` below `-threshold`, 0 between
 * (default threshold 0.5).
 * @example softShrink(tensor([-2, 0.3, 2])); // [-1.5, 0, 1.5]
 */
export function softShrink(x: TensorLike, options?: { threshold?: number }): Tensor {
  checkOptions('softShrink', options, ['threshold']);
  const t = numberOption('softShrink', 'threshold', options?.threshold, 0.5);
  return fused(
    x,
    (xs, ys) => {
      for (let i = 0; i < xs.length; i++) {
        const v = xs[i];
        ys[i] = v > t ? v - t : v < -t ? v + t : 0;
      }
    },
    (xs, _ys, dy, dx) => {
      for (let i = 0; i < xs.length; i++) dx[i] = xs[i] > t || xs[i] < -t ? dy[i] : 0;
    },
  );
}

/**
 * Hard shrink: `x` where `|x| > threshold`, 0 elsewhere (default threshold 0.5).
 * @example hardShrink(tensor([-2, 0.3, 2])); // [-2, 0, 2]
 */
export function hardShrink(x: TensorLike, options?: { threshold?: number }): Tensor {
  checkOptions('hardShrink', options, ['threshold']);
  const t = numberOption('hardShrink', 'threshold', options?.threshold, 0.5);
  return fused(
    x,
    (xs, ys) => {
      for (let i = 0; i < xs.length; i++) ys[i] = Math.abs(xs[i]) > t ? xs[i] : 0;
    },
    (xs, _ys, dy, dx) => {
      for (let i = 0; i < xs.length; i++) dx[i] = Math.abs(xs[i]) > t ? dy[i] : 0;
    },
  );
}

/**
 * Softplus `log(exp(x) + 1)`, computed as `max(x, 0) + log1p(exp(-|x|))` so it never overflows.
 * @example softplus(tensor([-1e4, 0, 1e4])); // [0, 0.6931, 1e4]
 */
export function softplus(x: TensorLike): Tensor {
  return fused(
    x,
    (xs, ys) => {
      for (let i = 0; i < xs.length; i++) ys[i] = softplusOf(xs[i]);
    },
    (xs, _ys, dy, dx) => {
      for (let i = 0; i < xs.length; i++) dx[i] = dy[i] * sigmoidOf(xs[i]);
    },
  );
}

/**
 * Softsign `x / (|x| + 1)`.
 * @example softsign(tensor([-3, 0, 1])); // [-0.75, 0, 0.5]
 */
export function softsign(x: TensorLike): Tensor {
  return fused(
    x,
    (xs, ys) => {
      for (let i = 0; i < xs.length; i++) ys[i] = xs[i] / (Math.abs(xs[i]) + 1);
    },
    (xs, _ys, dy, dx) => {
      for (let i = 0; i < xs.length; i++) {
        const d = Math.abs(xs[i]) + 1;
        dx[i] = dy[i] / (d * d);
      }
    },
  );
}

/**
 * Squareplus `(x + sqrt(x^2 + b)) / 2` (default `b = 4`); for `x < 0` it uses the equal form
 * `b / (2 * (sqrt(x^2 + b) - x))`, which does not cancel to 0 for large negative `x`.
 * @example squareplus(tensor([-1, 0, 1])); // [0.618, 1, 1.618]
 */
export function squareplus(x: TensorLike, options?: { b?: number }): Tensor {
  checkOptions('squareplus', options, ['b']);
  const b = numberOption('squareplus', 'b', options?.b, 4);
  return fused(
    x,
    (xs, ys) => {
      for (let i = 0; i < xs.length; i++) {
        const v = xs[i];
        const r = Math.sqrt(v * v + b);
        ys[i] = v >= 0 ? (v + r) / 2 : b / (2 * (r - v));
      }
    },
    (xs, _ys, dy, dx) => {
      for (let i = 0; i < xs.length; i++) {
        const v = xs[i];
        const r = Math.sqrt(v * v + b);
        dx[i] = dy[i] * (v >= 0 ? (1 + v / r) / 2 : b / (2 * r * (r - v)));
      }
    },
  );
}

/**
 * Sparse plus: 0 for `x <= -1`, `(x + 1)^2 / 4` for `-1 < x < 1`, `x` for `x >= 1`.
 * @example sparsePlus(tensor([-2, 0, 2])); // [0, 0.25, 2]
 */
export function sparsePlus(x: TensorLike): Tensor {
  return fused(
    x,
    (xs, ys) => {
      for (let i = 0; i < xs.length; i++) {
        const v = xs[i];
        ys[i] = v <= -1 ? 0 : v >= 1 ? v : ((v + 1) * (v + 1)) / 4;
      }
    },
    (xs, _ys, dy, dx) => {
      for (let i = 0; i < xs.length; i++) {
        const v = xs[i];
        dx[i] = v <= -1 ? 0 : v >= 1 ? dy[i] : (dy[i] * (v + 1)) / 2;
      }
    },
  );
}

/**
 * Exponential `exp(x)`.
 * @example exponential(tensor([0, 1])); // [1, 2.7183]
 */
export function exponential(x: TensorLike): Tensor {
  return fused(
    x,
    (xs, ys) => {
      for (let i = 0; i < xs.length; i++) ys[i] = Math.exp(xs[i]);
    },
    (_xs, ys, dy, dx) => {
      for (let i = 0; i < ys.length; i++) dx[i] = dy[i] * ys[i];
    },
  );
}

/**
 * The identity: returns its input unchanged (as a Tensor), like Keras's `linear`.
 * @example linear(tensor([-1, 2])); // [-1, 2]
 */
export function linear(x: TensorLike): Tensor {
  return asTensor(x);
}
