import { TypedArray } from '../dtype';
import { broadcastStrides, sameShape } from '../shape';

// Two kinds of loops live here.
//
// `makeBinaryKernel(fn)` / `makeUnaryKernel(fn)` build a loop around any scalar function. Closures
// made at one site share V8's type feedback, so once a few ops use them the per-element `fn(...)`
// call is megamorphic and never inlined (~10x slower than a plain loop). They serve the int32 and
// bool paths and the rarely used ops.
//
// The hot float32 ops get one hand-written function each (`addKernel`, ...), so each loop has its
// own feedback and monomorphic Float32Array accesses. They all run on a `BinaryPlan`: broadcasting
// compacted to `rows` x `cols`, which covers same shapes, a scalar on either side, bias rows
// ([N, C] + [C]) and columns ([N, C] * [N, 1]) in one call; `runBinary` loops over any further axes.

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
 * Builds the broadcasting loop for one scalar function (any dtypes). Slow once several ops use it
 * (see above): prefer a dedicated kernel run by `runBinary` for anything hot.
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

/** Builds a contiguous loop writing `fn(x)` into `out` (any dtypes; slow once shared, see above). */
export function makeUnaryKernel(fn: (x: number) => number): (x: TypedArray, out: TypedArray) => void {
  return (x, out) => {
    const n = x.length;
    for (let i = 0; i < n; i++) out[i] = fn(x[i]);
  };
}

/** `BinaryPlan.mode`: both operands advance along a row. */
export const SAME = 0;
/** `BinaryPlan.mode`: `b` holds one value per row (a scalar, or `[N, 1]` against `[N, C]`). */
export const B_ROW = 1;
/** `BinaryPlan.mode`: `a` holds one value per row. */
export const A_ROW = 2;

/**
 * One block of a broadcast binary loop: `rows` rows of `cols` contiguous outputs starting at
 * `out[oo]`; row `r` reads `a` from `ao + r * aRow` and `b` from `bo + r * bRow`, along the row
 * as `mode` says (a row stride of 0 repeats a row, as a bias does).
 */
export class BinaryPlan {
  ao = 0;
  bo = 0;
  oo = 0;
  rows = 1;
  cols = 1;
  aRow = 0;
  bRow = 0;
  mode = SAME;
}

/** A dedicated float32 loop over one `BinaryPlan` block. */
export type BlockKernel<O extends TypedArray = Float32Array> = (
  a: Float32Array,
  b: Float32Array,
  out: O,
  p: BinaryPlan,
) => void;

/**
 * Runs `kernel` over `a` (of `aShape`) and `b` broadcast to `outShape`, writing the contiguous
 * `out`. Size-1 axes are dropped and neighbours that are contiguous for both inputs merged, so
 * most layouts are a single block; higher-rank broadcasts call the kernel once per block.
 */
export function runBinary<O extends TypedArray>(
  kernel: BlockKernel<O>,
  a: Float32Array,
  aShape: readonly number[],
  b: Float32Array,
  bShape: readonly number[],
  out: O,
  outShape: readonly number[],
): void {
  const n = out.length;
  if (n === 0) return;
  const sa = broadcastStrides(aShape, outShape);
  const sb = broadcastStrides(bShape, outShape);
  const sh: number[] = [];
  const as: number[] = [];
  const bs: number[] = [];
  for (let k = 0; k < outShape.length; k++) {
    const d = outShape[k];
    if (d === 1) continue;
    const last = sh.length - 1;
    if (last >= 0 && as[last] === sa[k] * d && bs[last] === sb[k] * d) {
      sh[last] *= d;
      as[last] = sa[k];
      bs[last] = sb[k];
    } else {
      sh.push(d);
      as.push(sa[k]);
      bs.push(sb[k]);
    }
  }
  const r = sh.length;
  const p = new BinaryPlan();
  // The innermost kept axis has stride 1 in an input that spans it and 0 in one broadcast along it.
  if (r > 0) {
    p.cols = sh[r - 1];
    p.mode = as[r - 1] === 0 ? A_ROW : bs[r - 1] === 0 ? B_ROW : SAME;
  }
  if (r > 1) {
    p.rows = sh[r - 2];
    p.aRow = as[r - 2];
    p.bRow = bs[r - 2];
  }
  if (r <= 2) {
    kernel(a, b, out, p);
    return;
  }
  const block = p.rows * p.cols;
  const idx = new Array<number>(r - 2).fill(0);
  for (let o = 0; o < n; o += block) {
    p.oo = o;
    kernel(a, b, out, p);
    for (let k = r - 3; k >= 0; k--) {
      idx[k]++;
      p.ao += as[k];
      p.bo += bs[k];
      if (idx[k] < sh[k]) break;
      p.ao -= as[k] * sh[k];
      p.bo -= bs[k] * sh[k];
      idx[k] = 0;
    }
  }
}

