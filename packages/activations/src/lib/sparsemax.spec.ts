import fc from 'fast-check';
import { ValueError, grad, tensor } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import { sparsemax } from './sparsemax';

test('golden values: a projection onto the simplex, with exact zeros', () => {
  // Row 0: support {1, 0.5}, tau = (1.5 - 1) / 2 = 0.25. Row 1: support {3}, tau = 2.
  expectClose(sparsemax(tensor([[1, 0.5, 0.2], [3, 0, -1]])), [[0.75, 0.25, 0], [1, 0, 0]]);
  // All equal: the uniform distribution.
  expectClose(sparsemax(tensor([[2, 2, 2, 2]])), [[0.25, 0.25, 0.25, 0.25]]);
  // Along axis 0, the columns are the rows above.
  expectClose(sparsemax(tensor([[1, 3], [0.5, 0], [0.2, -1]]), { axis: 0 }), [[0.75, 1], [0.25, 0], [0, 0]]);
});

test('rows are non-negative, sum to 1 and are invariant to adding a constant', () => {
  fc.assert(
    fc.property(
      fc.array(fc.float({ min: -5, max: 5, noNaN: true }), { minLength: 1, maxLength: 8 }),
      fc.float({ min: -10, max: 10, noNaN: true }),
      (vs, c) => {
        const y = Array.from(sparsemax(tensor([vs])).data as Float32Array);
        expect(y.every((v) => v >= 0)).toBe(true);
        expect(y.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
        expectClose(sparsemax(tensor([vs.map((v) => v + c)])), [y], 1e-3, 1e-5);
      },
    ),
    { seed: 42, numRuns: 50 },
  );
});

test('the gradient is s * (dy - mean of dy over the support)', () => {
  // Support of [1, 0.5, 0.2] is the first two entries.
  const dy = tensor([[2, 1, 7]]);
  expectClose(grad((v) => sparsemax(v))(tensor([[1, 0.5, 0.2]]), dy), [[0.5, -0.5, 0]]);
});

test('gradients match finite differences (away from support changes)', () => {
  checkGradients((v) => sparsemax(v), [tensor([[1, 0.5, 0.2, -1], [0.1, 0.3, 0.35, 0.6]])]);
  checkGradients((v) => sparsemax(v, { axis: 0 }), [tensor([[1, 0.5], [0.4, -1], [0.1, 0.35]])]);
});

test.each([
  [{ axis: [0, 1] }, /sparsemax: axis must be an integer, received axis=\[0, 1\]/],
  [{ axis: null }, /sparsemax: axis must be an integer, received axis=null/],
  [{ axis: 2 }, /sparsemax: axis must be an integer in \[-2, 1\], received axis=2/],
])('rejects %j', (options, message) => {
  const call = () => sparsemax(tensor([[1, 2]]), options as never);
  expect(call).toThrow(ValueError);
  expect(call).toThrow(message);
});
