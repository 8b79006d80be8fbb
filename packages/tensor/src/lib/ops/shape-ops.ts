import { record } from '../autodiff';
import { allocate } from '../dtype';
import { ShapeError, ValueError, show } from '../errors';
import { broadcastShapes, broadcastStrides, formatShape, normalizeAxes, normalizeAxis, sameShape, sizeOf } from '../shape';
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
 * Inserts size-1 axes so that they sit at positions `axis` of the result (one or several;
 * each in `[-rank - 1, rank]` for a single axis). Shares the data.
 *
 * Shapes: `[2, 3]` with `axis = 0` gives `[1, 2, 3]`; with `axis = -1`, `[2, 3, 1]`.
 * @example expandDims(tensor([1, 2]), 1); // [[1], [2]]
 */
export function expandDims(xIn: TensorLike, axis: number | readonly number[]): Tensor {
  const x = asTensor(xIn);
  const list = typeof axis === 'number' ? [axis] : [...axis];
  const outRank = x.rank + list.length;
  const axes = list.map((a) => normalizeAxis(a, outRank, 'expandDims'));
  if (new Set(axes).size !== axes.length) {
    throw new ValueError(`expandDims: axis must not repeat an axis, received axis=${show(axis)}`);
  }
  const shape: number[] = [];
  for (let i = 0, k = 0; i < outRank; i++) shape.push(axes.includes(i) ? 1 : x.shape[k++]);
  return reshape(x, shape);
}

/**
 * Removes size-1 axes: the ones listed in `axis`, or all of them when `axis` is omitted.
 * Squeezing an axis whose size is not 1 is an error, as in NumPy. Shares the data.
 *
 * Shapes: `[1, 3, 1]` gives `[3]`; with `axis = 0`, `[3, 1]`.
 * @example squeeze(tensor([[1], [2]]), 1); // [1, 2]
 */
export function squeeze(xIn: TensorLike, axis?: number | readonly number[] | null): Tensor {
  const x = asTensor(xIn);
  let axes: number[];
  if (axis === undefined || axis === null) axes = x.shape.flatMap((d, i) => (d === 1 ? [i] : []));
  else {
    axes = normalizeAxes(axis, x.rank, 'squeeze');
    const bad = axes.find((a) => x.shape[a] !== 1);
    if (bad !== undefined) {
      throw new ValueError(
        `squeeze: only axes of size 1 can be squeezed, but axis ${bad} has size ${x.shape[bad]} in shape ` +
          `${formatShape(x.shape)}, received axis=${show(axis)}`,
      );
    }
  }
  return reshape(
    x,
    x.shape.filter((_, i) => !axes.includes(i)),
  );
}

// Drops size-1 axes and merges neighbours that are contiguous in memory (stride[k] equal to
// stride[k+1] * shape[k+1]), so the copy loops below run over as few and as long axes as possible.
function compact(shape: readonly number[], strides: readonly number[]): [number[], number[]] {
  const sh: number[] = [];
  const st: number[] = [];
  for (let k = 0; k < shape.length; k++) {
    if (shape[k] === 1) continue;
    const last = sh.length - 1;
    if (last >= 0 && st[last] === strides[k] * shape[k]) {
      sh[last] *= shape[k];
      st[last] = strides[k];
    } else {
      sh.push(shape[k]);
      st.push(strides[k]);
    }
  }
  return [sh, st];
}

/**
 * Copies a strided view (`offset`, `strides`, `shape`, as an `ndarray` view describes it) of
 * `src` into the contiguous `out`, with a tight loop over the last axis. Size-1 axes are dropped
 * and contiguous neighbours merged first, so contiguous blocks copy in one loop.
 * @example const v = x.view().transpose(1, 0); copyStrided(x.data, v.offset, v.stride, v.shape, out);
 */
export function copyStrided(
  src: ArrayLike<number>,
  offset: number,
  strides: readonly number[],
  shape: readonly number[],
  out: { [i: number]: number; length: number },
): void {
  const n = out.length;
  if (n === 0) return;
  const [sh, st] = compact(shape, strides);
  const r = sh.length;
  if (r === 0) {
    out[0] = src[offset];
    return;
  }
  const inner = sh[r - 1];
  const s = st[r - 1];
  const idx = new Array<number>(r).fill(0);
  let off = offset;
  for (let o = 0; o < n; o += inner) {
    if (s === 1) for (let j = 0; j < inner; j++) out[o + j] = src[off + j];
    else for (let j = 0, p = off; j < inner; j++, p += s) out[o + j] = src[p];
    for (let k = r - 2; k >= 0; k--) {
      idx[k]++;
      off += st[k];
      if (idx[k] < sh[k]) break;
      off -= st[k] * sh[k];
      idx[k] = 0;
    }
  }
}

/**
 * The reverse of `copyStrided`: writes the contiguous `src` of `shape` into the strided view
 * (`offset`, `strides`) of `dst`, for example the interior of a padded output.
 * @example copyToStrided(x.data, out, 5, [4, 1], [2, 3]); // x [2, 3] into rows 1-2, columns 1-3 of a [3, 4] out
 */
export function copyToStrided(
  src: ArrayLike<number>,
  dst: { [i: number]: number; length: number },
  offset: number,
  strides: readonly number[],
  shape: readonly number[],
): void {
  const n = src.length;
  if (n === 0) return;
  const [sh, st] = compact(shape, strides);
  const r = sh.length;
  if (r === 0) {
    dst[offset] = src[0];
    return;
  }
  const inner = sh[r - 1];
  const s = st[r - 1];
  const idx = new Array<number>(r).fill(0);
  let off = offset;
  for (let o = 0; o < n; o += inner) {
    if (s === 1) for (let j = 0; j < inner; j++) dst[off + j] = src[o + j];
    else for (let j = 0, p = off; j < inner; j++, p += s) dst[p] = src[o + j];
    for (let k = r - 2; k >= 0; k--) {
      idx[k]++;
      off += st[k];
      if (idx[k] < sh[k]) break;
      off -= st[k] * sh[k];
      idx[k] = 0;
    }
  }
}
