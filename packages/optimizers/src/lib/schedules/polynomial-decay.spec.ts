import { ValueError } from '@strata/tensor';
import { expectClose } from '@strata/tensor/testing';
import { PolynomialDecay } from './polynomial-decay';

describe('PolynomialDecay', () => {
  it('decays to endLearningRate and stays there (hand golden)', () => {
    const s = new PolynomialDecay({ initialLearningRate: 1, decaySteps: 10, endLearningRate: 0, power: 2 });
    expectClose([0, 5, 10, 20].map((t) => s.apply(t)), [1, 0.25, 0, 0], 1e-6);
  });

  it('with cycle, restarts over the next multiple of decaySteps', () => {
    const s = new PolynomialDecay({ initialLearningRate: 1, decaySteps: 10, endLearningRate: 0, cycle: true });
    // Step 15 lies in [10, 20]: decay steps become 20, p = 0.75.
    expectClose([0, 5, 10, 15].map((t) => s.apply(t)), [1, 0.5, 0, 0.25], 1e-6);
  });

  it('has Keras defaults and rejects bad arguments', () => {
    expect(new PolynomialDecay({ initialLearningRate: 1, decaySteps: 1 }).getConfig()).toEqual({
      initial_learning_rate: 1,
      decay_steps: 1,
      end_learning_rate: 0.0001,
      power: 1,
      cycle: false,
      name: 'PolynomialDecay',
    });
    expect(() => new PolynomialDecay({ initialLearningRate: 1, decaySteps: 0 })).toThrow(ValueError);
    expect(() => new PolynomialDecay({ initialLearningRate: 1, decaySteps: 0 })).toThrow(
      'PolynomialDecay: decay_steps must be > 0, received decay_steps=0',
    );
  });
});