// The kernels below are one pattern written out per op on purpose: a shared helper taking the
// scalar function would bring back the megamorphic call. `mode` is tested once per row.

/** `a + b` over one block. */
export function addKernel(a: Float32Array, b: Float32Array, out: Float32Array, p: BinaryPlan): void {
  const { rows, cols, aRow, bRow, mode } = p;
  for (let r = 0, ao = p.ao, bo = p.bo, o = p.oo; r < rows; r++, ao += aRow, bo += bRow, o += cols) {
    if (mode === SAME) for (let j = 0; j < cols; j++) out[o + j] = a[ao + j] + b[bo + j];
    else if (mode === B_ROW) for (let j = 0, v = b[bo]; j < cols; j++) out[o + j] = a[ao + j] + v;
    else for (let j = 0, v = a[ao]; j < cols; j++) out[o + j] = v + b[bo + j];
  }
}

/** `a - b` over one block. */
export function subKernel(a: Float32Array, b: Float32Array, out: Float32Array, p: BinaryPlan): void {
  const { rows, cols, aRow, bRow, mode } = p;
  for (let r = 0, ao = p.ao, bo = p.bo, o = p.oo; r < rows; r++, ao += aRow, bo += bRow, o += cols) {
    if (mode === SAME) for (let j = 0; j < cols; j++) out[o + j] = a[ao + j] - b[bo + j];
    else if (mode === B_ROW) for (let j = 0, v = b[bo]; j < cols; j++) out[o + j] = a[ao + j] - v;
    else for (let j = 0, v = a[ao]; j < cols; j++) out[o + j] = v - b[bo + j];
  }
}

/** `a * b` over one block. */
export function mulKernel(a: Float32Array, b: Float32Array, out: Float32Array, p: BinaryPlan): void {
  const { rows, cols, aRow, bRow, mode } = p;
  for (let r = 0, ao = p.ao, bo = p.bo, o = p.oo; r < rows; r++, ao += aRow, bo += bRow, o += cols) {
    if (mode === SAME) for (let j = 0; j < cols; j++) out[o + j] = a[ao + j] * b[bo + j];
    else if (mode === B_ROW) for (let j = 0, v = b[bo]; j < cols; j++) out[o + j] = a[ao + j] * v;
    else for (let j = 0, v = a[ao]; j < cols; j++) out[o + j] = v * b[bo + j];
  }
}

/** `a / b` over one block (division stays division: `x * (1 / v)` would round differently). */
export function divKernel(a: Float32Array, b: Float32Array, out: Float32Array, p: BinaryPlan): void {
  const { rows, cols, aRow, bRow, mode } = p;
  for (let r = 0, ao = p.ao, bo = p.bo, o = p.oo; r < rows; r++, ao += aRow, bo += bRow, o += cols) {
    if (mode === SAME) for (let j = 0; j < cols; j++) out[o + j] = a[ao + j] / b[bo + j];
    else if (mode === B_ROW) for (let j = 0, v = b[bo]; j < cols; j++) out[o + j] = a[ao + j] / v;
    else for (let j = 0, v = a[ao]; j < cols; j++) out[o + j] = v / b[bo + j];
  }
}

