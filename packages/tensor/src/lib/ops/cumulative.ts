import { record } from '../autodiff';
import { DType, TypedArray, allocate } from '../dtype';
import { normalizeAxis } from '../shape';
import { Tensor, TensorLike, asTensor } from '../tensor';
import { reshape } from './shape-ops';

/** A tensor seen as `outer` blocks of `n` steps along the scan axis, each `inner` wide. */
interface Lines {
  outer: number;
  n: number;
  inner: number;
}

function linesOf(shape: readonly number[], axis: number): Lines {
  const prodOf = (s: readonly number[]) => s.reduce((p, d) => p * d, 1);
  return { outer: prodOf(shape.slice(0, axis)), n: shape[axis], inner: prodOf(shape.slice(axis + 1)) };
}

// Running fold along the axis in memory order (forward or reversed): each step combines a
// whole row of `inner` values with the previous row's results.
function scan(x: TypedArray, out: TypedArray, { outer, n, inner }: Lines, mulMode: boolean, reverse: boolean): void {
  for (let o = 0; o < outer; o++) {
    const base = o * n * inner;
    for (let s = 0; s < n; s++) {
      const j = reverse ? n - 1 - s : s;
      const row = base + j * inner;
      if (s === 0) {
        for (let k = 0; k < inner; k++) out[row + k] = x[row + k];
        continue;
      }
      const prev = reverse ? row + inner : row - inner;
      if (mulMode) for (let k = 0; k < inner; k++) out[row + k] = out[prev + k] * x[row + k];
      else for (let k = 0; k < inner; k++) out[row + k] = out[prev + k] + x[row + k];
    }
  }
}

const scanDType = (d: DType): DType => (d === 'bool' ? 'int32' : d);

function prepare(name: string, xIn: TensorLike, axis: number | null): { x: Tensor; ax: number } {
  const x0 = asTensor(xIn);
  // axis=null scans the flattened tensor (reshape records, so gradients flow back).
  if (axis === null) return { x: reshape(x0, [x0.size]), ax: 0 };
  if (x0.rank === 0) return { x: reshape(x0, [1]), ax: normalizeAxis(axis, 1, name) };
  return { x: x0, ax: normalizeAxis(axis, x0.rank, name) };
}

function runScan(x: Tensor, ax: number, mulMode: boolean, reverse = false): Tensor {
  const dtype = scanDType(x.dtype);
  const out = allocate(dtype, x.size);
  if (x.size > 0) scan(x.data, out, linesOf(x.shape, ax), mulMode, reverse);
  return new Tensor(out, x.shape, dtype);
}

/**
 * Cumulative sum along `axis` (of the flattened tensor when null), as `keras.ops.cumsum`;
 * bool sums to int32. Gradient: the reversed cumulative sum of `dy`.
 *
 * Shapes: same as `x` (`[x.size]` when `axis` is null).
 * @example cumsum(tensor([[1, 2], [3, 4]]), 1); // [[1, 3], [3, 7]]
 */
export function cumsum(xIn: TensorLike, axis: number | null = null): Tensor {
  const { x, ax } = prepare('cumsum', xIn, axis);
  const y = runScan(x, ax, false);
  return record(y, [x], (dy) => [runScan(dy, ax, false, true)]);
}

// d y_j / d x_i = prod_{k <= j, k != i} x_k for i <= j. Before the first zero z of a line that
// is y_j / x_i; at z it needs the product that skips z; after z every term holds x_z = 0.
function cumprodBackward(x: Tensor, y: Tensor, dy: Tensor, ax: number): Tensor {
  const { outer, n, inner } = linesOf(x.shape, ax);
  const g = new Float32Array(x.size);
  const xd = x.data;
  const yd = y.data;
  const dd = dy.data;
  for (let o = 0; o < outer; o++) {
    for (let k = 0; k < inner; k++) {
      const at = (j: number) => o * n * inner + j * inner + k;
      let z = n;
      for (let j = 0; j < n; j++) {
        if (xd[at(j)] === 0) {
          z = j;
          break;
        }
      }
      let tail = 0; // sum over j >= i (and j < z) of dy_j * y_j
      for (let j = Math.min(z, n) - 1; j >= 0; j--) {
        tail += dd[at(j)] * yd[at(j)];
        g[at(j)] = tail / xd[at(j)];
      }
      if (z < n) {
        let p = z > 0 ? yd[at(z - 1)] : 1;
        let acc = dd[at(z)] * p;
        for (let j = z + 1; j < n; j++) {
          p *= xd[at(j)];
          acc += dd[at(j)] * p;
        }
        g[at(z)] = acc;
      }
    }
  }
  return new Tensor(g, x.shape, 'float32');
}

/**
 * Cumulative product along `axis` (flattened when null), as `keras.ops.cumprod`; bool gives
 * int32. The gradient is exact when the input holds zeros.
 *
 * Shapes: same as `x` (`[x.size]` when `axis` is null).
 * @example cumprod(tensor([1, 2, 3, 4])); // [1, 2, 6, 24]
 */
export function cumprod(xIn: TensorLike, axis: number | null = null): Tensor {
  const { x, ax } = prepare('cumprod', xIn, axis);
  const y = runScan(x, ax, true);
  return record(y, [x], (dy) => [cumprodBackward(x, y, dy, ax)]);
}
