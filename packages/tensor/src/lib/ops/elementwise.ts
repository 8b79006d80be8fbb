// Import order matters: ops built with these factories (arithmetic, via reduce) load while this
// module is still loading, so the factories' own load-time dependencies come first.
import { BinaryKernel, BlockKernel, makeBinaryKernel, makeUnaryKernel, runBinary, sumInto } from './kernels-elementwise';
import type { FusedKernel, UnaryKernel } from './kernels-unary';
import { record } from '../autodiff';
import { DType, DTypeRule, allocate, floatDType } from '../dtype';
import { broadcastShapes, broadcastStrides, sameShape, sizeOf } from '../shape';
import { Tensor, TensorLike, asTensor } from '../tensor';
import { sum } from './reduce';
import { broadcastTo, reshape } from './shape-ops';

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

/** The data of `t` as float32 (a converted copy for int32 and bool, as `cast` makes). */
function floatData(t: Tensor): Float32Array {
  return t.data instanceof Float32Array ? t.data : Float32Array.from(t.data);
}

/**
 * Declares a broadcasting binary op. `backward(a, b, y, dy)` returns the gradients with the
 * *broadcast* shape (or null for an input it skips; `t.tracked` says which inputs need one);
 * they are summed down to each input's shape here.
 *
 * `kernel`, optional, is a dedicated loop computing `fn` in float32 (see kernels-elementwise.ts):
 * when the result is float32 it runs instead of `fn`, on the inputs converted to float32 first
 * (Keras's promotion). Without it every element goes through `fn`, which is several times slower.
 *
 * @example const hypot = binaryOp('hypot', Math.hypot, floatDType); hypot(tensor([3]), 4); // [5]
 */
export function binaryOp(
  name: string,
  fn: (a: number, b: number) => number,
  dtypeRule: DTypeRule,
  backward?: (a: Tensor, b: Tensor, y: Tensor, dy: Tensor) => [Tensor | null, Tensor | null],
  kernel?: BlockKernel,
): (a: TensorLike, b: TensorLike) => Tensor {
  const generic: BinaryKernel = makeBinaryKernel(fn);
  return (aIn, bIn) => {
    const a = operand(aIn, bIn);
    const b = operand(bIn, aIn);
    const shape = broadcastShapes(a.shape, b.shape, name);
    const inDType = upcast(a.dtype, b.dtype);
    const dtype = dtypeRule(inDType);
    const out = allocate(dtype, sizeOf(shape));
    if (kernel && out instanceof Float32Array) runBinary(kernel, floatData(a), a.shape, floatData(b), b.shape, out, shape);
    else generic(a.data, a.shape, b.data, b.shape, out, shape);
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
 * `keepDType`). `backward(x, y, dy)` returns dL/dx. `kernel`, optional, is a dedicated float32
 * loop computing `fn` (see kernels-unary.ts), used for float32 inputs instead of calling `fn`
 * per element.
 * @example const cube = unaryOp((x) => x * x * x); cube(tensor([2])); // [8]
 */
export function unaryOp(
  fn: (x: number) => number,
  backward?: (x: Tensor, y: Tensor, dy: Tensor) => Tensor,
  keepDType = false,
  kernel?: UnaryKernel,
): (x: TensorLike) => Tensor {
  const generic = makeUnaryKernel(fn);
  return (xIn) => {
    let x = asTensor(xIn);
    if (!keepDType) x = cast(x, 'float32');
    const out = allocate(x.dtype, x.size);
    if (kernel && x.data instanceof Float32Array && out instanceof Float32Array) kernel(x.data, out);
    else generic(x.data, out);
    const y = new Tensor(out, x.shape, x.dtype);
    if (!backward) return y;
    return record(y, [x], (dy) => [backward(x, y, dy)]);
  };
}

/**
 * Declares a fused vector-Jacobian product `f(v, dy)` for a backward pass: one dedicated loop
 * (`kernel`) over same-shape float32 operands, the usual case (`v` is the op's input or output,
 * `dy` its gradient); anything else falls back to a broadcasting `binaryOp` of `fn`. Float32 result.
 * @example const tanhGrad = fusedGrad((y, dy) => dy * (1 - y * y), tanhGradKernel);
 */
export function fusedGrad(fn: (v: number, dy: number) => number, kernel: FusedKernel): (v: Tensor, dy: Tensor) => Tensor {
  const fallback = binaryOp('grad', fn, floatDType);
  return (v, dy) => {
    if (!(v.data instanceof Float32Array && dy.data instanceof Float32Array) || !sameShape(v.shape, dy.shape)) {
      return fallback(v, dy);
    }
    const out = new Float32Array(v.size);
    kernel(v.data, dy.data, out);
    return new Tensor(out, v.shape, 'float32');
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

/** True when `shape` broadcasts to `target` (fewer or equal axes, each 1 or equal). */
function broadcastsTo(shape: readonly number[], target: readonly number[]): boolean {
  const lead = target.length - shape.length;
  return lead >= 0 && shape.every((d, i) => d === 1 || d === target[i + lead]);
}

/**
 * Sums a broadcast gradient back down to `shape` (the adjoint of broadcasting): float32 in one
 * pass with float64 accumulators, e.g. a bias gradient [N, C] to [C].
 * @example reduceTo(tensor([[1, 2], [3, 4]]), [2]); // [4, 6]
 */
export function reduceTo(g: Tensor, shape: readonly number[]): Tensor {
  if (sameShape(g.shape, shape)) return g;
  if (g.data instanceof Float32Array && broadcastsTo(shape, g.shape)) {
    const acc = new Float64Array(sizeOf(shape));
    sumInto(g.data, g.shape, broadcastStrides(shape, g.shape), acc);
    const y = new Tensor(Float32Array.from(acc), [...shape], 'float32');
    return record(y, [g], (dy) => [broadcastTo(dy, g.shape)]);
  }
  const lead = g.shape.length - shape.length;
  const axes: number[] = [];
  for (let i = 0; i < g.shape.length; i++) if (i < lead || (shape[i - lead] === 1 && g.shape[i] !== 1)) axes.push(i);
  return reshape(sum(g, axes), shape);
}
