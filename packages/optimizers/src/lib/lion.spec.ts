import { ValueError } from '@strata/tensor';
import { expectClose } from '@strata/tensor/testing';
import { Lion } from './lion';
import { trace } from './testing/trace';

describe('Lion', () => {
  it('moves by lr * sign(beta1 * m + (1 - beta1) * g) (hand golden, two steps)', () => {
    const steps = trace(new Lion({ learningRate: 0.1 }), [1, 1], [[3, -0.2], [-0.01, -0.01]]);
    expectClose(steps[0], [0.9, 1.1], 1e-6);
    // m = 0.01 * g1 = [0.03, -0.002]; 0.9 m + 0.1 g2 = [0.026, -0.0028]: signs + and -.
    expectClose(steps[1], [0.8, 1.2], 1e-6);
  });

  it('requires beta_1 in (0, 1]', () => {
    expect(() => new Lion({ beta1: 0 })).toThrow(ValueError);
    expect(() => new Lion({ beta1: 0 })).toThrow(
      'Lion: beta_1 must be in the range (0, 1] (otherwise the optimizer degenerates to SignSGD), received beta_1=0',
    );
    expect(() => new Lion({ beta1: 1.1 })).toThrow('received beta_1=1.1');
    expect(new Lion({ beta1: 1 }).beta1).toBe(1);
  });
});
