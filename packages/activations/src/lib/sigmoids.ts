import { Tensor, TensorLike } from '@strata/tensor';
import { erfc } from './erfc';
import { booleanOption, checkOptions, fused, sigmoidOf, sigmoidSlope, softplusOf } from './fused';

/**
 * Logistic sigmoid `1 / (1 + exp(-x))`, stable for large `|x|` on both sides.
 * @example sigmoid(tensor([-100, 0, 2])); // [3.7e-44, 0.5, 0.8808]
 */
export function sigmoid(x: TensorLike): Tensor {
  return fused(
    x,
    (xs, ys) => {
      for (let i = 0; i < xs.length; i++) ys[i] = sigmoidOf(xs[i]);
    },
    (xs, _ys, dy, dx) => {
      for (let i = 0; i < xs.length; i++) dx[i] = dy[i] * sigmoidSlope(xs[i]);
    },
  );
}

/**
 * `log(sigmoid(x)) = -softplus(-x)`, without overflow or `log(0)` for large `|x|`.
 * @example logSigmoid(tensor([-1e4, 0, 1e4])); // [-1e4, -0.6931, -0]
 */
export function logSigmoid(x: TensorLike): Tensor {
  return fused(
    x,
    (xs, ys) => {
      for (let i = 0; i < xs.length; i++) ys[i] = -softplusOf(-xs[i]);
    },
    (xs, _ys, dy, dx) => {
      for (let i = 0; i < xs.length; i++) dx[i] = dy[i] * sigmoidOf(-xs[i]);
    },
  );
}

/**
 * Keras 3's hard sigmoid `relu6(x + 3) / 6`: 0 below -3, 1 above 3, `x / 6 + 0.5` between.
 * @example hardSigmoid(tensor([-4, 0, 1.5, 4])); // [0, 0.5, 0.75, 1]
 */
export function hardSigmoid(x: TensorLike): Tensor {
  return fused(
    x,
    (xs, ys) => {
      for (let i = 0; i < xs.length; i++) ys[i] = Math.min(Math.max(xs[i] + 3, 0), 6) / 6;
    },
    (xs, _ys, dy, dx) => {
      for (let i = 0; i < xs.length; i++) {
        const v = xs[i] + 3;
        dx[i] = v > 0 && v < 6 ? dy[i] / 6 : 0;
      }
    },
  );
}

/**
 * Sparse sigmoid `0.5 * clip(x + 1, 0, 2)`: 0 below -1, 1 above 1, linear between.
 * @example sparseSigmoid(tensor([-2, 0, 0.5, 2])); // [0, 0.5, 0.75, 1]
 */
export function sparseSigmoid(x: TensorLike): Tensor {
  return fused(
    x,
    (xs, ys) => {
      for (let i = 0; i < xs.length; i++) ys[i] = 0.5 * Math.min(Math.max(xs[i] + 1, 0), 2);
    },
    (xs, _ys, dy, dx) => {
      for (let i = 0; i < xs.length; i++) {
        // jnp.clip's gradient is 1/2 at either bound.
        const c = xs[i] + 1;
        dx[i] = c > 0 && c < 2 ? 0.5 * dy[i] : c === 0 || c === 2 ? 0.25 * dy[i] : 0;
      }
    },
  );
}

/**
 * SiLU (swish): `x * sigmoid(x)`.
 * @example silu(tensor([-1, 0, 1])); // [-0.2689, 0, 0.7311]
 */
export function silu(x: TensorLike): Tensor {
  return fused(
    x,
    (xs, ys) => {
      for (let i = 0; i < xs.length; i++) ys[i] = xs[i] * sigmoidOf(xs[i]);
    },
    (xs, _ys, dy, dx) => {
      for (let i = 0; i < xs.length; i++) {
        const v = xs[i];
        dx[i] = dy[i] * (sigmoidOf(v) + v * sigmoidSlope(v));
      }
    },
  );
}

/** Alias of {@link silu} (Keras's `swish`; serializes as `'silu'`). */
export const swish = silu;

