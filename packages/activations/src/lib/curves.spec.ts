import { Tensor, ValueError, grad, sum, tensor } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import {
  exponential,
  hardShrink,
  hardTanh,
  linear,
  softShrink,
  softplus,
  softsign,
  sparsePlus,
  squareplus,
  tanh,
  tanhShrink,
} from './curves';

const smooth = tensor([-7.3, -3.4, -1.3, -0.7, -0.2, 0.3, 0.9, 2.1, 3.6]);

test('tanh and tanhShrink', () => {
  expectClose(tanh(tensor([-1, 0, 1])), [-0.7615941559557649, 0, 0.7615941559557649]);
  expectClose(tanhShrink(tensor([-1, 0, 1])), [-0.2384058440442351, 0, 0.2384058440442351]);
  expectClose(tanh(tensor([-1e4, 1e4])), [-1, 1]);
});

test('hardTanh clips to [-1, 1]; gradient 1 at the bounds (jax.nn.hard_tanh)', () => {
  expectClose(hardTanh(tensor([-2, -1, 0.5, 1, 2])), [-1, -1, 0.5, 1, 1]);
  expectClose(grad((v) => sum(hardTanh(v)))(tensor([-2, -1, 1, 2])), [0, 1, 1, 0]);
});

test('softShrink and hardShrink around their threshold', () => {
  expectClose(softShrink(tensor([-2, -0.5, 0.3, 2])), [-1.5, 0, 0, 1.5]);
  expectClose(softShrink(tensor([-2, 0.3, 2]), { threshold: 1 }), [-1, 0, 1]);
  expectClose(hardShrink(tensor([-2, -0.5, 0.3, 2])), [-2, 0, 0, 2]);
  expectClose(hardShrink(tensor([-2, 1.5, 3]), { threshold: 2 }), [0, 0, 3]);
});

test('softplus never overflows and is exact in both tails', () => {
  const y = softplus(tensor([-1e4, -100, 0, 100, 1e4])).data;
  expect(Array.from(y)).toEqual([0, Math.fround(3.720075976020836e-44), Math.fround(Math.LN2), 100, 1e4]);
  expect(Array.from(grad((v) => sum(softplus(v)))(tensor([-1e4, 0, 1e4])).data)).toEqual([0, 0.5, 1]);
});

test('softsign is x / (|x| + 1)', () => {
  expectClose(softsign(tensor([-3, 0, 1])), [-0.75, 0, 0.5]);
});

test('squareplus, including the large-negative side where x + sqrt(x^2 + b) would cancel', () => {
  expectClose(squareplus(tensor([-1, 0, 1])), [(-1 + Math.sqrt(5)) / 2, 1, (1 + Math.sqrt(5)) / 2]);
  expectClose(squareplus(tensor([0, 2]), { b: 1 }), [0.5, (2 + Math.sqrt(5)) / 2]);
  // (x + sqrt(x^2 + 4)) / 2 = 4 / (2 * (sqrt(x^2 + 4) - x)) ~ 1 / |x| for x = -1e4.
  expectClose(squareplus(tensor([-1e4])), [9.99999990000000e-5], 1e-6, 0);
});

test('sparsePlus is 0, (x + 1)^2 / 4, then x', () => {
  expectClose(sparsePlus(tensor([-2, -1, 0, 0.5, 1, 2])), [0, 0, 0.25, 0.5625, 1, 2]);
});

test('exponential and linear', () => {
  expectClose(exponential(tensor([0, 1])), [1, Math.E]);
  expect(exponential(tensor([100])).data[0]).toBe(Infinity);
  const x = tensor([-1, 2]);
  expect(linear(x)).toBe(x);
  expect(linear([1, 2]).toArray()).toEqual([1, 2]);
});

test.each([
  ['tanh', (v: Tensor) => tanh(v)],
  ['tanhShrink', (v: Tensor) => tanhShrink(v)],
  ['hardTanh', (v: Tensor) => hardTanh(v)],
  ['softShrink', (v: Tensor) => softShrink(v, { threshold: 1 })],
  ['hardShrink', (v: Tensor) => hardShrink(v)],
  ['softplus', (v: Tensor) => softplus(v)],
  ['softsign', (v: Tensor) => softsign(v)],
  ['squareplus', (v: Tensor) => squareplus(v, { b: 2 })],
  ['sparsePlus', (v: Tensor) => sparsePlus(v)],
  ['exponential', (v: Tensor) => exponential(v)],
  ['linear', (v: Tensor) => linear(v)],
])('%s gradients match finite differences', (_name, f) => {
  checkGradients(f, [smooth]);
});

test.each([
  ['softShrink', () => softShrink(smooth, { threshold: '1' as never }), /softShrink: threshold must be a finite number, received threshold='1'/],
  ['hardShrink', () => hardShrink(smooth, { lambda: 1 } as never), /hardShrink: unknown option, expected one of threshold, received lambda=1/],
  ['squareplus', () => squareplus(smooth, { b: NaN }), /squareplus: b must be a finite number, received b=NaN/],
  ['squareplus', () => squareplus(smooth, [4] as never), /squareplus: options must be an object, received options=\[4\]/],
])('%s rejects bad options', (_name, call, message) => {
  expect(call).toThrow(ValueError);
  expect(call).toThrow(message);
});
