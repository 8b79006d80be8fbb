import { Tensor, TensorLike, ValueError, asTensor, broadcastTo, cast, record, show } from '@strata/tensor';

/** An activation function: a tensor in, a tensor of the same shape out (for `glu`, half the axis). */
export type Activation = (x: Tensor) => Tensor;

/** Writes `f(x[i])` into `y[i]` for every element. */
export type ForwardLoop = (x: Float32Array, y: Float32Array) => void;
/** Writes `dy[i] * f'(x[i])` into `dx[i]`; `y` holds the forward output. */
export type BackwardLoop = (x: Float32Array, y: Float32Array, dy: ArrayLike<number>, dx: Float32Array) => void;

/** The input as a float32 tensor (Keras activations compute in floating point). */
export function floatInput(x: TensorLike): Tensor {
  const t = asTensor(x);
  return t.dtype === 'float32' ? t : cast(t, 'float32');
}

/** `dy` with the shape of `like` (autodiff passes it so; a user-seeded `dy` may broadcast). */
export function gradLike(dy: Tensor, like: Tensor): Tensor {
  return dy.size === like.size ? dy : broadcastTo(dy, like.shape);
}

/**
 * Runs a fused elementwise activation: one loop forward, one loop backward.
 *
 * Each activation passes its own loop functions instead of a per-element callback: V8 shares
 * type feedback between closures created at one site, so a generic `(x) => fn(x[i])` kernel
 * ends up calling `fn` megamorphically (about 8x slower for relu than a dedicated loop).
 */
export function fused(x: TensorLike, forward: ForwardLoop, backward: BackwardLoop): Tensor {
  const input = floatInput(x);
  const xs = input.data as Float32Array;
  const ys = new Float32Array(xs.length);
  forward(xs, ys);
  const y = new Tensor(ys, input.shape, 'float32');
  return record(y, [input], (dy) => {
    const dx = new Float32Array(xs.length);
    backward(xs, ys, gradLike(dy, y).data, dx);
    return [new Tensor(dx, input.shape, 'float32')];
  });
}

/** Throws unless `options` is undefined or a plain object whose keys are all in `allowed`. */
export function checkOptions(who: string, options: unknown, allowed: readonly string[]): void {
  if (options === undefined) return;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ValueError(`${who}: options must be an object, received options=${show(options)}`);
  }
  for (const [key, value] of Object.entries(options)) {
    if (!allowed.includes(key)) {
      const expected = allowed.length ? `one of ${allowed.join(', ')}` : 'no options';
      throw new ValueError(`${who}: unknown option, expected ${expected}, received ${key}=${show(value)}`);
    }
  }
}

/** A finite number option; `fallback` when undefined. */
export function numberOption(who: string, name: string, value: unknown, fallback?: number): number {
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ValueError(`${who}: ${name} must be a finite number, received ${name}=${show(value)}`);
  }
  return value;
}

/** A boolean option; `fallback` when undefined. */
export function booleanOption(who: string, name: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') {
    throw new ValueError(`${who}: ${name} must be a boolean, received ${name}=${show(value)}`);
  }
  return value;
}

/** Stable logistic sigmoid in float64: never evaluates `exp` of a large positive number. */
export function sigmoidOf(v: number): number {
  if (v >= 0) return 1 / (1 + Math.exp(-v));
  const e = Math.exp(v);
  return e / (1 + e);
}

/** sigmoid'(v) = e / (1 + e)^2 with e = exp(-|v|): exact in the tails, where 1 - sigmoid(v) is not. */
export function sigmoidSlope(v: number): number {
  const e = Math.exp(-Math.abs(v));
  const d = 1 + e;
  return e / (d * d);
}

/** `log(1 + exp(v))` without overflow: `max(v, 0) + log1p(exp(-|v|))`. */
export function softplusOf(v: number): number {
  return Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v)));
}
