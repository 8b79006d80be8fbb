import { ValueError } from '@strata/tensor';
import { expectClose } from '@strata/tensor/testing';
import { InverseTimeDecay } from './inverse-time-decay';

describe('InverseTimeDecay', () => {
  it('computes initial / (1 + rate * step / decaySteps), floored with staircase (hand golden)', () => {
    const s = new InverseTimeDecay({ initialLearningRate: 0.1, decaySteps: 2, decayRate: 0.5 });
    expectClose([0, 1, 2, 4].map((t) => s.apply(t)), [0.1, 0.08, 0.1 / 1.5, 0.05], 1e-6);
    const stairs = new InverseTimeDecay({ initialLearningRate: 0.1, decaySteps: 2, decayRate: 0.5, staircase: true });
    expectClose([1, 3].map((t) => stairs.apply(t)), [0.1, 0.1 / 1.5], 1e-6);
  });

  it('rejects bad arguments', () => {
    expect(() => new InverseTimeDecay({ initialLearningRate: 0.1, decaySteps: -1, decayRate: 1 })).toThrow(ValueError);
    expect(() => new InverseTimeDecay({ initialLearningRate: 0.1, decaySteps: -1, decayRate: 1 })).toThrow(
      'InverseTimeDecay: decay_steps must be > 0, received decay_steps=-1',
    );
    expect(() => new InverseTimeDecay({ initialLearningRate: 0.1, decaySteps: 1, decayRate: 1, staircase: 1 as never })).toThrow(
      'InverseTimeDecay: staircase must be a boolean, received staircase=1',
    );
  });
});
