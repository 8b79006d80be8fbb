import { ValueError } from '@strata/tensor';
import { expectClose } from '@strata/tensor/testing';
import { Adamax } from './adamax';
import { trace } from './testing/trace';

describe('Adamax', () => {
  it('uses the decayed max of |g| (hand golden, two steps)', () => {
    const steps = trace(new Adamax({ learningRate: 0.1 }), [0], [[2], [1]]);
    expectClose(steps[0], [-(0.1 * 0.2) / (0.1 * (2 + 1e-7))], 1e-6);
    const m = 0.9 * 0.2 + 0.1;
    const u = Math.max(0.999 * 2, 1);
    expectClose(steps[1], [steps[0][0] - (0.1 * m) / ((1 - 0.81) * (u + 1e-7))], 1e-6);
  });

  it('rejects bad arguments', () => {
    expect(() => new Adamax({ beta2: false as never })).toThrow(ValueError);
    expect(() => new Adamax({ beta2: false as never })).toThrow('Adamax: beta_2 must be a number, received beta_2=false');
  });
});
