import { ValueError } from '../errors';
import { formatShape, normalizeAxis } from '../shape';
import { Tensor, TensorLike, asTensor } from '../tensor';

// -0 ranks just below +0, as Keras's JAX backend arranges (it maps -0 to -tiny before argmax).
function key(v: number): number {
  return v === 0 && 1 / v < 0 ? -Number.MIN_VALUE : v;
}

function argReduce(name: string, better: (v: number, best: number) => boolean) {
  return (xIn: TensorLike, axis: number | null = null, keepdims = false): Tensor => {
    const x = asTensor(xIn);
    const ax = axis === null ? -1 : normalizeAxis(axis, x.rank, name);
    // axis=null searches the flattened tensor.
    const outer = ax < 0 ? 1 : x.shape.slice(0, ax).reduce((p, d) => p * d, 1);
    const n = ax < 0 ? x.size : x.rank === 0 ? 1 : x.shape[ax];
    const inner = ax < 0 ? 1 : x.shape.slice(ax + 1).reduce((p, d) => p * d, 1);
    if (n === 0) {
      throw new ValueError(`${name}: cannot search an empty axis, received x.shape=${formatShape(x.shape)}`);
    }
    const out = new Int32Array(outer * inner);
    const best = new Float64Array(inner);
    const d = x.data;
    for (let o = 0; o < outer; o++) {
      const base = o * n * inner;
      const ob = o * inner;
      for (let k = 0; k < inner; k++) best[k] = key(d[base + k]);
      // Row by row in memory order; only a strictly better value moves the index, so the first
      // occurrence wins, and NaN (once seen) is never beaten, as in NumPy.
      for (let j = 1; j < n; j++) {
        const row = base + j * inner;
        for (let k = 0; k < inner; k++) {
          const v = key(d[row + k]);
          if (better(v, best[k])) {
            best[k] = v;
            out[ob + k] = j;
          }
        }
      }
    }
    let shape: number[];
    if (ax < 0) shape = keepdims ? x.shape.map(() => 1) : [];
    else shape = keepdims ? x.shape.map((s, i) => (i === ax ? 1 : s)) : x.shape.filter((_, i) => i !== ax);
    return new Tensor(out, shape, 'int32');
  };
}

/**
 * Index of the largest value along `axis` (the flattened tensor when `axis` is null), as
 * `keras.ops.argmax`: int32, first occurrence on ties, NaN counts as largest. Not differentiable.
 *
 * Shapes: `x.shape` without `axis` (`[]` for null; size 1 kept with `keepdims`).
 * @example argmax(tensor([[1, 3, 3], [2, 2, 1]]), 1); // [1, 0]
 */
export const argmax = argReduce('argmax', (v, best) => v > best || (v !== v && best === best));

/**
 * Index of the smallest value along `axis` (flattened when null), as `keras.ops.argmin`:
 * int32, first occurrence on ties, NaN counts as smallest.
 * @example argmin(tensor([[1, 3, 0], [2, 2, 5]]), 1); // [2, 0]
 */
export const argmin = argReduce('argmin', (v, best) => v < best || (v !== v && best === best));
