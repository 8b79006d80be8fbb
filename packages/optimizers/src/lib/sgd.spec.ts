import { ValueError } from '@strata/tensor';
import { expectClose } from '@strata/tensor/testing';
import { SGD } from './sgd';
import { trace } from './testing/trace';

describe('SGD', () => {
  it('plain: w -= lr * g (hand golden)', () => {
    expectClose(trace(new SGD({ learningRate: 0.1 }), [1, 2], [[1, -1]])[0], [0.9, 2.1], 1e-6);
  });

  it('momentum: m = mu * m - lr * g, w += m (hand golden, two steps)', () => {
    const steps = trace(new SGD({ learningRate: 0.1, momentum: 0.9 }), [1, 2], [[1, -1], [1, -1]]);
    expectClose(steps[0], [0.9, 2.1], 1e-6);
    expectClose(steps[1], [0.71, 2.29], 1e-6); // m = [-0.19, 0.19]
  });

  it('nesterov: w += mu * m - lr * g', () => {
    expectClose(trace(new SGD({ learningRate: 0.1, momentum: 0.9, nesterov: true }), [1, 2], [[1, -1]])[0], [0.81, 2.19], 1e-6);
  });

  it('creates a momentum slot only when momentum != 0', () => {
    const plain = new SGD();
    trace(plain, [1], [[1]]);
    expect(plain.variables().map((v) => v.name)).toEqual(['iteration', 'learning_rate']);
    const heavy = new SGD({ momentum: 0.5 });
    trace(heavy, [1], [[1]]);
    expect(heavy.variables().map((v) => v.name.replace(/^variable_\d+/, 'w'))).toEqual(['iteration', 'learning_rate', 'w_momentum']);
  });

  it('has Keras defaults and config', () => {
    expect(new SGD({ name: 'sgd' }).getConfig()).toEqual({
      name: 'sgd',
      learning_rate: Math.fround(0.01),
      weight_decay: null,
      clipnorm: null,
      global_clipnorm: null,
      clipvalue: null,
      use_ema: false,
      ema_momentum: 0.99,
      ema_overwrite_frequency: null,
      loss_scale_factor: null,
      gradient_accumulation_steps: null,
      momentum: 0,
      nesterov: false,
    });
  });

  it('rejects a momentum outside [0, 1] and a non-boolean nesterov', () => {
    expect(() => new SGD({ momentum: 1.5 })).toThrow(ValueError);
    expect(() => new SGD({ momentum: 1.5 })).toThrow('SGD: momentum must be a number in [0, 1], received momentum=1.5');
    expect(() => new SGD({ momentum: -0.1 })).toThrow('received momentum=-0.1');
    expect(() => new SGD({ nesterov: 1 as never })).toThrow('SGD: nesterov must be a boolean, received nesterov=1');
  });
});
