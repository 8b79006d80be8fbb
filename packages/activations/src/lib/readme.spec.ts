// The README's example, run as written, with what its comments promise checked.
import { Tensor, grad, mul, sum, tensor } from '@strata/tensor';
import { expectClose } from '@strata/tensor/testing';
import { deserialize, get, gelu, leakyRelu, linear, relu, serialize, softmax, swish, register } from '../index';

test('README example', () => {
  const x = tensor([[-2, 0, 3]]);
  expect(relu(x).toArray()).toEqual([[0, 0, 3]]);
  expectClose(relu(x, { negativeSlope: 0.1, maxValue: 2 }), [[-0.2, 0, 2]]);
  expectClose(gelu(x, { approximate: true }), [[-0.0454, 0, 2.9964]], 0, 1e-4);
  expect(softmax(tensor([[1000, 1000]])).toArray()).toEqual([[0.5, 0.5]]);
  expect(grad((v) => sum(relu(v)))(x).toArray()).toEqual([[0, 0, 1]]);

  expect(get('leaky_relu')).toBe(leakyRelu);
  expect(get('leakyRelu')).toBe(leakyRelu);
  expect(get(null)).toBe(linear);
  expect(serialize(swish)).toBe('silu');
  expect(deserialize({ module: 'builtins', class_name: 'function', config: 'relu', registered_name: 'function' })).toBe(relu);

  const double = (v: Tensor) => mul(v, 2);
  expect(register(double, 'double', 'my_pkg')).toBe('my_pkg>double');
  expect(serialize(double)).toEqual({ module: 'builtins', class_name: 'function', config: 'my_pkg>double', registered_name: 'function' });
});
