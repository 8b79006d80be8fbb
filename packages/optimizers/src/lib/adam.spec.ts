import { ValueError } from '@strata/tensor';
import { expectClose } from '@strata/tensor/testing';
import { Adam } from './adam';
import { trace } from './testing/trace';

// One Adam step from zero moments: m = 0.1 g, v = 0.001 g², so the step is about lr * sign(g).
const firstStep = (w: number, g: number, lr: number, eps = 1e-7) =>
  w - (0.1 * g * ((lr * Math.sqrt(0.001)) / 0.1)) / (Math.abs(g) * Math.sqrt(0.001) + eps);

describe('Adam', () => {
  it('first step moves each weight by about lr against its gradient (hand golden)', () => {
    expectClose(trace(new Adam({ learningRate: 0.1 }), [1, 2], [[3, -0.5]])[0], [firstStep(1, 3, 0.1), firstStep(2, -0.5, 0.1)], 1e-6);
  });

  it('bias-corrects the second step: m and v are running averages', () => {
    const [, second] = trace(new Adam({ learningRate: 0.1 }), [0], [[1], [3]]);
    const m = 0.9 * 0.1 + 0.1 * 3;
    const v = 0.999 * 0.001 + 0.001 * 9;
    const alpha = (0.1 * Math.sqrt(1 - 0.999 ** 2)) / (1 - 0.9 ** 2);
    expectClose(second, [firstStep(0, 1, 0.1) - (m * alpha) / (Math.sqrt(v) + 1e-7)], 1e-5);
  });

  it('amsgrad keeps the largest second moment and adds a velocity_hat slot', () => {
    const opt = new Adam({ learningRate: 0.1, amsgrad: true });
    const [, , third] = trace(opt, [0], [[10], [0], [0]]);
    const plain = trace(new Adam({ learningRate: 0.1 }), [0], [[10], [0], [0]])[2];
    expect(third[0]).toBeGreaterThan(plain[0]); // the larger v_hat damps the later steps
    expect(opt.variables().map((v) => v.name.replace(/^variable_\d+/, 'w'))).toEqual([
      'iteration',
      'learning_rate',
      'w_momentum',
      'w_velocity',
      'w_velocity_hat',
    ]);
  });

  it('has Keras defaults', () => {
    const opt = new Adam();
    expect([opt.learningRate, opt.beta1, opt.beta2, opt.epsilon, opt.amsgrad]).toEqual([Math.fround(0.001), 0.9, 0.999, 1e-7, false]);
  });

  it('rejects bad arguments', () => {
    expect(() => new Adam({ beta1: '0.9' as never })).toThrow(ValueError);
    expect(() => new Adam({ beta1: '0.9' as never })).toThrow("Adam: beta_1 must be a number, received beta_1='0.9'");
    expect(() => new Adam({ epsilon: NaN })).toThrow('Adam: epsilon must be a number, received epsilon=NaN');
    expect(() => new Adam({ amsgrad: 'no' as never })).toThrow("Adam: amsgrad must be a boolean, received amsgrad='no'");
  });
});
