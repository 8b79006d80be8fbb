import { Tensor, fromData } from '@strata/tensor';
import { Logs } from './callback';
import { CallbackLog, requireModel } from './callback-utils';
import { MonitorCallback, MonitorMode } from './monitor-callback';

/** Options of `new EarlyStopping(...)`, Keras's arguments in camelCase. */
export interface EarlyStoppingArgs {
  /** The logged quantity to watch. Default `'val_loss'`. */
  monitor?: string;
  /** The smallest change that counts as an improvement (its sign is ignored). Default 0. */
  minDelta?: number;
  /** Epochs without improvement before stopping. Default 0. */
  patience?: number;
  /** 1 prints when it stops and when it restores weights. Default 0. */
  verbose?: number;
  /** `'min'`, `'max'`, or `'auto'` (infer from the metric, as Keras). Default `'auto'`. */
  mode?: MonitorMode;
  /** Training stops unless the monitored value beats this within `patience` epochs. Default null. */
  baseline?: number | null;
  /** At the end of training, restore the weights of the best epoch. Default false. */
  restoreBestWeights?: boolean;
  /** Epochs of warm-up before monitoring starts. Default 0. */
  startFromEpoch?: number;
  /** Where messages and warnings go (default: the console). */
  log?: CallbackLog;
}

/**
 * Stops training when a monitored quantity has stopped improving (`keras.callbacks.EarlyStopping`).
 *
 * At each epoch end, after `startFromEpoch` epochs: an improvement (see `MonitorCallback`) records
 * the value (and, with `restoreBestWeights`, the weights) and resets the wait unless a `baseline`
 * is not beaten; otherwise, once `patience` epochs have passed without one (and never at epoch 0),
 * it sets `model.stopTraining`.
 *
 * @example
 * const stop = new EarlyStopping({ monitor: 'loss', patience: 3, restoreBestWeights: true });
 * await model.fit(x, y, { epochs: 100, callbacks: [stop] });
 * stop.stoppedEpoch; // the 0-based epoch at which it stopped, 0 if it never did
 */
export class EarlyStopping extends MonitorCallback {
  readonly patience: number;
  readonly verbose: number;
  readonly baseline: number | null;
  readonly restoreBestWeights: boolean;
  readonly startFromEpoch: number;
  /** Epochs since the last improvement. */
  wait = 0;
  /** The epoch that stopped training, 0 if none did. */
  stoppedEpoch = 0;
  /** The epoch of the best value. */
  bestEpoch = 0;
  /** Copies of the weights at the best epoch (with `restoreBestWeights`). */
  bestWeights: Tensor[] | null = null;

  constructor(args: EarlyStoppingArgs = {}) {
    // As Keras: the baseline is not the initial best, it only gates resetting the wait.
    super('EarlyStopping', args.monitor ?? 'val_loss', args.mode ?? 'auto', null, args.minDelta ?? 0, args.log);
    this.patience = args.patience ?? 0;
    this.verbose = args.verbose ?? 0;
    this.baseline = args.baseline ?? null;
    this.restoreBestWeights = args.restoreBestWeights ?? false;
    this.startFromEpoch = args.startFromEpoch ?? 0;
  }

  override onTrainBegin(): void {
    // Reset so one instance can serve several fit() calls.
    this.wait = 0;
    this.stoppedEpoch = 0;
    this.best = null;
    this.bestWeights = null;
    this.bestEpoch = 0;
  }

  override onEpochEnd(epoch: number, logs: Logs = {}): void {
    if (!this.monitorOp) this.setMonitorOp();
    const current = this.getMonitorValue(logs);
    if (current === undefined || epoch < this.startFromEpoch) return;
    const model = requireModel(this.model, 'EarlyStopping');
    if (this.restoreBestWeights && this.bestWeights === null) {
      // Until something improves, the current weights are the best.
      this.bestWeights = copyWeights(model.getWeights());
      this.bestEpoch = epoch;
    }
    this.wait += 1;
    if (this.isImprovement(current, this.best)) {
      this.best = current;
      this.bestEpoch = epoch;
      if (this.restoreBestWeights) this.bestWeights = copyWeights(model.getWeights());
      // Restart the wait only when beating both the baseline and the previous best.
      if (this.baseline === null || this.isImprovement(current, this.baseline)) this.wait = 0;
      return;
    }
    if (this.wait >= this.patience && epoch > 0) {
      this.stoppedEpoch = epoch;
      model.stopTraining = true;
    }
  }

  override onTrainEnd(): void {
    if (this.stoppedEpoch > 0 && this.verbose > 0) this.log(`Epoch ${this.stoppedEpoch + 1}: early stopping`, 'info');
    if (this.restoreBestWeights && this.bestWeights !== null) {
      if (this.verbose > 0) this.log(`Restoring model weights from the end of the best epoch: ${this.bestEpoch + 1}.`, 'info');
      requireModel(this.model, 'EarlyStopping').setWeights(this.bestWeights);
    }
  }

  /** The monitored value in `logs`; warns (as Keras) when it is missing. */
  getMonitorValue(logs: Logs): number | undefined {
    const value = logs[this.monitor];
    if (value === undefined || value === null) {
      this.warnOnce(
        `Early stopping conditioned on metric \`${this.monitor}\` which is not available. Available metrics are: ${Object.keys(logs).join(',')}`,
      );
      return undefined;
    }
    return value;
  }
}

// Keras's get_weights returns copies; ours returns the live tensors, which an optimizer may update in place.
function copyWeights(ws: Tensor[]): Tensor[] {
  return ws.map((w) => fromData(w.data, w.shape, w.dtype));
}
