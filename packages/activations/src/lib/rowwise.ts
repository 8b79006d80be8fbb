import { Tensor, TensorLike, normalizeAxes, record, stridesOf } from '@strata/tensor';
import { floatInput, gradLike } from './fused';

/** The axis argument of softmax-like activations: one axis, several, or all (`null`). */
export type AxisArg = number | readonly number[] | null;

/** Forward over `rows` contiguous rows of length `n`; returns state the backward pass needs. */
export type RowForward<S> = (x: Float32Array, y: Float32Array, rows: number, n: number) => S;
/** Backward over the same rows: writes dL/dx into `dx`. */
export type RowBackward<S> = (
  x: Float32Array,
  y: Float32Array,
  dy: Float32Array,
  dx: Float32Array,
  rows: number,
  n: number,
  state: S,
) => void;

/**
 * For reduced axes that are not the trailing ones: `perm[k]` is the flat index of the k-th
 * element when the kept axes come first and the reduced axes last (so each row is contiguous).
 */
function rowPermutation(shape: readonly number[], axes: readonly number[]): Int32Array {
  const order = [...shape.keys()].filter((a) => !axes.includes(a)).concat(axes);
  const strides = stridesOf(shape);
  const dims = order.map((a) => shape[a]);
  const steps = order.map((a) => strides[a]);
  const size = dims.reduce((p, d) => p * d, 1);
  const perm = new Int32Array(size);
  const idx = new Array<number>(order.length).fill(0);
  let off = 0;
  for (let k = 0; k < size; k++) {
    perm[k] = off;
    for (let d = order.length - 1; d >= 0; d--) {
      idx[d]++;
      off += steps[d];
      if (idx[d] < dims[d]) break;
      off -= steps[d] * dims[d];
      idx[d] = 0;
    }
  }
  return perm;
}

function gather(src: ArrayLike<number>, perm: Int32Array): Float32Array {
  const out = new Float32Array(perm.length);
  for (let k = 0; k < perm.length; k++) out[k] = src[perm[k]];
  return out;
}

function scatter(src: Float32Array, perm: Int32Array, out: Float32Array): void {
  for (let k = 0; k < perm.length; k++) out[perm[k]] = src[k];
}

/**
 * Applies a row kernel along `axis` (one or several axes, all for `null`) and records its
 * gradient. Reductions over trailing axes (the last axis above all) run in place on the
 * contiguous data; other axes are gathered into rows first and scattered back.
 */
export function rowwise<S>(
  who: string,
  xIn: TensorLike,
  axis: AxisArg,
  forward: RowForward<S>,
  backward: RowBackward<S>,
): Tensor {
  const input = floatInput(xIn);
  const shape = input.shape;
  const axes = normalizeAxes(axis, shape.length, who);
  const n = axes.reduce((p, a) => p * shape[a], 1);
  const rows = n === 0 ? 0 : input.size / n;
  const trailing = axes.every((a, i) => a === shape.length - axes.length + i);
  const perm = trailing ? null : rowPermutation(shape, axes);
  const xs = input.data as Float32Array;
  const xr = perm ? gather(xs, perm) : xs;
  const yr = new Float32Array(input.size);
  const state = forward(xr, yr, rows, n);
  let ys = yr;
  if (perm) {
    ys = new Float32Array(input.size);
    scatter(yr, perm, ys);
  }
  const y = new Tensor(ys, shape, 'float32');
  return record(y, [input], (dyIn) => {
    const dy = gradLike(dyIn, y).data;
    const dyr = perm ? gather(dy, perm) : dy instanceof Float32Array ? dy : Float32Array.from(dy);
    const dxr = new Float32Array(input.size);
    backward(xr, yr, dyr, dxr, rows, n, state);
    let dx = dxr;
    if (perm) {
      dx = new Float32Array(input.size);
      scatter(dxr, perm, dx);
    }
    return [new Tensor(dx, shape, 'float32')];
  });
}
