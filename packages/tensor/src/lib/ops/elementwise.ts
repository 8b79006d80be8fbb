// Import order matters: ops built with these factories (arithmetic, via reduce) load while this
// module is still loading, so the factories' own load-time dependencies come first.
import { BinaryKernel, makeBinaryKernel, makeUnaryKernel } from './kernels-elementwise';
import { record } from '../autodiff';
import { DType, DTypeRule, allocate } from '../dtype';
import { broadcastShapes, sameShape } from '../shape';
import { Tensor, TensorLike, asTensor } from '../tensor';
import { sum } from './reduce';
import { reshape } from './shape-ops';

/** How a binary op picks its result dtype from the (upcast) input dtype. */
// The rules live in dtype.ts so that modules loaded in an import cycle with this one
// (arithmetic → reduce → elementwise) can use them at load time.
export { sameDType, floatDType, boolDType } from '../dtype';
export type { DTypeRule } from '../dtype';

function upcast(a: DType, b: DType): DType {
  if (a === 'float32' || b === 'float32') return 'float32';
  if (a === 'int32' || b === 'int32') return 'int32';
  return 'bool';
}

/**
 * Converts an operand; a JS number or plain array is weakly typed, as a Python scalar in Keras: next to
 * an int32 or bool tensor it is int32 when its values are integers, float32 otherwise
 * (int32 tensor + 0.5 is float32, not a truncated int32).
 */
function operand(v: TensorLike, other: TensorLike): Tensor {
  if (v instanceof Tensor || ArrayBuffer.isView(v)) return asTensor(v);
  const natural = asTensor(v);
  if (!(other instanceof Tensor) || other.dtype === 'float32' || natural.dtype !== 'float32') return natural;
  let integral = true;
  for (let i = 0; i < natural.size && integral; i++) integral = Number.isInteger(natural.data[i]);
  // Re-convert from the JS values: float32 cannot hold every int32.
  return integral ? asTensor(v, 'int32') : natural;
}

/**
 * Declares a broadcasting binary op. `backward(a, b, y, dy)` returns the gradients with the
 * *broadcast* shape; they are summed down to each input's shape here.
 */
export function binaryOp(
  name: string,
  fn: (a: number, b: number) => number,
  dtypeRule: DTypeRule,
  backward?: (a: Tensor, b: Tensor, y: Tensor, dy: Tensor) => [Tensor | null, Tensor | null],
): (a: TensorLike, b: TensorLike) => Tensor {
  const kernel: BinaryKernel = makeBinaryKernel(fn);
  return (aIn, bIn) => {
    const a = operand(aIn, bIn);
    const b = operand(bIn, aIn);
    const shape = broadcastShapes(a.shape, b.shape, name);
    const inDType = upcast(a.dtype, b.dtype);
    const dtype = dtypeRule(inDType);
    const out = allocate(dtype, shape.reduce((p, d) => p * d, 1));
    kernel(a.data, a.shape, b.data, b.shape, out, shape);
    // bool storage holds only 0 and 1: add of bools is a logical or (true + true is true), as Keras.
    if (dtype === 'bool' && inDType === 'bool') for (let i = 0; i < out.length; i++) out[i] = out[i] ? 1 : 0;
    const y = new Tensor(out, shape, dtype);
    if (!backward) return y;
    return record(y, [a, b], (dy) => {
      const [ga, gb] = backward(a, b, y, dy);
      // Constants (untracked inputs) need no gradient: skip their reduction.
      return [ga && a.tracked ? reduceTo(ga, a.shape) : null, gb && b.tracked ? reduceTo(gb, b.shape) : null];
    });
  };
}

/**
 * Declares an elementwise unary op on float32 (int and bool inputs are converted first unless
 * `keepDType`). `backward(x, y, dy)` returns dL/dx.
 */
export function unaryOp(
  fn: (x: number) => number,
  backward?: (x: Tensor, y: Tensor, dy: Tensor) => Tensor,
  keepDType = false,
): (x: TensorLike) => Tensor {
  const kernel = makeUnaryKernel(fn);
  return (xIn) => {
    let x = asTensor(xIn);
    if (!keepDType) x = cast(x, 'float32');
    const out = allocate(x.dtype, x.size);
    kernel(x.data, out);
    const y = new Tensor(out, x.shape, x.dtype);
    if (!backward) return y;
    return record(y, [x], (dy) => [backward(x, y, dy)]);
  };
}

/** Converts to another dtype (bool is `x != 0`; float to int truncates toward zero). */
export function cast(xIn: TensorLike, dtype: DType): Tensor {
  const x = asTensor(xIn);
  if (x.dtype === dtype) return x;
  const out = allocate(dtype, x.size);
  const src = x.data;
  if (dtype === 'bool') for (let i = 0; i < src.length; i++) out[i] = src[i] !== 0 ? 1 : 0;
  else if (dtype === 'int32') for (let i = 0; i < src.length; i++) out[i] = Math.trunc(src[i]);
  else out.set(src);
  return new Tensor(out, x.shape, dtype);
}

/** Sums a broadcast gradient back down to `shape` (the adjoint of broadcasting). */
export function reduceTo(g: Tensor, shape: readonly number[]): Tensor {
  if (sameShape(g.shape, shape)) return g;
  const lead = g.shape.length - shape.length;
  const axes: number[] = [];
  for (let i = 0; i < g.shape.length; i++) if (i < lead || (shape[i - lead] === 1 && g.shape[i] !== 1)) axes.push(i);
  return reshape(sum(g, axes), shape);
}
