import { record } from '../autodiff';
import { allocate } from '../dtype';
import { ValueError, show } from '../errors';
import { normalizeAxis, sizeOf, stridesOf } from '../shape';
import { Tensor, TensorLike, asTensor } from '../tensor';
import { gather } from './gather';
import { sum } from './reduce';
import { copyStrided, reshape } from './shape-ops';

/**
 * Repeats the whole of `x` `reps[i]` times along axis `i` (`keras.ops.tile`). When `reps` is
 * shorter than the rank it is padded with leading 1s; when longer, `x` gets leading size-1 axes.
 *
 * Shapes: `[d0, d1]` with `reps = [r0, r1]` gives `[r0 * d0, r1 * d1]`. Gradient: the sum of
 * `dy` over the tiles.
 * @example tile(tensor([1, 2]), [2]); // [1, 2, 1, 2]
 */
export function tile(xIn: TensorLike, reps: number | readonly number[]): Tensor {
  const x = asTensor(xIn);
  const list: readonly number[] = typeof reps === 'number' ? [reps] : reps;
  if (!Array.isArray(list) || !list.every((r) => Number.isInteger(r) && r >= 0)) {
    throw new ValueError(`tile: reps must be non-negative integers, received reps=${show(reps)}`);
  }
  const r = Math.max(x.rank, list.length);
  const dims = [...new Array<number>(r - x.rank).fill(1), ...x.shape];
  const rs = [...new Array<number>(r - list.length).fill(1), ...list];
  if (rs.every((k) => k === 1)) return reshape(x, dims);
  // Read x through a view of shape [r0, d0, r1, d1, ...] whose rep axes have stride 0: its
  // row-major order is exactly the tiled output's.
  const strides = stridesOf(dims);
  const viewShape = dims.flatMap((d, i) => [rs[i], d]);
  const viewStrides = strides.flatMap((s) => [0, s]);
  const shape = dims.map((d, i) => d * rs[i]);
  const out = allocate(x.dtype, sizeOf(shape));
  copyStrided(x.data, 0, viewStrides, viewShape, out);
  const y = new Tensor(out, shape, x.dtype);
  const repAxes = dims.map((_, i) => 2 * i);
  return record(y, [x], (dy) => [reshape(sum(reshape(dy, viewShape), repAxes), x.shape)]);
}

/**
 * Repeats each element `repeats` times along `axis` (`keras.ops.repeat`); `repeats` may also
 * give one count per element. Without `axis`, `x` is flattened first.
 *
 * Shapes: `[a, b]` with `repeats = 2`, `axis = 1` gives `[a, 2b]`; with per-element counts the
 * axis becomes their sum. Gradient: `dy` summed over the copies.
 * @example
 * repeat(tensor([[1, 2], [3, 4]]), 2, 1);      // [[1, 1, 2, 2], [3, 3, 4, 4]]
 * repeat(tensor([[1, 2], [3, 4]]), [1, 2], 0); // [[1, 2], [3, 4], [3, 4]]
 */
export function repeat(xIn: TensorLike, repeats: number | readonly number[], axis?: number | null): Tensor {
  let x = asTensor(xIn);
  if (axis === undefined || axis === null) {
    x = reshape(x, [-1]);
    axis = 0;
  }
  if (x.rank === 0) throw new ValueError(`repeat: x must have at least one axis, received a scalar with axis=${show(axis)}`);
  const ax = normalizeAxis(axis, x.rank, 'repeat');
  const n = x.shape[ax];
  const list = typeof repeats === 'number' ? [repeats] : Array.isArray(repeats) ? repeats : [];
  if (list.length === 0 || !list.every((k) => Number.isInteger(k) && k >= 0)) {
    throw new ValueError(`repeat: repeats must be non-negative integers, received repeats=${show(repeats)}`);
  }
  if (list.length !== 1 && list.length !== n) {
    throw new ValueError(
      `repeat: repeats must be one count or one per element (${n}) of axis ${ax}, received repeats=${show(repeats)}`,
    );
  }
  if (list.length > 1) {
    // Per-element counts: a gather of each index as often as it repeats (gather supplies the gradient).
    const index: number[] = [];
    list.forEach((k, i) => {
      for (let j = 0; j < k; j++) index.push(i);
    });
    return gather(x, new Tensor(Int32Array.from(index), [index.length], 'int32'), ax);
  }
  const k = list[0];
  if (k === 1) return x;
  // A view [..., n, k, ...] with stride 0 on the copies axis reads each element k times in a row.
  const viewShape = [...x.shape.slice(0, ax + 1), k, ...x.shape.slice(ax + 1)];
  const strides = stridesOf(x.shape);
  const viewStrides = [...strides.slice(0, ax + 1), 0, ...strides.slice(ax + 1)];
  const shape = x.shape.slice();
  shape[ax] = n * k;
  const out = allocate(x.dtype, sizeOf(shape));
  copyStrided(x.data, 0, viewStrides, viewShape, out);
  const y = new Tensor(out, shape, x.dtype);
  return record(y, [x], (dy) => [reshape(sum(reshape(dy, viewShape), ax + 1), x.shape)]);
}
