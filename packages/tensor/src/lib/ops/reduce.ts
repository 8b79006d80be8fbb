import { record } from '../autodiff';
import { DType, TypedArray, allocate } from '../dtype';
import { ValueError } from '../errors';
import { formatShape, normalizeAxes } from '../shape';
import { Tensor, TensorLike, asTensor } from '../tensor';
import { div, mul } from './arithmetic';
import { makeBinaryKernel, sumInto } from './kernels-elementwise';
import { makeReduceKernel } from './kernels-reduce';
import { broadcastTo, reshape } from './shape-ops';

// `./elementwise` imports this file, so it must not import modules that declare ops when they
// load (math, compare, ...): they would find `./elementwise` half-initialised. Masks for the
// max/min and prod gradients therefore use the kernels directly.

/** Axis argument of reductions: one axis, several, or all when omitted or null. */
export type Axis = number | readonly number[] | null;

/** The shapes a reduction produces, with and without `keepdims`. */
export function reducedShapes(shape: readonly number[], axes: readonly number[]): { kept: number[]; dropped: number[] } {
  const kept = shape.map((d, i) => (axes.includes(i) ? 1 : d));
  return { kept, dropped: shape.filter((_, i) => !axes.includes(i)) };
}

/**
 * Declares a reduction. `init` is the identity of `combine` (or a function of the output dtype
 * giving it). `backward(x, yKept, dyKept)` receives the output and its gradient with reduced
 * axes kept as size 1, and returns dL/dx. `finish(out, count, xShape)` post-processes the raw
 * result in place (or throws), `count` being the number of elements folded into each output.
 */
export function reduceOp(
  name: string,
  init: number | ((dtype: DType) => number),
  combine: (acc: number, v: number) => number,
  outDType: (d: DType) => DType,
  backward?: (x: Tensor, y: Tensor, dy: Tensor) => Tensor,
  finish?: (out: TypedArray, count: number, shape: readonly number[]) => void,
  fast?: (x: Float32Array, shape: readonly number[], reduced: readonly boolean[], out: TypedArray) => void,
) {
  const kernel = makeReduceKernel(combine);
  return (xIn: TensorLike, axis: Axis = null, keepdims = false): Tensor => {
    const x = asTensor(xIn);
    const axes = normalizeAxes(axis, x.rank, name);
    const { kept, dropped } = reducedShapes(x.shape, axes);
    const dtype = outDType(x.dtype);
    const size = dropped.reduce((p, d) => p * d, 1);
    const out = allocate(dtype, size);
    const initValue = typeof init === 'number' ? init : init(dtype);
    if (initValue !== 0) out.fill(initValue);
    if (x.size > 0) {
      const flags = x.shape.map((_, i) => axes.includes(i));
      if (fast && x.data instanceof Float32Array) fast(x.data, x.shape, flags, out);
      else kernel(x.data, x.shape, flags, out);
    }
    if (finish) finish(out, axes.reduce((p, a) => p * x.shape[a], 1), x.shape);
    const y = new Tensor(out, keepdims ? kept : dropped, dtype);
    if (!backward) return y;
    return record(y, [x], (dy) => [backward(x, reshape(y, kept), reshape(dy, kept))]);
  };
}

const sumDType = (d: DType): DType => (d === 'bool' ? 'int32' : d);
const sameDType = (d: DType): DType => d;
const floatDType = (): DType => 'float32';
const boolDType = (): DType => 'bool';

/** The axes a kept-dims output `y` was reduced over (size-1 input axes are harmless either way). */
function keptAxes(y: Tensor): number[] {
  const axes: number[] = [];
  y.shape.forEach((d, i) => d === 1 && axes.push(i));
  return axes;
}

/** Number of input elements behind each output of a kept-dims reduction. */
function groupSize(x: Tensor, y: Tensor): number {
  return x.shape.reduce((p, d, i) => (y.shape[i] === 1 ? p * d : p), 1);
}

// float32 sums: one pass with float64 accumulators (kernels-elementwise.ts), rounded once.
function sumFloat32(x: Float32Array, shape: readonly number[], reduced: readonly boolean[], out: TypedArray): void {
  const strides = new Array<number>(shape.length);
  for (let i = shape.length - 1, acc = 1; i >= 0; i--) {
    strides[i] = reduced[i] ? 0 : acc;
    if (!reduced[i]) acc *= shape[i];
  }
  const acc = new Float64Array(out.length);
  sumInto(x, shape, strides, acc);
  out.set(acc);
}

/**
 * Sum over `axis` (all axes by default), optionally keeping reduced axes as size 1.
 * Bool sums to int32. Shapes: `x.shape` minus the reduced axes.
 * @example sum(tensor([[1, 2], [3, 4]]), 0); // [4, 6]
 */