/**
 * Hard SiLU (hard swish): `x * hardSigmoid(x)`: 0 below -3, `x` above 3, `x * (x + 3) / 6` between.
 * @example hardSilu(tensor([-4, 1, 4])); // [0, 0.6667, 4]
 */
export function hardSilu(x: TensorLike): Tensor {
  return fused(
    x,
    (xs, ys) => {
      for (let i = 0; i < xs.length; i++) ys[i] = (xs[i] * Math.min(Math.max(xs[i] + 3, 0), 6)) / 6;
    },
    (xs, _ys, dy, dx) => {
      for (let i = 0; i < xs.length; i++) {
        const v = xs[i];
        const c = v + 3;
        dx[i] = dy[i] * (Math.min(Math.max(c, 0), 6) / 6 + (c > 0 && c < 6 ? v / 6 : 0));
      }
    },
  );
}

/** Alias of {@link hardSilu} (Keras's `hard_swish`; serializes as `'hard_silu'`). */
export const hardSwish = hardSilu;

const SQRT_HALF = Math.SQRT1_2;
const INV_SQRT_2PI = 0.3989422804014327;
const SQRT_2_OVER_PI = 0.7978845608028654;
const GELU_CUBIC = 0.044715;

/**
 * Gaussian error linear unit `x * P(X <= x)` for standard normal `X`.
 *
 * Exact (default, as `keras.activations.gelu`): `0.5 * x * erfc(-x / sqrt(2))`.
 * `approximate: true`: `0.5 * x * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 * x^3)))`.
 *
 * @example
 * gelu(tensor([-1, 0, 1]));                        // [-0.1587, 0, 0.8413]
 * gelu(tensor([-1, 0, 1]), { approximate: true }); // [-0.1588, 0, 0.8412]
 */
export function gelu(x: TensorLike, options?: { approximate?: boolean }): Tensor {
  checkOptions('gelu', options, ['approximate']);
  if (booleanOption('gelu', 'approximate', options?.approximate, false)) {
    // 0.5 * (1 + tanh(u)) = sigmoid(2u): the same function without cancellation for x << 0.
    return fused(
      x,
      (xs, ys) => {
        for (let i = 0; i < xs.length; i++) {
          const v = xs[i];
          ys[i] = v * sigmoidOf(2 * SQRT_2_OVER_PI * (v + GELU_CUBIC * v * v * v));
        }
      },
      (xs, _ys, dy, dx) => {
        for (let i = 0; i < xs.length; i++) {
          const v = xs[i];
          const u2 = 2 * SQRT_2_OVER_PI * (v + GELU_CUBIC * v * v * v);
          const du2 = 2 * SQRT_2_OVER_PI * (1 + 3 * GELU_CUBIC * v * v);
          const slope = sigmoidSlope(u2);
          dx[i] = dy[i] * (sigmoidOf(u2) + (slope === 0 ? 0 : v * slope * du2));
        }
      },
    );
  }
  return fused(
    x,
    (xs, ys) => {
      for (let i = 0; i < xs.length; i++) ys[i] = 0.5 * xs[i] * erfc(-xs[i] * SQRT_HALF);
    },
    (xs, _ys, dy, dx) => {
      for (let i = 0; i < xs.length; i++) {
        const v = xs[i];
        dx[i] = dy[i] * (0.5 * erfc(-v * SQRT_HALF) + v * INV_SQRT_2PI * Math.exp(-0.5 * v * v));
      }
    },
  );
}

/**
 * Mish: `x * tanh(softplus(x))`.
 * @example mish(tensor([-1, 0, 1])); // [-0.3034, 0, 0.8651]
 */
export function mish(x: TensorLike): Tensor {
  return fused(
    x,
    (xs, ys) => {
      for (let i = 0; i < xs.length; i++) ys[i] = xs[i] * Math.tanh(softplusOf(xs[i]));
    },
    (xs, _ys, dy, dx) => {
      for (let i = 0; i < xs.length; i++) {
        const v = xs[i];
        const t = Math.tanh(softplusOf(v));
        dx[i] = dy[i] * (t + v * (1 - t * t) * sigmoidOf(v));
      }
    },
  );
}
