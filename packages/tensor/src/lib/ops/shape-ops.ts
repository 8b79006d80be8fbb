import { record } from '../autodiff';
import { allocate } from '../dtype';
import { ShapeError, ValueError, show } from '../errors';
import { broadcastShapes, broadcastStrides, formatShape, sameShape, sizeOf } from '../shape';
import { Tensor, TensorLike, asTensor } from '../tensor';
import { reduceTo } from './elementwise';

/**
 * The same values with a new shape; one entry may be -1 and is inferred. Shares the data.
 * @example reshape(arange(6), [2, -1]); // shape [2, 3]
 */
export function reshape(xIn: TensorLike, shape: readonly number[]): Tensor {
  const x = asTensor(xIn);
  const unknown = shape.filter((d) => d === -1).length;
  if (unknown > 1 || shape.some((d) => !Number.isInteger(d) || d < -1)) {
    throw new ValueError(`reshape: shape may hold non-negative integers and at most one -1, received shape=${show(shape)}`);
  }
  const known = shape.reduce((p, d) => (d === -1 ? p : p * d), 1);
  const target = shape.map((d) => (d === -1 ? (known === 0 ? 0 : x.size / known) : d));
  if (sizeOf(target) !== x.size || !target.every(Number.isInteger)) {
    throw new ShapeError(
      `reshape: cannot reshape a tensor of shape ${formatShape(x.shape)} (${x.size} elements) into shape ${formatShape(shape)}`,
    );
  }
  if (sameShape(target, x.shape)) return x;
  const y = new Tensor(x.data, target, x.dtype);
  return record(y, [x], (dy) => [reshape(dy, x.shape)]);
}

/**
 * Broadcasts `x` to `shape` with NumPy rules (copying into contiguous storage).
 * @example broadcastTo(tensor([1, 2]), [2, 2]); // [[1, 2], [1, 2]]
 */
export function broadcastTo(xIn: TensorLike, shape: readonly number[]): Tensor {
  const x = asTensor(xIn);
  if (sameShape(x.shape, shape)) return x;
  const full = broadcastShapes(x.shape, shape, 'broadcastTo');
  if (!sameShape(full, shape)) {
    throw new ShapeError(`broadcastTo: cannot broadcast shape ${formatShape(x.shape)} to shape ${formatShape(shape)}`);
  }
  const out = allocate(x.dtype, sizeOf(shape));
  copyStrided(x.data, 0, broadcastStrides(x.shape, shape), shape, out);
  const y = new Tensor(out, shape, x.dtype);
  return record(y, [x], (dy) => [reduceTo(dy, x.shape)]);
}

/**
 * Copies a strided view (`offset`, `strides`, `shape`, as an `ndarray` view describes it) of
 * `src` into the contiguous `out`, with a tight loop over the last axis.
 */
export function copyStrided(
  src: ArrayLike<number>,
  offset: number,
  strides: readonly number[],
  shape: readonly number[],
  out: { [i: number]: number; length: number },
): void {
  const r = shape.length;
  const n = out.length;
  if (r === 0) {
    if (n) out[0] = src[offset];
    return;
  }
  if (n === 0) return;
  const inner = shape[r - 1];
  const s = strides[r - 1];
  const idx = new Array<number>(r).fill(0);
  let off = offset;
  for (let o = 0; o < n; o += inner) {
    if (s === 1) for (let j = 0; j < inner; j++) out[o + j] = src[off + j];
    else for (let j = 0, p = off; j < inner; j++, p += s) out[o + j] = src[p];
    for (let k = r - 2; k >= 0; k--) {
      idx[k]++;
      off += strides[k];
      if (idx[k] < shape[k]) break;
      off -= strides[k] * shape[k];
      idx[k] = 0;
    }
  }
}
