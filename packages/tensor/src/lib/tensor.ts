import ndarray from 'ndarray';
import { DType, TypedArray, allocate, checkDType, dtypeOfArray } from './dtype';
import { ShapeError, ValueError, show } from './errors';
import { checkShape, formatShape, sizeOf, stridesOf } from './shape';

/** Nested JavaScript arrays of numbers or booleans, as `toArray()` returns them. */
export type NestedArray = number | boolean | NestedArray[];

/** Anything `tensor()` turns into a Tensor. */
export type TensorLike = Tensor | TypedArray | NestedArray | readonly number[];

/** How a tracked tensor was computed: its inputs and the vector-Jacobian product back to them. */
export interface GradNode {
  readonly inputs: readonly Tensor[];
  /** Given dL/d(out), returns dL/d(input) for each input (null where none flows). */
  readonly backward: (dy: Tensor) => (Tensor | null)[];
}

/**
 * An immutable n-dimensional array of float32, int32 or bool values, stored contiguously in
 * row-major order.
 *
 * @example
 * const x = tensor([[1, 2], [3, 4]]);
 * x.shape;     // [2, 2]
 * x.data;      // Float32Array [1, 2, 3, 4]
 * x.toArray(); // [[1, 2], [3, 4]]
 */
export class Tensor {
  readonly shape: number[];
  readonly dtype: DType;
  readonly size: number;
  /** The flat, row-major storage. Treat it as read-only: tensors share it. */
  readonly data: TypedArray;
  /** @internal True while a gradient computation follows this tensor. */
  tracked = false;
  /** @internal The op that produced this tensor, when tracked. */
  node: GradNode | null = null;

  /** Wraps `data` (not copied) as a tensor of `shape`; prefer `tensor()` in user code. */
  constructor(data: TypedArray, shape: readonly number[], dtype: DType = dtypeOfArray(data)) {
    const size = sizeOf(shape);
    if (data.length !== size) {
      throw new ShapeError(`Tensor: data has ${data.length} elements but shape ${formatShape(shape)} needs ${size}`);
    }
    this.shape = shape.slice();
    this.dtype = dtype;
    this.size = size;
    this.data = data;
  }

  /** Number of axes. */
  get rank(): number {
    return this.shape.length;
  }

  /** Row-major strides, in elements. */
  get strides(): number[] {
    return stridesOf(this.shape);
  }

  /** An `ndarray` view over the data, for strided access (transposes, slices) without copying. */
  view(): ndarray.NdArray<TypedArray> {
    return ndarray(this.data, this.shape.slice());
  }

  /** The single value of a tensor with one element. */
  item(): number {
    if (this.size !== 1) {
      throw new ShapeError(`Tensor.item: the tensor must have exactly one element, received shape ${formatShape(this.shape)}`);
    }
    return this.data[0];
  }

  /** The values as nested JavaScript arrays (booleans for `bool`); a number for a scalar. */
  toArray(): NestedArray {
    const asValue = this.dtype === 'bool' ? (v: number) => v !== 0 : (v: number) => v;
    if (this.shape.length === 0) return asValue(this.data[0]);
    const build = (axis: number, offset: number, stride: number): NestedArray[] => {
      const n = this.shape[axis];
      const inner = stride / (n || 1);
      const out: NestedArray[] = new Array(n);
      for (let i = 0; i < n; i++) {
        out[i] =
          axis === this.shape.length - 1 ? asValue(this.data[offset + i]) : build(axis + 1, offset + i * inner, inner);
      }
      return out;
    };
    return build(0, 0, this.size);
  }

  toString(): string {
    return `Tensor(shape=${formatShape(this.shape)}, dtype=${this.dtype}, values=${JSON.stringify(this.toArray())})`;
  }
}

function inferShape(values: NestedArray): number[] {
  const shape: number[] = [];
  let v: NestedArray = values;
  while (Array.isArray(v)) {
    shape.push(v.length);
    if (v.length === 0) break;
    v = v[0];
  }
  return shape;
}

