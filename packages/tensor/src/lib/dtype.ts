import { DTypeError, show } from './errors';

/** The element types a `Tensor` can hold; `float32` is the default, as in Keras. */
export type DType = 'float32' | 'int32' | 'bool';

/** The contiguous storage behind a tensor: Float32Array, Int32Array, or Uint8Array for `bool`. */
export type TypedArray = Float32Array | Int32Array | Uint8Array;

const DTYPES: readonly DType[] = ['float32', 'int32', 'bool'];

/** Throws unless `dtype` is one of Strata's dtypes; returns it typed. */
export function checkDType(dtype: unknown, who = 'tensor'): DType {
  if (typeof dtype === 'string' && (DTYPES as readonly string[]).includes(dtype)) return dtype as DType;
  throw new DTypeError(
    `${who}: dtype must be one of ${DTYPES.map((d) => `'${d}'`).join(', ')}, received dtype=${show(dtype)}`,
  );
}

/** A zero-filled typed array of `size` elements for `dtype`. */
export function allocate(dtype: DType, size: number): TypedArray {
  switch (dtype) {
    case 'float32':
      return new Float32Array(size);
    case 'int32':
      return new Int32Array(size);
    case 'bool':
      return new Uint8Array(size);
  }
}

/** The dtype whose storage type matches a typed array. */
export function dtypeOfArray(a: TypedArray): DType {
  if (a instanceof Float32Array) return 'float32';
  if (a instanceof Int32Array) return 'int32';
  return 'bool';
}

/** The result dtype of combining two dtypes arithmetically (bool < int32 < float32). */
export function upcast(a: DType, b: DType): DType {
  if (a === 'float32' || b === 'float32') return 'float32';
  if (a === 'int32' || b === 'int32') return 'int32';
  return 'bool';
}

/** How an elementwise op picks its result dtype from the (upcast) input dtype. */
export type DTypeRule = (inputs: DType) => DType;
/** Result has the inputs' dtype. */
export const sameDType: DTypeRule = (d) => d;
/** Result is float32 (true division, math functions). */
export const floatDType: DTypeRule = () => 'float32';
/** Result is bool (comparisons). */
export const boolDType: DTypeRule = () => 'bool';
