import { ValueError } from '@strata/tensor';
import { expectClose } from '@strata/tensor/testing';
import { RMSprop } from './rmsprop';
import { trace } from './testing/trace';

describe('RMSprop', () => {
  it('first step: v = 0.1 g², w -= lr * g / sqrt(v + eps) (hand golden)', () => {
    const [step] = trace(new RMSprop({ learningRate: 0.01 }), [1, 2], [[2, -1]]);
    expectClose(step, [1 - (0.01 * 2) / Math.sqrt(0.4 + 1e-7), 2 + 0.01 / Math.sqrt(0.1 + 1e-7)], 1e-6);
  });

  it('centered: subtracts the squared mean gradient in the denominator', () => {
    const [step] = trace(new RMSprop({ learningRate: 0.01, centered: true }), [1], [[2]]);
    expectClose(step, [1 - (0.01 * 2) / Math.sqrt(0.4 - 0.2 * 0.2 + 1e-7)], 1e-6);
  });

  it('momentum: accumulates the steps', () => {
    const steps = trace(new RMSprop({ learningRate: 0.01, momentum: 0.5, rho: 0 }), [0], [[1], [1]]);
    // rho 0: every step is lr * sign(g) (up to eps); the momentum adds half of the previous one.
    expectClose(steps[1], [-0.01 - 0.015], 1e-5);
  });

  it('rejects bad arguments', () => {
    expect(() => new RMSprop({ rho: null as never })).toThrow(ValueError);
    expect(() => new RMSprop({ rho: null as never })).toThrow('RMSprop: rho must be a number, received rho=null');
    expect(() => new RMSprop({ centered: 1 as never })).toThrow('RMSprop: centered must be a boolean, received centered=1');
  });
});
