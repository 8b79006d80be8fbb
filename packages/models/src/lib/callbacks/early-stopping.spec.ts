import { Dense } from '@strata/layers';
import { SGD } from '@strata/optimizers';
import { ValueError, full, tensor } from '@strata/tensor';
import type { Model } from '../model';
import { Sequential } from '../sequential';
import { Compiled } from '../training/compile';
import { EarlyStopping } from './early-stopping';
import { LambdaCallback } from './lambda-callback';

function denseModel(): Sequential {
  return new Sequential({ layers: [new Dense({ units: 1, inputShape: [2] })] });
}

function fill(model: Model, value: number): void {
  model.setWeights(model.getWeights().map((w) => full(w.shape, value)));
}

/** Metric stand-ins: Keras's class names, or an explicit direction. */
class BinaryAccuracy {
  constructor(readonly name: string) {}
}
class MeanSquaredError {
  constructor(readonly name: string) {}
}
class Custom {
  constructor(readonly name: string, readonly direction?: 'up' | 'down') {}
}

function withMetrics(metrics: object[]): Model {
  const model = denseModel();
  model.compiled = { metrics: [metrics] } as unknown as Compiled;
  return model;
}

/** Runs the callback over per-epoch values of `monitor` the way fit does; returns the epochs run. */
function drive(stop: EarlyStopping, model: Model, values: number[], monitor = 'val_loss', each?: (epoch: number) => void): number {
  stop.setModel(model);
  model.stopTraining = false;
  stop.onTrainBegin();
  let epochs = 0;
  for (let epoch = 0; epoch < values.length && !model.stopTraining; epoch++) {
    epochs++;
    each?.(epoch);
    stop.onEpochEnd(epoch, { [monitor]: values[epoch] });
  }
  stop.onTrainEnd();
  return epochs;
}

