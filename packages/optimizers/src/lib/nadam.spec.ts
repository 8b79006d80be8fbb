import { ValueError } from '@strata/tensor';
import { expectClose } from '@strata/tensor/testing';
import { Nadam } from './nadam';
import { trace } from './testing/trace';

describe('Nadam', () => {
  it('first step follows the Nesterov-corrected Adam formula (hand golden)', () => {
    const u = (t: number) => 0.9 * (1 - 0.5 * 0.96 ** t);
    const g = 2;
    const m = 0.1 * g;
    const v = 0.001 * g * g;
    const mHat = (u(2) * m) / (1 - u(1) * u(2)) + ((1 - u(1)) * g) / (1 - u(1));
    const vHat = v / (1 - 0.999);
    const opt = new Nadam({ learningRate: 0.01 });
    expectClose(trace(opt, [1], [[g]])[0], [1 - (0.01 * mHat) / (Math.sqrt(vHat) + 1e-7)], 1e-6);
    // The running product of momentum factors is the last state variable, named as in Keras.
    const product = opt.variables()[4];
    expect(product.name).toBe('variable');
    expectClose(product.value, [u(1)], 1e-6);
  });

  it('rejects bad arguments', () => {
    expect(() => new Nadam({ beta1: [0.9] as never })).toThrow(ValueError);
    expect(() => new Nadam({ beta1: [0.9] as never })).toThrow('Nadam: beta_1 must be a number, received beta_1=[0.9]');
  });
});
