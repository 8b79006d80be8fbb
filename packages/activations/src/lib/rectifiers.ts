import { Tensor, TensorLike, ValueError, show } from '@strata/tensor';
import { checkOptions, fused, numberOption } from './fused';

// Gradients at the kinks follow Keras's JAX backend (relu'(0) = 0, relu6'(6) = 0, a clip at
// its bound gives 1/2), so training matches Keras step for step.

/** Options of {@link relu}. */
export interface ReluOptions {
  /** Slope below the threshold. Default 0. */
  negativeSlope?: number;
  /** Saturation value: the output never exceeds it. Default `null` (none). */
  maxValue?: number | null;
  /** Inputs at or below it are damped (or zeroed). Default 0. */
  threshold?: number;
}

const RELU_KEYS = ['negativeSlope', 'maxValue', 'threshold'];

const reluForward = (x: Float32Array, y: Float32Array) => {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    y[i] = v > 0 ? v : 0;
  }
};

const reluBackward = (x: Float32Array, _y: Float32Array, dy: ArrayLike<number>, dx: Float32Array) => {
  for (let i = 0; i < x.length; i++) dx[i] = x[i] > 0 ? dy[i] : 0;
};

/**
 * Rectified linear unit, with Keras's optional slope, saturation and threshold.
 *
 * `relu(x) = max(x, 0)`; with options, `x` above `threshold` passes (clipped to `maxValue`) and
 * values below it become `negativeSlope * (x - threshold)`, exactly as `keras.activations.relu`.
 * Any shape in, same shape out.
 *
 * @example
 * relu(tensor([-10, -5, 0, 5, 10]));                           // [0, 0, 0, 5, 10]
 * relu(tensor([-10, -5, 0, 5, 10]), { negativeSlope: 0.5 });   // [-5, -2.5, 0, 5, 10]
 * relu(tensor([-10, -5, 0, 5, 10]), { maxValue: 5 });          // [0, 0, 0, 5, 5]
 * relu(tensor([-10, -5, 0, 5, 10]), { threshold: 5 });         // [0, 0, 0, 0, 10]
 */
export function relu(x: TensorLike, options?: ReluOptions): Tensor {
  if (options === undefined) return fused(x, reluForward, reluBackward);
  checkOptions('relu', options, RELU_KEYS);
  const s = numberOption('relu', 'negativeSlope', options.negativeSlope, 0);
  const t = numberOption('relu', 'threshold', options.threshold, 0);
  const m = options.maxValue === undefined || options.maxValue === null ? null : numberOption('relu', 'maxValue', options.maxValue);
  if (s === 0 && m === null && t === 0) return fused(x, reluForward, reluBackward);
  if (s !== 0 && m === null && t === 0) return leakyRelu(x, { negativeSlope: s });
  // Keras: positive part (thresholded, relu6 or relu), clipped to [0, maxValue], minus
  // negativeSlope * relu(threshold - x).
  const relu6Path = t === 0 && m === 6;
  const clip = m !== null && !relu6Path;
  const hi = m ?? 0;
  return fused(
    x,
    (xs, ys) => {
      for (let i = 0; i < xs.length; i++) {
        const v = xs[i];
        let p = t !== 0 ? (v > t ? v : 0) : relu6Path ? Math.min(Math.max(v, 0), 6) : Math.max(v, 0);
        if (clip) p = Math.min(Math.max(p, 0), hi);
        ys[i] = s !== 0 ? p - s * Math.max(t - v, 0) : p;
      }
    },
    (xs, _ys, dy, dx) => {
      for (let i = 0; i < xs.length; i++) {
        const v = xs[i];
        const p = t !== 0 ? (v > t ? v : 0) : relu6Path ? Math.min(Math.max(v, 0), 6) : Math.max(v, 0);
        let d = t !== 0 ? (v > t ? 1 : 0) : relu6Path ? (v > 0 && v < 6 ? 1 : 0) : v > 0 ? 1 : 0;
        if (clip) {
          const q = Math.max(p, 0);
          d *= (p > 0 ? 1 : p === 0 ? 0.5 : 0) * (q < hi ? 1 : q === hi ? 0.5 : 0);
        }
        if (s !== 0 && t - v > 0) d += s;
        dx[i] = dy[i] * d;
      }
    },
  );
}

/**
 * Leaky ReLU: `x` for `x >= 0`, `negativeSlope * x` below (default slope 0.2, as Keras).
 *
 * @example
 * leakyRelu(tensor([-10, 0, 5]));                           // [-2, 0, 5]
 * leakyRelu(tensor([-10, 0, 5]), { negativeSlope: 0.01 }); // [-0.1, 0, 5]
 */
