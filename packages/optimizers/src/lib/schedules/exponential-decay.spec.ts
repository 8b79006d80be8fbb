import { ValueError } from '@strata/tensor';
import { expectClose } from '@strata/tensor/testing';
import { ExponentialDecay } from './exponential-decay';

describe('ExponentialDecay', () => {
  it('decays by decayRate every decaySteps, smoothly or in stairs (hand golden)', () => {
    const smooth = new ExponentialDecay({ initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5 });
    expectClose([0, 5, 10, 20].map((t) => smooth.apply(t)), [0.1, 0.1 / Math.SQRT2, 0.05, 0.025], 1e-6);
    const stairs = new ExponentialDecay({ initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5, staircase: true });
    expectClose([0, 9, 10, 19, 20].map((t) => stairs.apply(t)), [0.1, 0.1, 0.05, 0.05, 0.025], 1e-6);
  });

  it('writes Keras config', () => {
    expect(new ExponentialDecay({ initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5 }).getConfig()).toEqual({
      initial_learning_rate: 0.1,
      decay_steps: 10,
      decay_rate: 0.5,
      staircase: false,
      name: 'ExponentialDecay',
    });
  });

  it('rejects missing or bad arguments', () => {
    const f = () => new ExponentialDecay({ initialLearningRate: 0.1, decaySteps: 0, decayRate: 0.5 });
    expect(f).toThrow(ValueError);
    expect(f).toThrow('ExponentialDecay: decay_steps must be > 0, received decay_steps=0');
    expect(() => new ExponentialDecay({ initialLearningRate: 0.1, decaySteps: 10 } as never)).toThrow(
      'ExponentialDecay: decay_rate must be a number, received decay_rate=undefined',
    );
    expect(() => ExponentialDecay.fromConfig({ initial_learning_rate: 1, decay_steps: 1, decay_rate: 1, cycle: true })).toThrow(
      "ExponentialDecay: config has unknown keys (expected initial_learning_rate, decay_steps, decay_rate, staircase, name), received ['cycle']",
    );
  });
});
