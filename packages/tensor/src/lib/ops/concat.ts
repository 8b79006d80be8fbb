import { record } from '../autodiff';
import { allocate, upcast } from '../dtype';
import { ShapeError, ValueError, show } from '../errors';
import { formatShape, normalizeAxis, sameShape } from '../shape';
import { Tensor, TensorLike, asTensor } from '../tensor';
import { cast } from './elementwise';
import { expandDims, reshape } from './shape-ops';
import { slice } from './slice';

function checkList(xs: readonly TensorLike[], who: string): Tensor[] {
  if (!Array.isArray(xs) || xs.length === 0) {
    throw new ValueError(`${who}: xs must be a non-empty array of tensors, received xs=${Array.isArray(xs) ? '[]' : show(xs)}`);
  }
  const ts = xs.map((x) => asTensor(x));
  const dtype = ts.reduce((d, t) => upcast(d, t.dtype), ts[0].dtype);
  return ts.map((t) => cast(t, dtype));
}

/**
 * Joins tensors along an existing `axis` (`keras.ops.concatenate`); mixed dtypes are upcast.
 *
 * Shapes: inputs agree on every axis except `axis`; the result's `axis` is the sum of theirs.
 * Gradient: `dy` split back into the inputs' extents.
 * @example concat([tensor([[1, 2]]), tensor([[3, 4]])], 0); // [[1, 2], [3, 4]]
 */
export function concat(xs: readonly TensorLike[], axis = 0): Tensor {
  const ts = checkList(xs, 'concat');
  const first = ts[0];
  if (first.rank === 0) {
    throw new ValueError(`concat: scalars cannot be concatenated, received an input of shape ${formatShape(first.shape)}`);
  }
  const ax = normalizeAxis(axis, first.rank, 'concat');
  for (const t of ts) {
    if (t.rank !== first.rank || t.shape.some((d, i) => i !== ax && d !== first.shape[i])) {
      throw new ShapeError(
        `concat: inputs must have the same shape except along axis ${ax}, received shapes ` +
          `${formatShape(first.shape)} and ${formatShape(t.shape)}`,
      );
    }
  }
  if (ts.length === 1) return first;
  const sizes = ts.map((t) => t.shape[ax]);
  const shape = first.shape.slice();
  shape[ax] = sizes.reduce((a, b) => a + b, 0);
  const outer = shape.slice(0, ax).reduce((p, d) => p * d, 1);
  const inner = shape.slice(ax + 1).reduce((p, d) => p * d, 1);
  const row = shape[ax] * inner;
  const out = allocate(first.dtype, outer * row);
  let start = 0;
  for (const t of ts) {
    const src = t.data;
    const chunk = t.shape[ax] * inner;
    for (let o = 0; o < outer; o++) {
      const s = o * chunk;
      const d = o * row + start;
      if (chunk >= 64) out.set(src.subarray(s, s + chunk), d);
      else for (let j = 0; j < chunk; j++) out[d + j] = src[s + j];
    }
    start += chunk;
  }
  const y = new Tensor(out, shape, first.dtype);
  return record(y, ts, (dy) => split(dy, sizes, ax));
}

/**
 * Joins same-shaped tensors along a new `axis` (in `[-rank - 1, rank]`), as `keras.ops.stack`.
 *
 * Shapes: `n` inputs of `[a, b]` with `axis = 1` give `[a, n, b]`. Gradient: `dy` unstacked.
 * @example stack([tensor([1, 2]), tensor([3, 4])], -1); // [[1, 3], [2, 4]]
 */
export function stack(xs: readonly TensorLike[], axis = 0): Tensor {
  const ts = checkList(xs, 'stack');
  for (const t of ts) {
    if (!sameShape(t.shape, ts[0].shape)) {
      throw new ShapeError(
        `stack: inputs must all have the same shape, received shapes ${formatShape(ts[0].shape)} and ${formatShape(t.shape)}`,
      );
    }
  }
  const ax = normalizeAxis(axis, ts[0].rank + 1, 'stack');
  return concat(
    ts.map((t) => expandDims(t, ax)),
    ax,
  );
}

