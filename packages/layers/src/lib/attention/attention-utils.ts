// Helpers shared by Attention, AdditiveAttention and MultiHeadAttention (internal, not exported by the package).
import {
  SeedGenerator, Tensor, ValueError, abs, arange, bernoulli, div, expandDims, greaterEqual, less, notEqual, reshape, sub,
  where, zerosLike,
} from '@strata/tensor';
import { formatKerasShape } from '../engine/shape';
import { Mask } from '../engine/symbolic-call';

/** A mask as a bool tensor: Keras casts float or int masks to bool (non-zero means kept). */
export function boolMask(mask: Tensor): Tensor {
  return mask.dtype === 'bool' ? mask : notEqual(mask, 0);
}

// Row and column indices as [1, tq, 1] and [1, 1, tv] tensors.
function indices(tq: number, tv: number): [Tensor, Tensor] {
  return [reshape(arange(tq), [1, tq, 1]), reshape(arange(tv), [1, 1, tv])];
}

/** Keras's causal mask `(1, tq, tv)`: query position i sees key positions j <= i. */
export function causalMask(tq: number, tv: number): Tensor {
  const [row, col] = indices(tq, tv);
  return greaterEqual(row, col);
}

/** Keras's sliding-window band `(1, tq, tv)`: `|i - j| < window`. */
export function slidingWindowMask(tq: number, tv: number, window: number): Tensor {
  const [row, col] = indices(tq, tv);
  return less(abs(sub(row, col)), window);
}

/** A tensor named by its shape, for error messages. */
export function describe(x: unknown): string {
  return x instanceof Tensor ? `Tensor of shape ${formatKerasShape(x.shape)}` : String(x);
}

/**
 * The call's `mask` as a list of per-input masks; a single tensor is rejected because the layer
 * needs to know which input it belongs to.
 */
export function maskList(mask: Mask, who: string, expected: string): (Tensor | null)[] | null {
  if (mask === null || mask === undefined) return null;
  if (!Array.isArray(mask)) {
    throw new ValueError(`${who}: mask must be a list ${expected}, received mask=${describe(mask)}`);
  }
  return mask.map((m) => (m === undefined ? null : m));
}

/** Inserts `axis` into `x` until it has rank `rank` (Keras's repeated `expand_dims`). */
export function expandTo(x: Tensor, rank: number, axis: number): Tensor {
  let y = x;
  while (y.rank < rank) y = expandDims(y, axis);
  return y;
}

/** Whether `mask` broadcasts to `shape` without growing it (each axis 1 or equal, right-aligned). */
export function broadcastsTo(mask: readonly number[], shape: readonly number[]): boolean {
  const offset = shape.length - mask.length;
  return offset >= 0 && mask.every((d, i) => d === 1 || d === shape[offset + i]);
}

/** Inverted dropout of attention probabilities, as `backend.random.dropout` (rate 1 gives zeros). */
export function dropoutProbs(x: Tensor, rate: number, seed: SeedGenerator): Tensor {
  if (rate >= 1) return zerosLike(x);
  const keep = 1 - rate;
  return where(bernoulli(x.shape, { p: keep, seed }), div(x, keep), 0);
}

/** Two shapes agree where both sizes are known. */
export function compatible(a: number | null | undefined, b: number | null | undefined): boolean {
  return a === null || b === null || a === undefined || b === undefined || a === b;
}
