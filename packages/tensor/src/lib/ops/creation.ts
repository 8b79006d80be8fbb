import { DType, allocate, checkDType } from '../dtype';
import { ValueError, show } from '../errors';
import { checkShape, sizeOf } from '../shape';
import { Tensor, TensorLike, asTensor } from '../tensor';

/** A tensor of `shape` filled with `value`. @example full([2, 2], 7); */
export function full(shape: readonly number[], value: number, dtype: DType = 'float32'): Tensor {
  checkShape(shape, 'full');
  checkDType(dtype, 'full');
  const data = allocate(dtype, sizeOf(shape));
  if (value !== 0) data.fill(dtype === 'bool' ? (value ? 1 : 0) : value);
  return new Tensor(data, shape, dtype);
}

/** A tensor of zeros. @example zeros([2, 3]); */
export function zeros(shape: readonly number[], dtype: DType = 'float32'): Tensor {
  return full(shape, 0, dtype);
}

/** A tensor of ones. @example ones([3]); */
export function ones(shape: readonly number[], dtype: DType = 'float32'): Tensor {
  return full(shape, 1, dtype);
}

/** Zeros with the shape (and dtype, unless given) of `x`. */
export function zerosLike(x: TensorLike, dtype?: DType): Tensor {
  const t = asTensor(x);
  return full(t.shape, 0, dtype ?? t.dtype);
}

/** Ones with the shape (and dtype, unless given) of `x`. */
export function onesLike(x: TensorLike, dtype?: DType): Tensor {
  const t = asTensor(x);
  return full(t.shape, 1, dtype ?? t.dtype);
}

/** `value` everywhere, with the shape (and dtype, unless given) of `x`. */
export function fullLike(x: TensorLike, value: number, dtype?: DType): Tensor {
  const t = asTensor(x);
  return full(t.shape, value, dtype ?? t.dtype);
}

/**
 * The identity matrix, or an `n x m` matrix with ones on diagonal `k` (as `keras.ops.eye`).
 * @example eye(2); // [[1, 0], [0, 1]]
 */
export function eye(n: number, m: number = n, k = 0, dtype: DType = 'float32'): Tensor {
  for (const [arg, v] of [['n', n], ['m', m]] as const) {
    if (!Number.isInteger(v) || v < 0) throw new ValueError(`eye: ${arg} must be a non-negative integer, received ${arg}=${show(v)}`);
  }
  if (!Number.isInteger(k)) throw new ValueError(`eye: k must be an integer, received k=${show(k)}`);
  const t = zeros([n, m], dtype);
  for (let i = 0; i < n; i++) {
    const j = i + k;
    if (j >= 0 && j < m) t.data[i * m + j] = 1;
  }
  return t;
}

/**
 * Evenly spaced values in `[start, stop)`; with one argument, `[0, start)`.
 * The dtype is int32 when every argument is an integer, as NumPy, unless given.
 * @example arange(5); // [0, 1, 2, 3, 4]
 */
export function arange(start: number, stop?: number, step = 1, dtype?: DType): Tensor {
  if (stop === undefined) [start, stop] = [0, start];
  for (const [arg, v] of [['start', start], ['stop', stop], ['step', step]] as const) {
    if (!Number.isFinite(v)) throw new ValueError(`arange: ${arg} must be a finite number, received ${arg}=${show(v)}`);
  }
  if (step === 0) throw new ValueError(`arange: step must not be 0, received step=0`);
  const n = Math.max(0, Math.ceil((stop - start) / step));
  const d = dtype ?? ([start, stop, step].every(Number.isInteger) ? 'int32' : 'float32');
  const data = allocate(d, n);
  for (let i = 0; i < n; i++) data[i] = start + i * step;
  return new Tensor(data, [n], d);
}

/**
 * `num` evenly spaced values from `start` to `stop` (inclusive unless `endpoint` is false).
 * @example linspace(0, 1, 5); // [0, 0.25, 0.5, 0.75, 1]
 */
export function linspace(start: number, stop: number, num = 50, endpoint = true): Tensor {
  if (!Number.isInteger(num) || num < 0) throw new ValueError(`linspace: num must be a non-negative integer, received num=${show(num)}`);
  const data = new Float32Array(num);
  const div = endpoint ? num - 1 : num;
  const step = div > 0 ? (stop - start) / div : 0;
  for (let i = 0; i < num; i++) data[i] = start + i * step;
  if (endpoint && num > 1) data[num - 1] = stop;
  return new Tensor(data, [num], 'float32');
}

/**
 * One-hot encodes integer `indices` along a new last axis of size `depth`; out-of-range indices
 * (negative included) give all-zero rows, as `keras.ops.one_hot`.
 * @example oneHot(tensor([0, 2], undefined, 'int32'), 3); // [[1, 0, 0], [0, 0, 1]]
 */
export function oneHot(indices: TensorLike, depth: number, dtype: DType = 'float32'): Tensor {
  if (!Number.isInteger(depth) || depth < 1) {
    throw new ValueError(`oneHot: depth must be a positive integer, received depth=${show(depth)}`);
  }
  // Not asTensor(indices, 'int32'): that would truncate fractional JS values before the check.
  const idx = asTensor(indices);
  if (idx.dtype === 'float32' && !Array.prototype.every.call(idx.data, Number.isInteger)) {
    throw new ValueError(`oneHot: indices must be integers, received a float32 tensor with fractional values`);
  }
  const out = zeros([...idx.shape, depth], dtype);
  for (let i = 0; i < idx.size; i++) {
    const k = idx.data[i];
    if (k >= 0 && k < depth) out.data[i * depth + k] = 1;
  }
  return out;
}
