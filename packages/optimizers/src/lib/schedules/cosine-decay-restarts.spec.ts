import { ValueError } from '@strata/tensor';
import { expectClose } from '@strata/tensor/testing';
import { CosineDecayRestarts } from './cosine-decay-restarts';

describe('CosineDecayRestarts', () => {
  it('restarts every period; periods grow by tMul and peaks shrink by mMul (hand golden)', () => {
    const even = new CosineDecayRestarts({ initialLearningRate: 1, firstDecaySteps: 10, tMul: 1, mMul: 0.5 });
    expectClose([0, 5, 10, 15, 20].map((t) => even.apply(t)), [1, 0.5, 0.5, 0.25, 0.25], 1e-5, 1e-7);
    // tMul 2: periods [0, 10), [10, 30), [30, 70).
    const growing = new CosineDecayRestarts({ initialLearningRate: 1, firstDecaySteps: 10 });
    expectClose([5, 10, 20, 30, 50].map((t) => growing.apply(t)), [0.5, 1, 0.5, 1, 0.5], 1e-5, 1e-7);
  });

  it('writes Keras config (t_mul, m_mul) and rejects bad arguments', () => {
    expect(new CosineDecayRestarts({ initialLearningRate: 1, firstDecaySteps: 10 }).getConfig()).toEqual({
      initial_learning_rate: 1,
      first_decay_steps: 10,
      t_mul: 2,
      m_mul: 1,
      alpha: 0,
      name: 'SGDRDecay',
    });
    expect(() => new CosineDecayRestarts({ initialLearningRate: 1, firstDecaySteps: 0 })).toThrow(ValueError);
    expect(() => new CosineDecayRestarts({ initialLearningRate: 1, firstDecaySteps: 0 })).toThrow(
      'CosineDecayRestarts: first_decay_steps must be > 0, received first_decay_steps=0',
    );
  });
});
