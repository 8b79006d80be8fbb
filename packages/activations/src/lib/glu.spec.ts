import { ShapeError, ValueError, grad, tensor } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import { glu } from './glu';

const sig = (v: number) => 1 / (1 + Math.exp(-v));

test('a * sigmoid(b) with a, b the two halves of the last axis', () => {
  const y = glu(tensor([[1, 2, 0, 100], [-3, 4, 2, -2]]));
  expect(y.shape).toEqual([2, 2]);
  expectClose(y, [[0.5, 2], [-3 * sig(2), 4 * sig(-2)]]);
});

test('splits along any axis', () => {
  const x = tensor([[[1, 2], [3, 4]], [[0, 1], [-1, 2]]]);
  const y = glu(x, { axis: 1 });
  expect(y.shape).toEqual([2, 1, 2]);
  expectClose(y, [[[1 * sig(3), 2 * sig(4)]], [[0, 1 * sig(2)]]]);
  expect(glu(x, { axis: 0 }).shape).toEqual([1, 2, 2]);
});

test('gradient: dy * sigmoid(b) for a, dy * a * sigmoid(b) * (1 - sigmoid(b)) for b', () => {
  const g = grad((v) => glu(v))(tensor([[2, 0.5]]), tensor([[3]]));
  expectClose(g, [[3 * sig(0.5), 3 * 2 * sig(0.5) * (1 - sig(0.5))]]);
});

test('gradients match finite differences', () => {
  checkGradients((v) => glu(v), [tensor([[0.3, -1.2, 2, 1.1], [0.4, -0.6, -0.2, 0.9]])]);
  checkGradients((v) => glu(v, { axis: 0 }), [tensor([[0.3, -1.2, 2], [1.1, 0.4, -0.6]])]);
});

test('an odd axis size is a ShapeError', () => {
  const call = () => glu(tensor([[1, 2, 3]]));
  expect(call).toThrow(ShapeError);
  expect(call).toThrow(/glu: the size of axis must be divisible by 2, received x.shape=\(1, 3\) with axis=-1/);
});

test('an axis out of range is a ValueError', () => {
  const call = () => glu(tensor([[1, 2]]), { axis: 2 });
  expect(call).toThrow(ValueError);
  expect(call).toThrow(/glu: axis must be an integer in \[-2, 1\], received axis=2/);
});
