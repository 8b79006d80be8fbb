import { ValueError } from '@strata/tensor';
import { expectClose } from '@strata/tensor/testing';
import { CosineDecay } from './cosine-decay';

describe('CosineDecay', () => {
  it('follows half a cosine from the initial rate to alpha times it (hand golden)', () => {
    const s = new CosineDecay({ initialLearningRate: 0.1, decaySteps: 100, alpha: 0.1 });
    expectClose([0, 50, 100, 200].map((t) => s.apply(t)), [0.1, 0.055, 0.01, 0.01], 1e-5, 1e-8);
  });

  it('warms up linearly to warmupTarget, then decays from it', () => {
    const s = new CosineDecay({ initialLearningRate: 0, decaySteps: 10, warmupTarget: 1, warmupSteps: 4 });
    expectClose([0, 1, 2, 4, 9, 14, 30].map((t) => s.apply(t)), [0, 0.25, 0.5, 1, 0.5, 0, 0], 1e-5, 1e-7);
  });

  it('writes Keras config and rejects bad arguments', () => {
    expect(new CosineDecay({ initialLearningRate: 0.1, decaySteps: 10 }).getConfig()).toEqual({
      initial_learning_rate: 0.1,
      decay_steps: 10,
      alpha: 0,
      name: 'CosineDecay',
      warmup_target: null,
      warmup_steps: 0,
    });
    expect(() => new CosineDecay({ initialLearningRate: 0.1, decaySteps: 0 })).toThrow(ValueError);
    expect(() => new CosineDecay({ initialLearningRate: 0.1, decaySteps: 0 })).toThrow(
      'CosineDecay: decay_steps must be > 0, received decay_steps=0',
    );
    expect(() => new CosineDecay({ initialLearningRate: 0.1, decaySteps: 1, warmupTarget: '1' as never })).toThrow(
      "CosineDecay: warmup_target must be a number, received warmup_target='1'",
    );
  });
});