function flatten(values: NestedArray, shape: number[], out: number[], axis: number): void {
  if (axis === shape.length) {
    if (typeof values === 'number') out.push(values);
    else if (typeof values === 'boolean') out.push(values ? 1 : 0);
    else if (Array.isArray(values)) {
      throw new ShapeError(`tensor: nested arrays are ragged: expected a number at depth ${axis}, received ${show(values)}`);
    } else throw new ValueError(`tensor: values must be numbers or booleans, received ${show(values)}`);
    return;
  }
  if (!Array.isArray(values) || values.length !== shape[axis]) {
    throw new ShapeError(
      `tensor: nested arrays are ragged: expected ${shape[axis]} entries at depth ${axis}, received ${show(values)}`,
    );
  }
  for (const v of values) flatten(v, shape, out, axis + 1);
}

function isTypedArray(v: unknown): v is TypedArray {
  return v instanceof Float32Array || v instanceof Int32Array || v instanceof Uint8Array;
}

function firstScalar(v: NestedArray): NestedArray {
  while (Array.isArray(v) && v.length > 0) v = v[0];
  return v;
}

/**
 * Makes a tensor from nested arrays, a flat array or typed array with a `shape`, a number, or a
 * Tensor (returned as is, or cast when `dtype` differs). The dtype defaults to `bool` for
 * booleans, `int32` for an Int32Array, and `float32` otherwise.
 *
 * @example
 * tensor([[1, 2, 3], [4, 5, 6]]);           // shape [2, 3], float32
 * tensor([1, 2, 3, 4, 5, 6], [3, 2]);       // shape [3, 2]
 * tensor([0, 2, 1], undefined, 'int32');    // int32 labels
 */
export function tensor(values: TensorLike, shape?: readonly number[], dtype?: DType): Tensor {
  if (dtype !== undefined) checkDType(dtype, 'tensor');
  if (values instanceof Tensor) {
    if (shape && sizeOf(shape) !== values.size) {
      throw new ShapeError(`tensor: cannot view ${formatShape(values.shape)} as shape ${formatShape(shape)}`);
    }
    const t = dtype && dtype !== values.dtype ? fromData(values.data, values.shape, dtype) : values;
    return shape ? new Tensor(t.data, shape, t.dtype) : t;
  }
  if (shape !== undefined) checkShape(shape, 'tensor');
  let flat: ArrayLike<number>;
  let inferred: number[];
  let natural: DType = 'float32';
  if (isTypedArray(values)) {
    flat = values;
    inferred = [values.length];
    natural = dtypeOfArray(values);
  } else {
    const nested = values as NestedArray;
    inferred = inferShape(nested);
    const out: number[] = [];
    flatten(nested, inferred, out, 0);
    flat = out;
    if (typeof firstScalar(nested) === 'boolean') natural = 'bool';
  }
  const finalShape = shape ? shape.slice() : inferred;
  if (sizeOf(finalShape) !== flat.length) {
    throw new ShapeError(
      `tensor: ${flat.length} values cannot fill shape ${formatShape(finalShape)} (${sizeOf(finalShape)} elements)`,
    );
  }
  return fromData(flat, finalShape, dtype ?? natural);
}

/** Copies (and converts) `values` into fresh storage of `dtype`. */
export function fromData(values: ArrayLike<number>, shape: readonly number[], dtype: DType): Tensor {
  const data = allocate(dtype, values.length);
  if (dtype === 'bool') for (let i = 0; i < values.length; i++) data[i] = values[i] ? 1 : 0;
  else if (dtype === 'int32' && !(values instanceof Int32Array)) {
    for (let i = 0; i < values.length; i++) data[i] = Math.trunc(values[i]);
  } else data.set(values as ArrayLike<number>);
  return new Tensor(data, shape, dtype);
}

/** Accepts a Tensor or anything `tensor()` takes; used by every op for its inputs. */
export function asTensor(x: TensorLike, dtype?: DType): Tensor {
  if (x instanceof Tensor) return x;
  if (typeof x === 'number' || typeof x === 'boolean') return tensor(x, [], dtype);
  return tensor(x, undefined, dtype);
}