describe('EarlyStopping', () => {
  it('stops after patience epochs without improvement (Keras test_early_stopping_patience)', () => {
    const losses = [10, 9, 8, 9, 8.9, 8.8, 8.7, 8.6, 8.5];
    for (const patience of [0, 1, 2, 3]) {
      const stop = new EarlyStopping({ monitor: 'loss', patience });
      drive(stop, denseModel(), losses, 'loss');
      expect(stop.stoppedEpoch).toBe(Math.max(patience, 1) + 2);
    }
  });

  it('counts a change within minDelta as no improvement, whatever the sign of minDelta', () => {
    const stop = new EarlyStopping({ monitor: 'loss', patience: 1, minDelta: -0.5 });
    // 9.6 is within minDelta of 10: no improvement; 9.4 would have been one.
    expect(drive(stop, denseModel(), [10, 9.6, 9.4, 9.0], 'loss')).toBe(2);
    expect(stop.minDelta).toBe(-0.5);
    expect(stop.best).toBe(10);
  });

  it('restores the weights of the best epoch', () => {
    const stop = new EarlyStopping({ patience: 2, restoreBestWeights: true });
    const model = denseModel();
    const epochs = drive(stop, model, [0.2, 0.15, 0.1, 0.11, 0.12], 'val_loss', (e) => fill(model, e));
    expect(epochs).toBe(5);
    expect(stop.stoppedEpoch).toBe(4);
    expect(stop.bestEpoch).toBe(2);
    expect(model.getWeights().map((w) => w.toArray())).toEqual([[[2], [2]], [2]]);
  });

  it('restores the best epoch even when no epoch beats the baseline', () => {
    const stop = new EarlyStopping({ patience: 5, baseline: 0.5, restoreBestWeights: true });
    const model = denseModel();
    const epochs = drive(stop, model, [0.9, 0.8, 0.7, 0.71, 0.72, 0.73], 'val_loss', (e) => fill(model, e));
    expect(epochs).toBe(5);
    expect(model.getWeights()[1].toArray()).toEqual([2]);
  });

  it('restores the best weights when another callback stops training', () => {
    const stop = new EarlyStopping({ patience: 5, baseline: 0.5, restoreBestWeights: true });
    const model = denseModel();
    const epochs = drive(stop, model, [0.9, 0.8, 0.7, 0.71, 0.72, 0.73], 'val_loss', (e) => {
      fill(model, e);
      if (e === 3) model.stopTraining = true;
    });
    expect(epochs).toBe(4);
    expect(model.getWeights()[1].toArray()).toEqual([2]);
  });

  it('keeps copies of the best weights, safe from in-place updates', () => {
    const stop = new EarlyStopping({ monitor: 'loss', patience: 1, restoreBestWeights: true });
    const model = denseModel();
    fill(model, 1);
    drive(stop, model, [1, 2, 3], 'loss', (e) => {
      if (e > 0) for (const w of model.getWeights()) (w.data as Float32Array).fill(7);
    });
    expect(model.getWeights()[1].toArray()).toEqual([1]);
  });

  it('resets wait, best and stopped epoch on each fit', () => {
    const stop = new EarlyStopping({ monitor: 'loss', patience: 1 });
    drive(stop, denseModel(), [1, 2, 3], 'loss');
    expect(stop.stoppedEpoch).toBe(1);
    stop.onTrainBegin();
    expect([stop.wait, stop.stoppedEpoch, stop.bestEpoch, stop.best, stop.bestWeights]).toEqual([0, 0, 0, null, null]);
  });

  it('waits startFromEpoch epochs before monitoring', () => {
    const stop = new EarlyStopping({ monitor: 'loss', patience: 0, startFromEpoch: 3 });
    expect(drive(stop, denseModel(), [5, 6, 7, 8, 9, 10], 'loss')).toBe(5);
    expect(stop.stoppedEpoch).toBe(4);
    expect(stop.bestEpoch).toBe(3);
  });

  it('infers the direction in auto mode as Keras', () => {
    const model = withMetrics([new BinaryAccuracy('acc'), new MeanSquaredError('mse'), new Custom('score', 'up'), new Custom('odd')]);
    const cases: [string, 'auto' | 'min' | 'max', number[], number][] = [
      // [monitor, mode, values, epochs run with patience 1]: rising values stop a min monitor at epoch 1.
      ['val_loss', 'auto', [1, 2, 3], 2],
      ['loss', 'auto', [3, 2, 1], 3],
      ['val_acc', 'auto', [1, 2, 3], 3],
      ['acc', 'auto', [3, 2, 1], 2],
      ['val_mse', 'auto', [1, 2, 3], 2],
      ['score', 'auto', [1, 2, 3], 3],
      ['val_mse', 'max', [1, 2, 3], 3],
      ['odd', 'min', [1, 2, 3], 2],
    ];
    for (const [monitor, mode, values, epochs] of cases) {
      expect([monitor, mode, drive(new EarlyStopping({ monitor, mode, patience: 1 }), model, values, monitor)]).toEqual([monitor, mode, epochs]);
    }
  });

  it('throws when auto mode cannot tell the direction', () => {
    for (const monitor of ['odd', 'unknown']) {
      const stop = new EarlyStopping({ monitor, patience: 0 });
      stop.setModel(withMetrics([new Custom('odd')]));
      stop.onTrainBegin();
      expect(() => stop.onEpochEnd(0, { [monitor]: 1 })).toThrow(ValueError);
      expect(() => stop.onEpochEnd(0, { [monitor]: 1 })).toThrow(
        new RegExp(`^EarlyStopping: mode 'auto' cannot tell whether the monitored metric should be maximized or minimized; .*received monitor='${monitor}'$`),
      );
    }
  });

  it('warns when the monitored value is missing, and does nothing else', () => {
    const log = jest.fn();
    const stop = new EarlyStopping({ monitor: 'val_loss', log });
    const model = denseModel();
    stop.setModel(model);
    stop.onTrainBegin();
    stop.onEpochEnd(0, { loss: 1, accuracy: 0.5 });
    stop.onEpochEnd(1, { loss: 2, accuracy: 0.5 });
    stop.onEpochEnd(2, { loss: 2 });
    // Once per distinct message, as Python's warnings filter.
    expect(log.mock.calls).toEqual([
      ['Early stopping conditioned on metric `val_loss` which is not available. Available metrics are: loss,accuracy', 'warn'],
      ['Early stopping conditioned on metric `val_loss` which is not available. Available metrics are: loss', 'warn'],
    ]);
    expect(model.stopTraining).toBe(false);
  });

  it('warns on an unknown mode and falls back to auto', () => {
    const log = jest.fn();
    const stop = new EarlyStopping({ mode: 'sideways' as 'min', log });
    expect(stop.mode).toBe('auto');
    expect(log).toHaveBeenCalledWith("EarlyStopping mode 'sideways' is unknown, fallback to auto mode.", 'warn');
  });

  it('prints what it did when verbose', () => {
    const log = jest.fn();
    const stop = new EarlyStopping({ monitor: 'loss', verbose: 1, restoreBestWeights: true, log });
    drive(stop, denseModel(), [1, 0.5, 0.7], 'loss');
    expect(log.mock.calls).toEqual([
      ['Epoch 3: early stopping', 'info'],
      ['Restoring model weights from the end of the best epoch: 2.', 'info'],
    ]);
  });

  it('needs a model', () => {
    const stop = new EarlyStopping({ monitor: 'loss' });
    expect(() => stop.onEpochEnd(0, { loss: 1 })).toThrow(ValueError);
    expect(() => stop.onEpochEnd(0, { loss: 1 })).toThrow(/EarlyStopping: the callback has no model/);
  });

  it('stops fit early and restores the best weights', async () => {
    // Plain gradient descent with too large a step diverges: the loss grows from the first epoch on.
    const model = denseModel();
    fill(model, 0.5);
    model.compile({ optimizer: new SGD({ learningRate: 1 }), loss: 'mse' });
    let afterFirst: number[][] = [];
    const record = new LambdaCallback({ onEpochEnd: (epoch) => void (epoch === 0 && (afterFirst = model.getWeights().map((w) => Array.from(w.data)))) });
    const stop = new EarlyStopping({ monitor: 'loss', patience: 2, restoreBestWeights: true });
    const x = tensor([[1, 2], [3, 4], [5, 6]]);
    const y = tensor([[1], [2], [3]]);
    const history = await model.fit(x, y, { epochs: 10, batchSize: 3, shuffle: false, verbose: 0, callbacks: [record, stop] });
    const losses = history.history['loss'];
    expect(losses[1]).toBeGreaterThan(losses[0]);
    expect(losses[2]).toBeGreaterThan(losses[1]);
    expect(history.epoch).toEqual([0, 1, 2]);
    expect(stop.stoppedEpoch).toBe(2);
    expect(model.getWeights().map((w) => Array.from(w.data))).toEqual(afterFirst);
  });
});
