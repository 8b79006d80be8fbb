import { record } from '../autodiff';
import { TypedArray, allocate } from '../dtype';
import { DTypeError, ValueError, show } from '../errors';
import { formatShape, normalizeAxis } from '../shape';
import { Tensor, TensorLike, asTensor } from '../tensor';
import { reshape } from './shape-ops';

/**
 * Takes the entries at integer `indices` along `axis` (`keras.ops.take`): the result is
 * `x[..., indices[j...], ...]`. With `axis = null`, `x` is flattened first. Negative indices
 * count from the end, as in `keras.ops.take`; an index outside `[-n, n - 1]` is an error
 * (Keras on JAX returns NaN rows there instead).
 *
 * Shapes: `x` `[...pre, n, ...post]` and `indices` `[...I]` give `[...pre, ...I, ...post]`.
 * Gradient: `dy` scatter-added into zeros shaped like `x` (repeated indices accumulate).
 * @example
 * gather(tensor([[1, 2], [3, 4], [5, 6]]), [2, -3]);  // [[5, 6], [1, 2]]
 * gather(tensor([[1, 2], [3, 4]]), tensor([1], undefined, 'int32'), 1); // [[2], [4]]
 */
export function gather(xIn: TensorLike, indices: TensorLike, axis: number | null = 0): Tensor {
  let x = asTensor(xIn);
  if (axis === null) {
    x = reshape(x, [-1]);
    axis = 0;
  }
  if (x.rank === 0) {
    throw new ValueError(`gather: x must have at least one axis, received a scalar with axis=${show(axis)}`);
  }
  const ax = normalizeAxis(axis, x.rank, 'gather');
  const n = x.shape[ax];
  const idx = checkIndices(indices, n, ax);
  const outer = x.shape.slice(0, ax).reduce((p, d) => p * d, 1);
  const inner = x.shape.slice(ax + 1).reduce((p, d) => p * d, 1);
  const m = idx.data.length;
  const out = allocate(x.dtype, outer * m * inner);
  gatherKernel(x.data, outer, n, inner, idx.data, out);
  const shape = [...x.shape.slice(0, ax), ...idx.shape, ...x.shape.slice(ax + 1)];
  const y = new Tensor(out, shape, x.dtype);
  return record(y, [x], (dy) => {
    const dx = allocate(dy.dtype, x.size);
    scatterAddKernel(dy.data, outer, n, inner, idx.data, dx);
    return [new Tensor(dx, x.shape, dy.dtype)];
  });
}

function checkIndices(indices: TensorLike, n: number, axis: number): { data: Int32Array; shape: number[] } {
  const t = asTensor(indices);
  if (t.dtype === 'bool') {
    throw new DTypeError(`gather: indices must be integers, received a tensor of dtype='bool'`);
  }
  const data = new Int32Array(t.size);
  for (let i = 0; i < t.size; i++) {
    const k = t.data[i];
    if (!Number.isInteger(k) || k < -n || k >= n) {
      throw new ValueError(
        `gather: indices must be integers in [${-n}, ${n - 1}] for axis ${axis} of size ${n}, received index=${show(k)}` +
          (t.size > 1 ? ` at position ${i} of indices with shape ${formatShape(t.shape)}` : ''),
      );
    }
    data[i] = k < 0 ? k + n : k;
  }
  return { data, shape: t.shape };
}

function gatherKernel(src: TypedArray, outer: number, n: number, inner: number, idx: Int32Array, out: TypedArray): void {
  const m = idx.length;
  let d = 0;
  for (let o = 0; o < outer; o++) {
    const base = o * n * inner;
    for (let j = 0; j < m; j++) {
      const s = base + idx[j] * inner;
      if (inner >= 64) {
        out.set(src.subarray(s, s + inner), d);
        d += inner;
      } else for (let t = 0; t < inner; t++) out[d++] = src[s + t];
    }
  }
}

function scatterAddKernel(dy: TypedArray, outer: number, n: number, inner: number, idx: Int32Array, dx: TypedArray): void {
  const m = idx.length;
  let s = 0;
  for (let o = 0; o < outer; o++) {
    const base = o * n * inner;
    for (let j = 0; j < m; j++) {
      const d = base + idx[j] * inner;
      for (let t = 0; t < inner; t++) dx[d + t] += dy[s++];
    }
  }
}