// Math.max/min without a data-dependent branch: on random signs (relu) their branches mispredict
// half the time, 4x slower. `s * x + (1 - s) * y` picks one operand exactly, signed zeros
// included (min negates so that +0 + -0 rounds to -0); infinities make NaN there and, with NaN
// inputs, take the (rare, predictable) exact fallback.
/** `Math.max(x, y)`, branch-free for finite inputs. */
export function fmax(x: number, y: number): number {
  const s = +(x > y);
  const r = s * x + (1 - s) * y;
  return r === r ? r : Math.max(x, y);
}

/** `Math.min(x, y)`, branch-free for finite inputs. */
export function fmin(x: number, y: number): number {
  const s = +(x < y);
  const r = -(s * -x + (1 - s) * -y);
  return r === r ? r : Math.min(x, y);
}

/** `max(a, b)` over one block (as `Math.max`: NaN propagates, +0 beats -0). */
export function maxKernel(a: Float32Array, b: Float32Array, out: Float32Array, p: BinaryPlan): void {
  const { rows, cols, aRow, bRow, mode } = p;
  for (let r = 0, ao = p.ao, bo = p.bo, o = p.oo; r < rows; r++, ao += aRow, bo += bRow, o += cols) {
    if (mode === SAME) for (let j = 0; j < cols; j++) out[o + j] = fmax(a[ao + j], b[bo + j]);
    else if (mode === B_ROW) for (let j = 0, v = b[bo]; j < cols; j++) out[o + j] = fmax(a[ao + j], v);
    else for (let j = 0, v = a[ao]; j < cols; j++) out[o + j] = fmax(v, b[bo + j]);
  }
}

/** `min(a, b)` over one block (as `Math.min`: NaN propagates, -0 beats +0). */
export function minKernel(a: Float32Array, b: Float32Array, out: Float32Array, p: BinaryPlan): void {
  const { rows, cols, aRow, bRow, mode } = p;
  for (let r = 0, ao = p.ao, bo = p.bo, o = p.oo; r < rows; r++, ao += aRow, bo += bRow, o += cols) {
    if (mode === SAME) for (let j = 0; j < cols; j++) out[o + j] = fmin(a[ao + j], b[bo + j]);
    else if (mode === B_ROW) for (let j = 0, v = b[bo]; j < cols; j++) out[o + j] = fmin(a[ao + j], v);
    else for (let j = 0, v = a[ao]; j < cols; j++) out[o + j] = fmin(v, b[bo + j]);
  }
}

/**
 * Adds the contiguous `g` (of `shape`) into `out`, where `outStrides` is each axis's stride in
 * `out`, 0 on the summed axes: the adjoint of broadcasting, in one pass over `g`. A bias
 * gradient ([N, C] to [C]) adds whole rows; summing the last axis folds each row first.
 */
export function sumInto(g: Float32Array, shape: readonly number[], outStrides: readonly number[], out: Float64Array): void {
  const n = g.length;
  if (n === 0) return;
  const sh: number[] = [];
  const st: number[] = [];
  for (let k = 0; k < shape.length; k++) {
    const d = shape[k];
    if (d === 1) continue;
    const last = sh.length - 1;
    if (last >= 0 && st[last] === outStrides[k] * d) {
      sh[last] *= d;
      st[last] = outStrides[k];
    } else {
      sh.push(d);
      st.push(outStrides[k]);
    }
  }
  const r = sh.length;
  if (r === 0) {
    out[0] += g[0];
    return;
  }
  const cols = sh[r - 1];
  const keepCols = st[r - 1] !== 0;
  const idx = new Array<number>(r).fill(0);
  let off = 0;
  for (let p = 0; p < n; p += cols) {
    if (keepCols) for (let j = 0; j < cols; j++) out[off + j] += g[p + j];
    else {
      let s = 0;
      for (let j = 0; j < cols; j++) s += g[p + j];
      out[off] += s;
    }
    for (let k = r - 2; k >= 0; k--) {
      idx[k]++;
      off += st[k];
      if (idx[k] < sh[k]) break;
      off -= st[k] * sh[k];
      idx[k] = 0;
    }
  }
}
