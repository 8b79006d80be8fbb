import { TypedArray } from '../dtype';

/**
 * Reduces `x` (of `shape`) over the flagged axes into `out`, which must be pre-filled with the
 * identity of `combine`. One pass over `x` in memory order: when the last axis is reduced the
 * inner loop folds into one accumulator, otherwise it combines whole rows elementwise.
 */
export function makeReduceKernel(combine: (acc: number, v: number) => number) {
  return (x: TypedArray, shape: readonly number[], reduced: readonly boolean[], out: TypedArray): void => {
    const r = shape.length;
    if (r === 0) {
      out[0] = combine(out[0], x[0]);
      return;
    }
    // Output strides with 0 on reduced axes.
    const os = new Array<number>(r);
    let acc = 1;
    for (let i = r - 1; i >= 0; i--) {
      os[i] = reduced[i] ? 0 : acc;
      if (!reduced[i]) acc *= shape[i];
    }
    const inner = shape[r - 1];
    const n = x.length;
    const idx = new Array<number>(r).fill(0);
    let off = 0;
    const lastReduced = reduced[r - 1];
    for (let p = 0; p < n; p += inner) {
      if (lastReduced) {
        let a = out[off];
        for (let j = 0; j < inner; j++) a = combine(a, x[p + j]);
        out[off] = a;
      } else {
        for (let j = 0; j < inner; j++) out[off + j] = combine(out[off + j], x[p + j]);
      }
      for (let k = r - 2; k >= 0; k--) {
        idx[k]++;
        off += os[k];
        if (idx[k] < shape[k]) break;
        off -= os[k] * shape[k];
        idx[k] = 0;
      }
    }
  };
}