export function leakyRelu(x: TensorLike, options?: { negativeSlope?: number }): Tensor {
  checkOptions('leakyRelu', options, ['negativeSlope']);
  const s = numberOption('leakyRelu', 'negativeSlope', options?.negativeSlope, 0.2);
  return fused(
    x,
    (xs, ys) => {
      for (let i = 0; i < xs.length; i++) {
        const v = xs[i];
        ys[i] = v >= 0 ? v : s * v;
      }
    },
    (xs, _ys, dy, dx) => {
      for (let i = 0; i < xs.length; i++) dx[i] = xs[i] >= 0 ? dy[i] : s * dy[i];
    },
  );
}

/**
 * ReLU capped at 6: `min(max(x, 0), 6)`.
 * @example relu6(tensor([-1, 3, 8])); // [0, 3, 6]
 */
export function relu6(x: TensorLike): Tensor {
  return fused(
    x,
    (xs, ys) => {
      for (let i = 0; i < xs.length; i++) ys[i] = Math.min(Math.max(xs[i], 0), 6);
    },
    (xs, _ys, dy, dx) => {
      for (let i = 0; i < xs.length; i++) dx[i] = xs[i] > 0 && xs[i] < 6 ? dy[i] : 0;
    },
  );
}

function eluOf(x: TensorLike, alpha: number, scale: number): Tensor {
  return fused(
    x,
    (xs, ys) => {
      for (let i = 0; i < xs.length; i++) {
        const v = xs[i];
        ys[i] = v > 0 ? scale * v : scale * alpha * Math.expm1(v);
      }
    },
    (xs, _ys, dy, dx) => {
      for (let i = 0; i < xs.length; i++) {
        const v = xs[i];
        dx[i] = dy[i] * (v > 0 ? scale : scale * alpha * Math.exp(v));
      }
    },
  );
}

/**
 * Exponential linear unit: `x` for `x > 0`, `alpha * (exp(x) - 1)` otherwise (default alpha 1).
 * @example elu(tensor([-1, 0, 2])); // [-0.6321, 0, 2]
 */
export function elu(x: TensorLike, options?: { alpha?: number }): Tensor {
  checkOptions('elu', options, ['alpha']);
  return eluOf(x, numberOption('elu', 'alpha', options?.alpha, 1), 1);
}

const SELU_ALPHA = 1.6732632423543772;
const SELU_SCALE = 1.0507009873554805;

/**
 * Scaled ELU: `scale * elu(x, alpha)` with Klambauer et al.'s `alpha = 1.67326324`,
 * `scale = 1.05070098` (pair it with the `lecun_normal` initializer).
 * @example selu(tensor([-1, 0, 1])); // [-1.1113, 0, 1.0507]
 */
export function selu(x: TensorLike): Tensor {
  return eluOf(x, SELU_ALPHA, SELU_SCALE);
}

/**
 * Continuously differentiable ELU: `max(x, 0) + alpha * (exp(min(x, 0) / alpha) - 1)`.
 * @example celu(tensor([-1, 0, 2]), { alpha: 2 }); // [-0.7869, 0, 2]
 */
export function celu(x: TensorLike, options?: { alpha?: number }): Tensor {
  checkOptions('celu', options, ['alpha']);
  const a = numberOption('celu', 'alpha', options?.alpha, 1);
  return fused(
    x,
    (xs, ys) => {
      for (let i = 0; i < xs.length; i++) {
        const v = xs[i];
        ys[i] = Math.max(v, 0) + a * Math.expm1(Math.min(v, 0) / a);
      }
    },
    (xs, _ys, dy, dx) => {
      for (let i = 0; i < xs.length; i++) {
        const v = xs[i];
        dx[i] = v >= 0 ? dy[i] : dy[i] * Math.exp(v / a);
      }
    },
  );
}

/** Options of {@link threshold}; both are required, as in Keras. */
export interface ThresholdOptions {
  /** Inputs above it pass unchanged. */
  threshold: number;
  /** The value given to inputs at or below `threshold`. */
  defaultValue: number;
}

/**
 * `x` where `x > threshold`, `defaultValue` elsewhere.
 * @example threshold(tensor([-1, 0.5, 2]), { threshold: 0.5, defaultValue: -1 }); // [-1, -1, 2]
 */
export function threshold(x: TensorLike, options: ThresholdOptions): Tensor {
  if (options === undefined) {
    throw new ValueError(`threshold: options { threshold, defaultValue } are required, received options=${show(options)}`);
  }
  checkOptions('threshold', options, ['threshold', 'defaultValue']);
  const t = numberOption('threshold', 'threshold', options.threshold);
  const d = numberOption('threshold', 'defaultValue', options.defaultValue);
  return fused(
    x,
    (xs, ys) => {
      for (let i = 0; i < xs.length; i++) ys[i] = xs[i] > t ? xs[i] : d;
    },
    (xs, _ys, dy, dx) => {
      for (let i = 0; i < xs.length; i++) dx[i] = xs[i] > t ? dy[i] : 0;
    },
  );
}
