import { Tensor, TensorLike, ValueError, show } from '@strata/tensor';
import { checkOptions } from './fused';
import { rowwise } from './rowwise';

function sparsemaxRows(x: Float32Array, y: Float32Array, rows: number, n: number): null {
  const z = new Float64Array(n);
  for (let r = 0, base = 0; r < rows; r++, base += n) {
    for (let j = 0; j < n; j++) z[j] = x[base + j];
    z.sort();
    // Walk the logits in descending order: z_(j) is in the support when 1 + j * z_(j) > cumsum_j.
    let cum = 0;
    let k = 0;
    let supportSum = 0;
    for (let j = 1; j <= n; j++) {
      const v = z[n - j];
      cum += v;
      if (v - (cum - 1) / j > 0) {
        k++;
        supportSum += v;
      }
    }
    const tau = (supportSum - 1) / k;
    for (let j = 0; j < n; j++) y[base + j] = Math.max(x[base + j] - tau, 0);
  }
  return null;
}

function sparsemaxGrad(_x: Float32Array, y: Float32Array, dy: Float32Array, dx: Float32Array, rows: number, n: number): void {
  for (let r = 0, base = 0; r < rows; r++, base += n) {
    let k = 0;
    let s = 0;
    for (let j = 0; j < n; j++) {
      if (y[base + j] > 0) {
        k++;
        s += dy[base + j];
      }
    }
    const mean = k > 0 ? s / k : 0;
    for (let j = 0; j < n; j++) dx[base + j] = y[base + j] > 0 ? dy[base + j] - mean : 0;
  }
}

/**
 * Sparsemax (Martins & Astudillo, 2016): the Euclidean projection of each row onto the
 * probability simplex, `max(x - tau, 0)` with `tau` chosen so the row sums to 1. Unlike
 * softmax it gives exact zeros. Any shape in, same shape out; `axis` is one integer.
 * Gradient: `dx = s * (dy - mean of dy over the support)`, `s` the support indicator.
 *
 * Keras 3.15.1 computes `tau` wrongly when two or more logits are in the support
 * (keras-team/keras#23425); this follows the corrected formula (keras-team/keras#23469).
 *
 * @example
 * sparsemax(tensor([[1, 0.5, 0.2], [3, 0, -1]])); // [[0.75, 0.25, 0], [1, 0, 0]]
 */
export function sparsemax(x: TensorLike, options?: { axis?: number }): Tensor {
  checkOptions('sparsemax', options, ['axis']);
  const axis = options?.axis === undefined ? -1 : options.axis;
  if (typeof axis !== 'number') {
    throw new ValueError(`sparsemax: axis must be an integer, received axis=${show(axis)}`);
  }
  return rowwise('sparsemax', x, axis, sparsemaxRows, sparsemaxGrad);
}