/**
 * Splits `x` along `axis` into its `shape[axis]` slices, each without that axis
 * (`keras.ops.unstack`). Shapes: `[a, n, b]` with `axis = 1` gives `n` tensors of `[a, b]`.
 * @example unstack(tensor([[1, 2], [3, 4]]), 1); // [[1, 3], [2, 4]] as two tensors
 */
export function unstack(xIn: TensorLike, axis = 0): Tensor[] {
  const x = asTensor(xIn);
  if (x.rank === 0) throw new ValueError(`unstack: x must have at least one axis, received a scalar with axis=${show(axis)}`);
  const ax = normalizeAxis(axis, x.rank, 'unstack');
  const begin = x.shape.map(() => 0);
  const size = x.shape.slice();
  size[ax] = 1;
  const shape = x.shape.filter((_, i) => i !== ax);
  return Array.from({ length: x.shape[ax] }, (_, i) => {
    begin[ax] = i;
    return reshape(slice(x, begin, size), shape);
  });
}

/**
 * Splits `x` along `axis` into `numOrSizes` equal parts, or into parts of the given sizes (one
 * of which may be -1, meaning the rest), as `tf.split`.
 * Note: `keras.ops.split` takes split *indices* instead of sizes (`[1, 3]` there is `[1, 2, -1]` here).
 *
 * Shapes: `[6, b]` with `numOrSizes = 3` gives three `[2, b]`; with `[1, -1]`, `[1, b]` and `[5, b]`.
 * Gradient: each part's `dy` padded back into place.
 * @example split(arange(6), [1, -1]); // [0] and [1, 2, 3, 4, 5]
 */
export function split(xIn: TensorLike, numOrSizes: number | readonly number[], axis = 0): Tensor[] {
  const x = asTensor(xIn);
  if (x.rank === 0) throw new ValueError(`split: x must have at least one axis, received a scalar with axis=${show(axis)}`);
  const ax = normalizeAxis(axis, x.rank, 'split');
  const dim = x.shape[ax];
  const sizes = splitSizes(numOrSizes, dim, ax);
  const begin = x.shape.map(() => 0);
  const size = x.shape.slice();
  return sizes.map((s) => {
    size[ax] = s;
    const part = slice(x, begin, size);
    begin[ax] += s;
    return part;
  });
}

function splitSizes(numOrSizes: number | readonly number[], dim: number, ax: number): number[] {
  if (typeof numOrSizes === 'number') {
    if (!Number.isInteger(numOrSizes) || numOrSizes < 1) {
      throw new ValueError(
        `split: numOrSizes must be a positive integer or an array of sizes, received numOrSizes=${show(numOrSizes)}`,
      );
    }
    if (dim % numOrSizes !== 0) {
      throw new ValueError(
        `split: axis ${ax} of size ${dim} cannot be split into ${numOrSizes} equal parts, received numOrSizes=${numOrSizes}`,
      );
    }
    return new Array<number>(numOrSizes).fill(dim / numOrSizes);
  }
  const list = Array.isArray(numOrSizes) ? numOrSizes : [];
  const unknown = list.filter((s) => s === -1).length;
  if (list.length === 0 || unknown > 1 || !list.every((s) => Number.isInteger(s) && s >= -1)) {
    throw new ValueError(
      `split: sizes must be non-negative integers with at most one -1, received numOrSizes=${show(numOrSizes)}`,
    );
  }
  const known = list.reduce((a, s) => (s === -1 ? a : a + s), 0);
  if (unknown ? known > dim : known !== dim) {
    throw new ValueError(
      `split: sizes must add up to ${dim}, the size of axis ${ax}, received numOrSizes=${show(numOrSizes)}`,
    );
  }
  return list.map((s) => (s === -1 ? dim - known : s));
}
