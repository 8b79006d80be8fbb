import { TypedArray } from '../dtype';
import { broadcastStrides, sameShape } from '../shape';

/** A loop over two broadcast inputs writing `fn(a, b)` into `out` (which has `outShape`). */
export type BinaryKernel = (
  a: TypedArray,
  aShape: readonly number[],
  b: TypedArray,
  bShape: readonly number[],
  out: TypedArray,
  outShape: readonly number[],
) => void;

/**
 * Builds the broadcasting loop for one scalar function. Each call makes a fresh closure, so V8
 * keeps separate type feedback per op and inlines `fn` into its loop.
 */
export function makeBinaryKernel(fn: (a: number, b: number) => number): BinaryKernel {
  return (a, aShape, b, bShape, out, outShape) => {
    const n = out.length;
    if (sameShape(aShape, bShape)) {
      for (let i = 0; i < n; i++) out[i] = fn(a[i], b[i]);
      return;
    }
    if (b.length === 1) {
      const bv = b[0];
      for (let i = 0; i < n; i++) out[i] = fn(a[i % a.length], bv);
      return;
    }
    if (a.length === 1) {
      const av = a[0];
      for (let i = 0; i < n; i++) out[i] = fn(av, b[i % b.length]);
      return;
    }
    const r = outShape.length;
    const sa = broadcastStrides(aShape, outShape);
    const sb = broadcastStrides(bShape, outShape);
    const inner = outShape[r - 1];
    const ia = sa[r - 1];
    const ib = sb[r - 1];
    const idx = new Array<number>(r).fill(0);
    let offA = 0;
    let offB = 0;
    for (let o = 0; o < n; o += inner) {
      let pa = offA;
      let pb = offB;
      for (let j = 0; j < inner; j++, pa += ia, pb += ib) out[o + j] = fn(a[pa], b[pb]);
      // Odometer over the outer axes, carrying the two input offsets along.
      for (let k = r - 2; k >= 0; k--) {
        idx[k]++;
        offA += sa[k];
        offB += sb[k];
        if (idx[k] < outShape[k]) break;
        offA -= sa[k] * outShape[k];
        offB -= sb[k] * outShape[k];
        idx[k] = 0;
      }
    }
  };
}

/** Builds a contiguous loop writing `fn(x)` into `out`. */
export function makeUnaryKernel(fn: (x: number) => number): (x: TypedArray, out: TypedArray) => void {
  return (x, out) => {
    const n = x.length;
    for (let i = 0; i < n; i++) out[i] = fn(x[i]);
  };
}
