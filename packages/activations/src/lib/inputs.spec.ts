import { Tensor, ValueError, tensor, zeros } from '@strata/tensor';
import { activationNames, get } from './registry';

// threshold has two required options; every other activation runs with its defaults.
const call = (name: string, x: unknown): Tensor =>
  name === 'threshold'
    ? (get(name) as unknown as (x: unknown, o: unknown) => Tensor)(x, { threshold: 0, defaultValue: 0 })
    : (get(name) as (x: unknown) => Tensor)(x);

describe.each(activationNames().map((n) => [n]))('%s', (name) => {
  test('keeps the shape of an empty tensor (glu halves its axis)', () => {
    const y = call(name, zeros([0, 4]));
    expect(y.shape).toEqual(name === 'glu' ? [0, 2] : [0, 4]);
  });

  test('takes nested arrays as well as tensors', () => {
    const y = call(name, [[0.5, -1.5, 2, 0.25]]);
    expect(y.shape).toEqual(name === 'glu' ? [1, 2] : [1, 4]);
    expect(Array.from(y.data)).toEqual(Array.from(call(name, tensor([[0.5, -1.5, 2, 0.25]])).data));
  });

  test('rejects input that is not numeric', () => {
    expect(() => call(name, 'abc')).toThrow(ValueError);
    expect(() => call(name, 'abc')).toThrow(/tensor: values must be numbers or booleans, received 'abc'/);
  });
});

test('elementwise activations take scalars', () => {
  expect(get('relu')(3 as never).item()).toBe(3);
  expect(get('sigmoid')(0 as never).item()).toBe(0.5);
});
