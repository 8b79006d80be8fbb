import { Dense } from '@strata/layers';
import { SGD } from '@strata/optimizers';
import { ValueError, full, tensor } from '@strata/tensor';
import type { Model } from '../model';
import { Sequential } from '../sequential';
import { Compiled } from '../training/compile';
import { ReduceLROnPlateau } from './reduce-lr-on-plateau';

function compiledModel(lr: number): { model: Model; optimizer: SGD } {
  const model = new Sequential({ layers: [new Dense({ units: 1, inputShape: [2] })] });
  const optimizer = new SGD({ learningRate: lr });
  model.compile({ optimizer, loss: 'mse' });
  return { model, optimizer };
}

/** Drives the callback with per-epoch losses; returns the logged and the resulting learning rates. */
function drive(cb: ReduceLROnPlateau, losses: number[], lr = 1): { logged: number[]; after: number[] } {
  const { model, optimizer } = compiledModel(lr);
  cb.setModel(model);
  cb.onTrainBegin();
  const logged: number[] = [];
  const after: number[] = [];
  losses.forEach((loss, epoch) => {
    const logs: Record<string, number> = { loss };
    cb.onEpochEnd(epoch, logs);
    logged.push(logs['learning_rate']);
    after.push(optimizer.learningRate);
  });
  return { logged, after };
}

// Expected rates: keras.callbacks.ReduceLROnPlateau 3.15.1 driven the same way with keras.optimizers.SGD
// (whose float32 learning-rate variable gives 0.10000000149011612 for 0.1).
describe('ReduceLROnPlateau', () => {
  it('multiplies the rate by factor after patience epochs without improvement', () => {
    expect(drive(new ReduceLROnPlateau({ monitor: 'loss', factor: 0.5, patience: 2 }), [1, 1, 1, 1, 1, 1])).toEqual({
      logged: [1, 1, 1, 0.5, 0.5, 0.25],
      after: [1, 1, 0.5, 0.5, 0.25, 0.25],
    });
  });

  it('rests for cooldown epochs after a reduction', () => {
    const { after } = drive(new ReduceLROnPlateau({ monitor: 'loss', factor: 0.1, patience: 1, cooldown: 2 }), [1, 1, 1, 1, 1, 1]);
    expect(after).toEqual([1.0, 0.10000000149011612, 0.10000000149011612, 0.009999999776482582, 0.009999999776482582, 0.0009999999310821295]);
  });

  it('never goes below minLr', () => {
    const { after } = drive(new ReduceLROnPlateau({ monitor: 'loss', factor: 0.1, patience: 0, minLr: 0.05 }), [1, 1, 1, 1]);
    expect(after).toEqual([1.0, 0.10000000149011612, 0.05000000074505806, 0.05000000074505806]);
  });

  it('counts a change below minDelta as no improvement', () => {
    const { after } = drive(new ReduceLROnPlateau({ monitor: 'loss', factor: 0.5, patience: 1 }), [1, 0.99995, 0.9999, 0.9998]);
    expect(after).toEqual([1, 0.5, 0.25, 0.25]);
  });

  it('raises the bar in max mode', () => {
    const { after } = drive(new ReduceLROnPlateau({ monitor: 'loss', mode: 'max', factor: 0.5, patience: 1, minDelta: 0 }), [1, 2, 2, 3]);
    expect(after).toEqual([1, 1, 0.5, 0.5]);
  });

  it('prints each reduction when verbose', () => {
    const log = jest.fn();
    drive(new ReduceLROnPlateau({ monitor: 'loss', factor: 0.5, patience: 1, verbose: 1, log }), [1, 1, 1]);
    expect(log.mock.calls).toEqual([
      ['Epoch 2: ReduceLROnPlateau reducing learning rate to 0.5.', 'info'],
      ['Epoch 3: ReduceLROnPlateau reducing learning rate to 0.25.', 'info'],
    ]);
  });

  it('warns when the monitored value is missing', () => {
    const log = jest.fn();
    const { after } = drive(new ReduceLROnPlateau({ patience: 0, log }), [1, 1]);
    expect(after).toEqual([1, 1]);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledWith('Learning rate reduction is conditioned on metric `val_loss` which is not available. Available metrics are: loss,learning_rate.', 'warn');
  });

  it('rejects a factor of 1 or more, as Keras', () => {
    for (const factor of [1, 1.5]) {
      expect(() => new ReduceLROnPlateau({ factor })).toThrow(ValueError);
      expect(() => new ReduceLROnPlateau({ factor })).toThrow(
        `ReduceLROnPlateau: factor must be less than 1.0 (ReduceLROnPlateau does not support a factor >= 1.0), received factor=${factor}`,
      );
    }
  });

  it('needs a compiled model whose optimizer has a learning rate', () => {
    const cb = new ReduceLROnPlateau({ monitor: 'loss' });
    const model = new Sequential({ layers: [new Dense({ units: 1, inputShape: [2] })] });
    cb.setModel(model);
    expect(() => cb.onEpochEnd(0, { loss: 1 })).toThrow(ValueError);
    expect(() => cb.onEpochEnd(0, { loss: 1 })).toThrow('ReduceLROnPlateau: the model has no optimizer; call compile() before fit()');
    model.compiled = { optimizer: {} } as unknown as Compiled;
    expect(() => cb.onEpochEnd(0, { loss: 1 })).toThrow('ReduceLROnPlateau: the optimizer must have a numeric learningRate property, received learningRate=undefined');
  });

  it('reduces during fit and records learning_rate in the history', async () => {
    // Zero weights and zero targets: the loss stays 0 and never improves after epoch 0.
    const { model } = compiledModel(0.01);
    model.setWeights(model.getWeights().map((w) => full(w.shape, 0)));
    const cb = new ReduceLROnPlateau({ monitor: 'loss', patience: 1 });
    const history = await model.fit(tensor([[1, 2], [3, 4]]), tensor([[0], [0]]), { epochs: 4, verbose: 0, callbacks: [cb] });
    const f = Math.fround;
    expect(history.history['learning_rate']).toEqual([f(0.01), f(0.01), f(f(0.01) * 0.1), f(f(f(0.01) * 0.1) * 0.1)]);
    expect(history.history['loss']).toEqual([0, 0, 0, 0]);
  });
});
