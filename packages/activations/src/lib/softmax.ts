import { Tensor, TensorLike } from '@strata/tensor';
import { checkOptions } from './fused';
import { AxisArg, rowwise } from './rowwise';

/** Options of {@link softmax} and {@link logSoftmax}. */
export interface SoftmaxOptions {
  /** The axis (or axes; `null` for all) that sums to 1. Default -1. */
  axis?: AxisArg;
}

/** Row maximum; NaN if the row holds one (so the whole row becomes NaN, as in Keras). */
function rowMax(x: Float32Array, base: number, n: number): number {
  let m = -Infinity;
  for (let j = 0; j < n; j++) {
    const v = x[base + j];
    if (v > m || v !== v) m = v;
  }
  return m;
}

function softmaxRows(x: Float32Array, y: Float32Array, rows: number, n: number): null {
  const e = new Float64Array(n);
  for (let r = 0, base = 0; r < rows; r++, base += n) {
    const m = rowMax(x, base, n);
    let s = 0;
    for (let j = 0; j < n; j++) {
      const v = Math.exp(x[base + j] - m);
      e[j] = v;
      s += v;
    }
    const inv = 1 / s;
    for (let j = 0; j < n; j++) y[base + j] = e[j] * inv;
  }
  return null;
}

function softmaxGrad(_x: Float32Array, y: Float32Array, dy: Float32Array, dx: Float32Array, rows: number, n: number): void {
  for (let r = 0, base = 0; r < rows; r++, base += n) {
    let dot = 0;
    for (let j = 0; j < n; j++) dot += dy[base + j] * y[base + j];
    for (let j = 0; j < n; j++) dx[base + j] = y[base + j] * (dy[base + j] - dot);
  }
}

/**
 * Softmax `exp(x - max(x)) / sum(exp(x - max(x)))` along `axis`: each row becomes a
 * probability distribution. Subtracting the row maximum keeps `exp` from overflowing.
 * Any shape in, same shape out. Gradient: `dx = y * (dy - sum(dy * y))`.
 *
 * @example
 * softmax(tensor([[1, 2, 3], [1000, 1000, 1000]])); // [[0.0900, 0.2447, 0.6652], [1/3, 1/3, 1/3]]
 * softmax(tensor([[1, 2], [3, 4]]), { axis: 0 });     // [[0.1192, 0.1192], [0.8808, 0.8808]]
 */
export function softmax(x: TensorLike, options?: SoftmaxOptions): Tensor {
  checkOptions('softmax', options, ['axis']);
  const axis = options?.axis === undefined ? -1 : options.axis;
  return rowwise('softmax', x, axis, softmaxRows, softmaxGrad);
}

function logSoftmaxRows(x: Float32Array, y: Float32Array, rows: number, n: number): Float64Array {
  const lse = new Float64Array(rows);
  for (let r = 0, base = 0; r < rows; r++, base += n) {
    const m = rowMax(x, base, n);
    let s = 0;
    for (let j = 0; j < n; j++) s += Math.exp(x[base + j] - m);
    const ls = Math.log(s);
    lse[r] = m + ls;
    for (let j = 0; j < n; j++) y[base + j] = x[base + j] - m - ls;
  }
  return lse;
}

function logSoftmaxGrad(
  x: Float32Array,
  _y: Float32Array,
  dy: Float32Array,
  dx: Float32Array,
  rows: number,
  n: number,
  lse: Float64Array,
): void {
  for (let r = 0, base = 0; r < rows; r++, base += n) {
    let s = 0;
    for (let j = 0; j < n; j++) s += dy[base + j];
    // softmax recomputed in float64 from x: exp of the float32-rounded log-probability would lose bits.
    const l = lse[r];
    for (let j = 0; j < n; j++) dx[base + j] = dy[base + j] - Math.exp(x[base + j] - l) * s;
  }
}

/**
 * Log-softmax `x - max(x) - log(sum(exp(x - max(x))))` along `axis`: the log of
 * {@link softmax}, without computing `log(0)` for very negative logits.
 * Gradient: `dx = dy - softmax(x) * sum(dy)`.
 *
 * @example
 * logSoftmax(tensor([[1, 2, 3]])); // [[-2.4076, -1.4076, -0.4076]]
 */
export function logSoftmax(x: TensorLike, options?: SoftmaxOptions): Tensor {
  checkOptions('logSoftmax', options, ['axis']);
  const axis = options?.axis === undefined ? -1 : options.axis;
  return rowwise('logSoftmax', x, axis, logSoftmaxRows, logSoftmaxGrad);
}
