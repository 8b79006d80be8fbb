import { record } from '../autodiff';
import { DType, allocate } from '../dtype';
import { normalizeAxes } from '../shape';
import { Tensor, TensorLike, asTensor } from '../tensor';
import { makeReduceKernel } from './kernels-reduce';
import { broadcastTo, reshape } from './shape-ops';

/** Axis argument of reductions: one axis, several, or all when omitted or null. */
export type Axis = number | readonly number[] | null;

/** The shapes a reduction produces, with and without `keepdims`. */
export function reducedShapes(shape: readonly number[], axes: readonly number[]): { kept: number[]; dropped: number[] } {
  const kept = shape.map((d, i) => (axes.includes(i) ? 1 : d));
  return { kept, dropped: shape.filter((_, i) => !axes.includes(i)) };
}

/**
 * Declares a reduction with identity `init`. `backward(x, yKept, dyKept)` receives the output
 * and its gradient with reduced axes kept as size 1, and returns dL/dx.
 */
export function reduceOp(
  name: string,
  init: number,
  combine: (acc: number, v: number) => number,
  outDType: (d: DType) => DType,
  backward?: (x: Tensor, y: Tensor, dy: Tensor) => Tensor,
) {
  const kernel = makeReduceKernel(combine);
  return (xIn: TensorLike, axis: Axis = null, keepdims = false): Tensor => {
    const x = asTensor(xIn);
    const axes = normalizeAxes(axis, x.rank, name);
    const { kept, dropped } = reducedShapes(x.shape, axes);
    const dtype = outDType(x.dtype);
    const size = dropped.reduce((p, d) => p * d, 1);
    const out = allocate(dtype, size);
    if (init !== 0) out.fill(init);
    if (x.size > 0) {
      const flags = x.shape.map((_, i) => axes.includes(i));
      kernel(x.data, x.shape, flags, out);
    }
    const y = new Tensor(out, keepdims ? kept : dropped, dtype);
    if (!backward) return y;
    return record(y, [x], (dy) => [backward(x, reshape(y, kept), reshape(dy, kept))]);
  };
}

const sumDType = (d: DType): DType => (d === 'bool' ? 'int32' : d);

/**
 * Sum over `axis` (all axes by default), optionally keeping reduced axes as size 1.
 * @example sum(tensor([[1, 2], [3, 4]]), 0); // [4, 6]
 */
export const sum = reduceOp('sum', 0, (a, v) => a + v, sumDType, (x, _y, dy) => broadcastTo(dy, x.shape));
