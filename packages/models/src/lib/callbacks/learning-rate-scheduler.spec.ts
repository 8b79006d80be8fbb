import { Dense } from '@strata/layers';
import { SGD } from '@strata/optimizers';
import { ValueError, full, tensor } from '@strata/tensor';
import type { Model } from '../model';
import { Sequential } from '../sequential';
import { LearningRateScheduler } from './learning-rate-scheduler';

function compiledModel(lr: number): { model: Model; optimizer: SGD } {
  const model = new Sequential({ layers: [new Dense({ units: 1, inputShape: [2] })] });
  const optimizer = new SGD({ learningRate: lr });
  model.compile({ optimizer, loss: 'mse' });
  return { model, optimizer };
}

describe('LearningRateScheduler', () => {
  it('sets schedule(epoch, lr) at each epoch begin and logs the rate at each epoch end', () => {
    const { model, optimizer } = compiledModel(1);
    const seen: [number, number][] = [];
    const cb = new LearningRateScheduler({ schedule: (epoch, lr) => (seen.push([epoch, lr]), epoch < 2 ? lr : lr / 2) });
    cb.setModel(model);
    const rates: number[] = [];
    const logged: number[] = [];
    for (let epoch = 0; epoch < 4; epoch++) {
      cb.onEpochBegin(epoch);
      rates.push(optimizer.learningRate);
      const logs: Record<string, number> = { loss: 1 };
      cb.onEpochEnd(epoch, logs);
      logged.push(logs['learning_rate']);
    }
    expect(seen).toEqual([[0, 1], [1, 1], [2, 1], [3, 0.5]]);
    expect(rates).toEqual([1, 1, 0.5, 0.25]);
    expect(logged).toEqual(rates);
  });

  it('accepts a schedule of the epoch alone', () => {
    const { model, optimizer } = compiledModel(1);
    const cb = new LearningRateScheduler({ schedule: (epoch) => 0.1 * (epoch + 1) });
    cb.setModel(model);
    cb.onEpochBegin(2);
    expect(optimizer.learningRate).toBe(Math.fround(0.1 * 3));
  });

  it('prints the new rate as Keras when verbose', () => {
    const log = jest.fn();
    const { model } = compiledModel(0.5);
    const cb = new LearningRateScheduler({ schedule: (epoch, lr) => lr * 2, verbose: 1, log });
    cb.setModel(model);
    cb.onEpochBegin(0);
    cb.onEpochBegin(1);
    expect(log.mock.calls).toEqual([
      ['Epoch 1: LearningRateScheduler setting learning rate to 1.0.', 'info'],
      ['Epoch 2: LearningRateScheduler setting learning rate to 2.0.', 'info'],
    ]);
  });

  it('rejects a schedule that is not a function or returns something else than a number', () => {
    const bad = { schedule: 0.1 } as unknown as { schedule: (e: number, lr: number) => number };
    expect(() => new LearningRateScheduler(bad)).toThrow(ValueError);
    expect(() => new LearningRateScheduler(bad)).toThrow('LearningRateScheduler: schedule must be a function (epoch, learningRate) => number, received schedule=0.1');
    const { model } = compiledModel(1);
    const cb = new LearningRateScheduler({ schedule: () => '0.1' as unknown as number });
    cb.setModel(model);
    expect(() => cb.onEpochBegin(0)).toThrow(ValueError);
    expect(() => cb.onEpochBegin(0)).toThrow("LearningRateScheduler: the output of the schedule function should be a number, received learningRate='0.1'");
  });

  it('needs a compiled model', () => {
    const cb = new LearningRateScheduler({ schedule: (_e, lr) => lr });
    expect(() => cb.onEpochBegin(0)).toThrow('LearningRateScheduler: the callback has no model; pass it to fit() or call setModel(model) first');
    cb.setModel(new Sequential({ layers: [new Dense({ units: 1, inputShape: [2] })] }));
    expect(() => cb.onEpochBegin(0)).toThrow(ValueError);
    expect(() => cb.onEpochBegin(0)).toThrow('LearningRateScheduler: the model has no optimizer; call compile() before fit()');
  });

  it('drives the optimizer during fit, as History shows', async () => {
    const { model } = compiledModel(1);
    model.setWeights(model.getWeights().map((w) => full(w.shape, 0)));
    const cb = new LearningRateScheduler({ schedule: (epoch) => 10 ** -(epoch + 1) });
    const history = await model.fit(tensor([[1, 0]]), tensor([[1]]), { epochs: 2, verbose: 0, callbacks: [cb] });
    expect(history.history['learning_rate']).toEqual([Math.fround(0.1), Math.fround(0.01)]);
    // One sample x = [1, 0], y = 1, weights 0: the gradient of (w·x + b - 1)² is -2 for w0 and b, so w0 = b = 0.2 after
    // the first step; then w0 + b = 0.4 and the gradient is -1.2, so w0 = b = 0.2 + 0.012 = 0.212.
    expect(model.getWeights()[1].data[0]).toBeCloseTo(0.212, 6);
  });
});
