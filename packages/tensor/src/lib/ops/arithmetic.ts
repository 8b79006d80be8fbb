import { floatDType, sameDType } from '../dtype';
import { addKernel, divKernel, mulKernel, subKernel } from './kernels-elementwise';
import { negKernel } from './kernels-unary';
import { binaryOp, unaryOp } from './elementwise';

// Each op passes its dedicated float32 kernel; backward passes skip the gradient of an input
// that is not tracked (a constant, or a tensor nobody differentiates).

/**
 * Elementwise `a + b` with NumPy broadcasting.
 * @example add(tensor([[1, 2], [3, 4]]), tensor([10, 20])); // [[11, 22], [13, 24]]
 */
export const add = binaryOp('add', (a, b) => a + b, sameDType, (_a, _b, _y, dy) => [dy, dy], addKernel);

/** Elementwise `a - b` with broadcasting. @example sub(tensor([3, 4]), 1); // [2, 3] */
export const sub = binaryOp(
  'sub',
  (a, b) => a - b,
  sameDType,
  (_a, b, _y, dy) => [dy, b.tracked ? neg(dy) : null],
  subKernel,
);

/** Elementwise `a * b` with broadcasting. @example mul(tensor([1, 2]), tensor([3, 4])); // [3, 8] */
export const mul = binaryOp(
  'mul',
  (a, b) => a * b,
  sameDType,
  (a, b, _y, dy) => [a.tracked ? mul(dy, b) : null, b.tracked ? mul(dy, a) : null],
  mulKernel,
);

/**
 * Elementwise true division `a / b` (always float32, as Keras's `divide`).
 * @example div(tensor([1, 3]), 2); // [0.5, 1.5]
 */
export const div = binaryOp(
  'div',
  (a, b) => a / b,
  floatDType,
  (a, b, y, dy) => {
    const ga = div(dy, b);
    return [a.tracked ? ga : null, b.tracked ? neg(mul(ga, y)) : null];
  },
  divKernel,
);

/** Elementwise `-x`. @example neg(tensor([1, -2])); // [-1, 2] */
export const neg = unaryOp((x) => -x, (_x, _y, dy) => neg(dy), true, negKernel);
