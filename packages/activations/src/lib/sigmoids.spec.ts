import { Tensor, ValueError, grad, sum, tensor } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import { gelu, hardSigmoid, hardSilu, hardSwish, logSigmoid, mish, sigmoid, silu, sparseSigmoid, swish } from './sigmoids';

const smooth = tensor([-7.3, -3.4, -1.3, -0.4, 0.2, 0.9, 2.1, 3.6, 8.5]);

describe('sigmoid and logSigmoid', () => {
  test('golden values', () => {
    expectClose(sigmoid(tensor([0, 2, -2])), [0.5, 0.8807970779778823, 0.11920292202211755]);
    expectClose(logSigmoid(tensor([0, 2])), [-Math.LN2, -0.12692801104297263]);
  });

  test('stable on both sides: no overflow, no log(0), tails keep their relative precision', () => {
    const s = sigmoid(tensor([-1e4, -100, 100, 1e4])).data;
    expect(Array.from(s)).toEqual([0, Math.fround(3.720075976020836e-44), 1, 1]);
    const l = logSigmoid(tensor([-1e4, -100, 30, 1e4])).data;
    expect(l[0]).toBe(-1e4);
    expect(l[1]).toBe(-100);
    expect(l[2] / -9.357622968840175e-14).toBeCloseTo(1, 6);
    expect(l[3] === 0).toBe(true);
    // sigmoid'(-30) = e^-30 / (1 + e^-30)^2, exact where y * (1 - y) would round.
    const g = grad((v) => sum(sigmoid(v)))(tensor([-30, 30])).data;
    expect(g[0] / 9.357622968840175e-14).toBeCloseTo(1, 6);
    expect(g[1] / 9.357622968840175e-14).toBeCloseTo(1, 6);
    expect(Array.from(grad((v) => sum(logSigmoid(v)))(tensor([-1e4, 1e4])).data)).toEqual([1, 0]);
  });

  test.each([
    ['sigmoid', sigmoid],
    ['logSigmoid', logSigmoid],
  ])('%s gradients match finite differences', (_name, f) => {
    checkGradients((v) => f(v), [smooth]);
  });
});

describe('hard and sparse sigmoids', () => {
  test("Keras 3's hard sigmoid is relu6(x + 3) / 6", () => {
    expectClose(hardSigmoid(tensor([-4, -3, 0, 1.5, 3, 4])), [0, 0, 0.5, 0.75, 1, 1]);
  });

  test('sparse sigmoid is 0.5 * clip(x + 1, 0, 2)', () => {
    expectClose(sparseSigmoid(tensor([-2, -1, 0, 0.5, 1, 2])), [0, 0, 0.5, 0.75, 1, 1]);
  });

  test('kink gradients follow jax: relu6 gives 0 at its ends, clip gives 1/2', () => {
    expectClose(grad((v) => sum(hardSigmoid(v)))(tensor([-3, 0, 3])), [0, 1 / 6, 0]);
    expectClose(grad((v) => sum(sparseSigmoid(v)))(tensor([-1, 0, 1])), [0.25, 0.5, 0.25]);
  });

  test.each([
    ['hardSigmoid', hardSigmoid],
    ['sparseSigmoid', sparseSigmoid],
  ])('%s gradients match finite differences', (_name, f) => {
    checkGradients((v) => f(v), [smooth]);
  });
});

describe('silu and hardSilu', () => {
  test('silu is x * sigmoid(x); swish is the same function', () => {
    expect(swish).toBe(silu);
    expectClose(silu(tensor([-1, 0, 1])), [-0.2689414213699951, 0, 0.7310585786300049]);
    expectClose(silu(tensor([-1e4, 1e4])), [0, 1e4]);
  });

  test('hardSilu is x * hardSigmoid(x); hardSwish is the same function', () => {
    expect(hardSwish).toBe(hardSilu);
    expectClose(hardSilu(tensor([-4, -3, 1, 3, 4])), [0, 0, 2 / 3, 3, 4]);
  });

  test.each([
    ['silu', silu],
    ['hardSilu', hardSilu],
  ])('%s gradients match finite differences', (_name, f) => {
    checkGradients((v) => f(v), [smooth]);
  });
});

describe('gelu', () => {
  test('exact form by default: 0.5 * x * erfc(-x / sqrt(2))', () => {
    expectClose(gelu(tensor([-1, 0, 1, 3])), [-0.15865525393145707, 0, 0.8413447460685429, 2.9959502073148405]);
  });

  test('exact form keeps the far tail: gelu(-10) = -7.6198530e-23', () => {
    const y = gelu(tensor([-10, -30])).data;
    expect(y[0] / -7.61985302416047e-23).toBeCloseTo(1, 6);
    expect(y[1] === 0).toBe(true);
  });

  test('approximate: 0.5 * x * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 x^3)))', () => {
    const ref = (v: number) => 0.5 * v * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (v + 0.044715 * v ** 3)));
    const xs = [-3, -1, 0, 0.5, 2];
    expectClose(gelu(tensor(xs), { approximate: true }), xs.map(ref));
  });

  test.each([[{}], [{ approximate: true }]])('gradients match finite differences with %j', (options) => {
    checkGradients((v) => gelu(v, options), [smooth]);
  });

  test('rejects a non-boolean approximate', () => {
    const call = () => gelu(smooth, { approximate: 'yes' as never });
    expect(call).toThrow(ValueError);
    expect(call).toThrow(/gelu: approximate must be a boolean, received approximate='yes'/);
  });
});

describe('mish', () => {
  test('x * tanh(softplus(x))', () => {
    expectClose(mish(tensor([-1, 0, 1])), [-0.30340146137410895, 0, 0.8650983882673103]);
    expectClose(mish(tensor([-1e4, 1e4])), [0, 1e4]);
  });

  test('gradients match finite differences', () => {
    checkGradients((v: Tensor) => mish(v), [smooth]);
  });
});
