import { record } from '../autodiff';
import { allocate } from '../dtype';
import { ShapeError, ValueError, show } from '../errors';
import { formatShape, normalizeAxes } from '../shape';
import { Tensor, TensorLike, asTensor } from '../tensor';
import { pad } from './pad';
import { copyStrided } from './shape-ops';

/**
 * The block of `x` starting at index `begin` with extent `size` along each axis; a size of -1
 * takes everything to the end of that axis (`keras.ops.slice`).
 *
 * Shapes: `x` of rank r, `begin` and `size` of length r; the result has shape `size` (with -1
 * resolved to `shape[i] - begin[i]`). Gradient: `dy` zero-padded back to `x`'s shape.
 * @example slice(tensor([[1, 2, 3], [4, 5, 6]]), [0, 1], [-1, 2]); // [[2, 3], [5, 6]]
 */
export function slice(xIn: TensorLike, begin: readonly number[], size: readonly number[]): Tensor {
  const x = asTensor(xIn);
  const r = x.rank;
  if (!Array.isArray(begin) || begin.length !== r) {
    throw new ValueError(`slice: begin must have one entry per axis of ${formatShape(x.shape)}, received begin=${show(begin)}`);
  }
  if (!Array.isArray(size) || size.length !== r) {
    throw new ValueError(`slice: size must have one entry per axis of ${formatShape(x.shape)}, received size=${show(size)}`);
  }
  if (!begin.every((b, i) => Number.isInteger(b) && b >= 0 && b <= x.shape[i])) {
    throw new ValueError(
      `slice: begin must hold integers in [0, dim] for the shape ${formatShape(x.shape)}, received begin=${show(begin)}`,
    );
  }
  if (!size.every((s) => Number.isInteger(s) && s >= -1)) {
    throw new ValueError(`slice: size must hold non-negative integers or -1, received size=${show(size)}`);
  }
  // Copied: callers such as split reuse their array, and the backward pass reads it later.
  const start = begin.slice();
  const sz = size.map((s, i) => (s === -1 ? x.shape[i] - start[i] : s));
  if (sz.some((s, i) => start[i] + s > x.shape[i])) {
    throw new ShapeError(
      `slice: begin + size must not exceed the shape ${formatShape(x.shape)}, received begin=${show(begin)}, size=${show(size)}`,
    );
  }
  if (sz.every((s, i) => s === x.shape[i])) return x;
  const out = allocate(x.dtype, sz.reduce((p, d) => p * d, 1));
  const v = x.view().lo(...start);
  copyStrided(x.data, v.offset, v.stride, sz, out);
  const y = new Tensor(out, sz, x.dtype);
  return record(y, [x], (dy) => [pad(dy, sz.map((s, i) => [start[i], x.shape[i] - start[i] - s]))]);
}

/**
 * Reverses the order of elements along `axis` (one, several, or all axes when omitted), as
 * `keras.ops.flip`. Shapes: unchanged. Gradient: `dy` flipped along the same axes.
 * @example flip(tensor([[1, 2], [3, 4]]), 1); // [[2, 1], [4, 3]]
 */
export function flip(xIn: TensorLike, axis?: number | readonly number[] | null): Tensor {
  const x = asTensor(xIn);
  if (x.rank === 0 && axis !== undefined && axis !== null) {
    throw new ValueError(`flip: a scalar has no axis to flip, received axis=${show(axis)}`);
  }
  const axes = normalizeAxes(axis, x.rank, 'flip');
  if (axes.every((a) => x.shape[a] <= 1)) return x;
  const out = allocate(x.dtype, x.size);
  const v = x.view().step(...x.shape.map((_, i) => (axes.includes(i) ? -1 : 1)));
  copyStrided(x.data, v.offset, v.stride, x.shape, out);
  const y = new Tensor(out, x.shape, x.dtype);
  return record(y, [x], (dy) => [flip(dy, axes)]);
}
