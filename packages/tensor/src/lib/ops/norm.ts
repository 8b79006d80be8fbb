import { ValueError, show } from '../errors';
import { normalizeAxes, normalizeAxis } from '../shape';
import { Tensor, TensorLike, asTensor } from '../tensor';
import { notEqual } from './compare';
import { abs, sqrt, square } from './math';
import { cast } from './elementwise';
import { pow } from './math-binary';
import { max, min, reducedShapes, sum } from './reduce';
import { reshape } from './shape-ops';

/** The `ord` of `norm`: a number (including `Infinity`, `-Infinity`), `'fro'`, `'nuc'`, or null. */
export type NormOrd = number | 'fro' | 'nuc' | null;

/** Options of `norm`, as the arguments of `keras.ops.norm`. */
export interface NormOptions {
  /** Order of the norm; null (default) is the 2-norm of vectors and the Frobenius norm of matrices. */
  ord?: NormOrd;
  /** One axis (vector norm), two (matrix norm: rows, columns), or null (all axes). */
  axis?: number | readonly number[] | null;
  /** Keep the reduced axes as size 1. Default false. */
  keepdims?: boolean;
}

function vectorNorm(x: Tensor, ord: NormOrd, axis: number, keepdims: boolean): Tensor {
  if (typeof ord === 'string') {
    throw new ValueError(`norm: ord must be a number or null for a vector norm, received ord=${show(ord)}`);
  }
  if (ord === null || ord === 2) return sqrt(sum(square(x), axis, keepdims));
  if (ord === Infinity) return max(abs(x), axis, keepdims);
  if (ord === -Infinity) return min(abs(x), axis, keepdims);
  if (ord === 0) return sum(cast(notEqual(x, 0), 'float32'), axis, keepdims);
  if (ord === 1) return sum(abs(x), axis, keepdims);
  return pow(sum(pow(abs(x), ord), axis, keepdims), 1 / ord);
}

function matrixNorm(x: Tensor, ord: NormOrd, [r, c]: readonly number[]): Tensor {
  if (ord === null || ord === 'fro') return sqrt(sum(square(x), [r, c], true));
  if (ord === 1) return max(sum(abs(x), r, true), c, true);
  if (ord === -1) return min(sum(abs(x), r, true), c, true);
  if (ord === Infinity) return max(sum(abs(x), c, true), r, true);
  if (ord === -Infinity) return min(sum(abs(x), c, true), r, true);
  if (ord === 2 || ord === -2 || ord === 'nuc') {
    throw new ValueError(
      `norm: matrix norms from singular values (ord=2, -2, 'nuc') are not supported, received ord=${show(ord)}`,
    );
  }
  throw new ValueError(
    `norm: ord must be one of null, 'fro', 1, -1, Infinity, -Infinity for a matrix norm, received ord=${show(ord)}`,
  );
}

/**
 * Vector or matrix norm, as `keras.ops.norm` (float32 output).
 *
 * Vectors (one axis): ord null or 2 `sqrt(sum(x^2))`; `Infinity` `max|x|`; `-Infinity` `min|x|`;
 * 0 the count of non-zeros; other p `sum(|x|^p)^(1/p)`. Matrices (two axes, rows then columns):
 * null or 'fro' `sqrt(sum(x^2))`; 1 / -1 the max / min column sum of `|x|`; `Infinity` /
 * `-Infinity` the max / min row sum. With `axis` null, ord null flattens any rank; another ord
 * treats a rank-1 input as a vector and a rank-2 input as a matrix. Differentiable (`ord=0` has
 * zero gradient; ties share the gradient of max/min).
 *
 * Shapes: `x.shape` minus the reduced axes (kept as size 1 with `keepdims`).
 * @example norm(tensor([[3, 4], [0, 0]]), { axis: 1 }); // [5, 0]
 */
export function norm(xIn: TensorLike, options: NormOptions = {}): Tensor {
  const { ord = null, axis = null, keepdims = false } = options;
  if (typeof ord === 'string' && ord !== 'fro' && ord !== 'nuc') {
    throw new ValueError(`norm: ord must be a number, null, 'fro' or 'nuc', received ord=${show(ord)}`);
  }
  if (ord !== null && typeof ord !== 'string' && (typeof ord !== 'number' || Number.isNaN(ord))) {
    throw new ValueError(`norm: ord must be a number, null, 'fro' or 'nuc', received ord=${show(ord)}`);
  }
  const x = cast(asTensor(xIn), 'float32');
  let axes: number[];
  if (axis === null) {
    if (ord === null) return sqrt(sum(square(x), null, keepdims));
    if (x.rank !== 1 && x.rank !== 2) {
      throw new ValueError(
        `norm: with axis=null and an ord, x must be a vector or a matrix; pass axis for other ranks, received x.rank=${x.rank}`,
      );
    }
    axes = x.rank === 1 ? [0] : [0, 1];
  } else {
    normalizeAxes(axis, x.rank, 'norm'); // range and repeat checks
    axes = (typeof axis === 'number' ? [axis] : [...axis]).map((a) => normalizeAxis(a, x.rank, 'norm'));
  }
  if (axes.length === 1) return vectorNorm(x, ord, axes[0], keepdims);
  if (axes.length !== 2) {
    throw new ValueError(
      `norm: axis must name one axis (vector norm) or two (matrix norm), received axis=${show(axis)}`,
    );
  }
  const y = matrixNorm(x, ord, axes);
  return keepdims ? y : reshape(y, reducedShapes(x.shape, axes).dropped);
}