export const sum = reduceOp('sum', 0, (a, v) => a + v, sumDType, (x, _y, dy) => broadcastTo(dy, x.shape), undefined, sumFloat32);

/**
 * Arithmetic mean over `axis`: `sum(x) / n`, always float32 (NaN over an empty axis), as
 * `keras.ops.mean`. One pass over `x`.
 * @example mean(tensor([[1, 2], [3, 5]]), -1); // [1.5, 4]
 */
export const mean = reduceOp(
  'mean',
  0,
  (a, v) => a + v,
  floatDType,
  (x, y, dy) => broadcastTo(mul(dy, 1 / groupSize(x, y)), x.shape),
  (out, n) => {
    for (let i = 0; i < out.length; i++) out[i] /= n;
  },
  sumFloat32,
);

const eqKernel = makeBinaryKernel((a, b) => (a === b ? 1 : 0));

// d max / dx goes to the positions equal to the result, split evenly among ties (as JAX does).
function extremumBackward(x: Tensor, y: Tensor, dy: Tensor): Tensor {
  const mask = new Float32Array(x.size);
  eqKernel(x.data, x.shape, y.data, y.shape, mask, x.shape);
  const m = new Tensor(mask, x.shape, 'float32');
  return mul(m, div(dy, sum(m, keptAxes(y), true)));
}

function noEmpty(name: string) {
  return (out: TypedArray, n: number, shape: readonly number[]): void => {
    if (n === 0 && out.length > 0) {
      throw new ValueError(
        `${name}: the reduced axes must not be empty (there is no identity), received x.shape=${formatShape(shape)}`,
      );
    }
  };
}

const lowest = (d: DType) => (d === 'float32' ? -Infinity : d === 'int32' ? -2147483648 : 0);
const highest = (d: DType) => (d === 'float32' ? Infinity : d === 'int32' ? 2147483647 : 1);

/**
 * Largest value over `axis`, keeping the dtype. NaN propagates. The gradient goes to the
 * maximal positions, shared equally among ties (JAX's rule). Throws over an empty axis.
 * @example max(tensor([[1, 5], [7, 2]]), 1); // [5, 7]
 */
export const max = reduceOp(
  'max',
  lowest,
  (a, v) => (v > a || v !== v ? v : a),
  sameDType,
  extremumBackward,
  noEmpty('max'),
);

/**
 * Smallest value over `axis`, keeping the dtype. NaN propagates; ties share the gradient.
 * @example min(tensor([[1, 5], [7, 2]]), 1); // [1, 2]
 */
export const min = reduceOp(
  'min',
  highest,
  (a, v) => (v < a || v !== v ? v : a),
  sameDType,
  extremumBackward,
  noEmpty('min'),
);

const countZeros = makeReduceKernel((a, v) => (v === 0 ? a + 1 : a));
const prodNonZero = makeReduceKernel((a, v) => (v === 0 ? a : a * v));

// d prod / dx_i is the product of the others; computed from the zero count and the product of
// the non-zeros so that inputs containing zeros get exact gradients.
function prodBackward(x: Tensor, y: Tensor, dy: Tensor): Tensor {
  const flags = x.shape.map((d, i) => y.shape[i] === 1 && d !== 1);
  const zeros = new Float32Array(y.size);
  const rest = new Float32Array(y.size).fill(1);
  countZeros(x.data, x.shape, flags, zeros);
  prodNonZero(x.data, x.shape, flags, rest);
  const z = broadcastTo(new Tensor(zeros, y.shape, 'float32'), x.shape).data;
  const p = broadcastTo(new Tensor(rest, y.shape, 'float32'), x.shape).data;
  const g = new Float32Array(x.size);
  for (let i = 0; i < g.length; i++) {
    const v = x.data[i];
    g[i] = z[i] === 0 ? p[i] / v : z[i] === 1 && v === 0 ? p[i] : 0;
  }
  return mul(new Tensor(g, x.shape, 'float32'), dy);
}

/**
 * Product over `axis` (bool gives int32). The gradient is exact when inputs contain zeros.
 * @example prod(tensor([[1, 2], [3, 4]]), 1); // [2, 12]
 */
export const prod = reduceOp('prod', 1, (a, v) => a * v, sumDType, prodBackward);

/**
 * True where any element over `axis` is non-zero (NaN counts as non-zero). Bool output.
 * @example any(tensor([[0, 1], [0, 0]]), 1); // [true, false]
 */
export const any = reduceOp('any', 0, (a, v) => (a !== 0 || v !== 0 ? 1 : 0), boolDType);

/**
 * True where every element over `axis` is non-zero. Bool output; `all` of nothing is true.
 * @example all(tensor([[1, 1], [0, 1]]), 1); // [true, false]
 */
export const all = reduceOp('all', 1, (a, v) => (a !== 0 && v !== 0 ? 1 : 0), boolDType);
