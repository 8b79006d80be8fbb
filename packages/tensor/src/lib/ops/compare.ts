import { allocate } from '../dtype';
import { broadcastShapes, sizeOf } from '../shape';
import { Tensor, TensorLike, asTensor } from '../tensor';
import { equalKernel, greaterEqualKernel, greaterKernel, notEqualKernel } from './kernels-compare';
import { BlockKernel, makeBinaryKernel, makeUnaryKernel, runBinary } from './kernels-elementwise';

// Comparisons and logical ops: bool output with the broadcast shape, no gradient. They use the
// kernels directly rather than `binaryOp`, which keeps this module out of the import cycle
// between autodiff, arithmetic and elementwise. Float32 operands run a dedicated loop
// (kernels-compare.ts); other dtypes call the scalar function.

/**
 * Converts an operand with Keras's weak typing of Python scalars (as `binaryOp` does): a JS
 * number or plain array next to an int32 or bool tensor is int32 when its values are integers,
 * float32 otherwise, so `equal(intTensor, 1.5)` is false instead of comparing with a truncated 1.
 * @internal
 */
export function weakOperand(v: TensorLike, other: TensorLike): Tensor {
  if (v instanceof Tensor || ArrayBuffer.isView(v)) return asTensor(v);
  const natural = asTensor(v);
  if (!(other instanceof Tensor) || other.dtype === 'float32' || natural.dtype !== 'float32') return natural;
  for (let i = 0; i < natural.size; i++) if (!Number.isInteger(natural.data[i])) return natural;
  // Re-convert from the JS values: float32 cannot hold every int32.
  return asTensor(v, 'int32');
}

// `swap` runs `fast` on (b, a): `a < b` is `b > a`, NaN included.
function comparison(name: string, fn: (a: number, b: number) => number, fast?: BlockKernel<Uint8Array>, swap = false) {
  const generic = makeBinaryKernel(fn);
  return (aIn: TensorLike, bIn: TensorLike): Tensor => {
    const a = weakOperand(aIn, bIn);
    const b = weakOperand(bIn, aIn);
    const shape = broadcastShapes(a.shape, b.shape, name);
    const out = allocate('bool', sizeOf(shape)) as Uint8Array;
    if (fast && a.data instanceof Float32Array && b.data instanceof Float32Array) {
      if (swap) runBinary(fast, b.data, b.shape, a.data, a.shape, out, shape);
      else runBinary(fast, a.data, a.shape, b.data, b.shape, out, shape);
    } else generic(a.data, a.shape, b.data, b.shape, out, shape);
    return new Tensor(out, shape, 'bool');
  };
}

/** `a == b` elementwise (NaN equals nothing). @example equal(tensor([1, 2]), 2); // [false, true] */
export const equal = comparison('equal', (a, b) => (a === b ? 1 : 0), equalKernel);

/** `a != b` elementwise (true against NaN). @example notEqual(tensor([1, 2]), 2); // [true, false] */
export const notEqual = comparison('notEqual', (a, b) => (a !== b ? 1 : 0), notEqualKernel);

/** `a > b` elementwise. @example greater(tensor([1, 3]), 2); // [false, true] */
export const greater = comparison('greater', (a, b) => (a > b ? 1 : 0), greaterKernel);

/** `a >= b` elementwise. @example greaterEqual(tensor([1, 2]), 2); // [false, true] */
export const greaterEqual = comparison('greaterEqual', (a, b) => (a >= b ? 1 : 0), greaterEqualKernel);

/** `a < b` elementwise. @example less(tensor([1, 3]), 2); // [true, false] */
export const less = comparison('less', (a, b) => (a < b ? 1 : 0), greaterKernel, true);

/** `a <= b` elementwise. @example lessEqual(tensor([2, 3]), 2); // [true, false] */
export const lessEqual = comparison('lessEqual', (a, b) => (a <= b ? 1 : 0), greaterEqualKernel, true);

/** Truth of `a and b` (non-zero, including NaN, is true). @example logicalAnd(tensor([1, 0]), 1); // [true, false] */
export const logicalAnd = comparison('logicalAnd', (a, b) => (a !== 0 && b !== 0 ? 1 : 0));

/** Truth of `a or b`. @example logicalOr(tensor([1, 0]), 0); // [true, false] */
export const logicalOr = comparison('logicalOr', (a, b) => (a !== 0 || b !== 0 ? 1 : 0));

/** Truth of `a xor b`. @example logicalXor(tensor([1, 0]), 1); // [false, true] */
export const logicalXor = comparison('logicalXor', (a, b) => ((a !== 0) !== (b !== 0) ? 1 : 0));

function predicate(fn: (x: number) => number) {
  const kernel = makeUnaryKernel(fn);
  return (xIn: TensorLike): Tensor => {
    const x = asTensor(xIn);
    const out = allocate('bool', x.size);
    kernel(x.data, out);
    return new Tensor(out, x.shape, 'bool');
  };
}

/** Truth of `not x` (zero is false). @example logicalNot(tensor([0, 2])); // [true, false] */
export const logicalNot = predicate((x) => (x === 0 ? 1 : 0));

/** True where `x` is NaN. @example isNaN(tensor([NaN, 1])); // [true, false] */
export const isNaN = predicate((x) => (x !== x ? 1 : 0));

/** True where `x` is neither infinite nor NaN. @example isFinite(tensor([Infinity, 1])); // [false, true] */
export const isFinite = predicate((x) => (Number.isFinite(x) ? 1 : 0));
