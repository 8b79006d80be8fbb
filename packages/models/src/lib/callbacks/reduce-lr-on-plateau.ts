import { ValueError, show } from '@strata/tensor';
import { Logs } from './callback';
import { CallbackLog, optimizerOf, requireModel } from './callback-utils';
import { MonitorCallback, MonitorMode } from './monitor-callback';
import { floatRepr } from './python-format';

/** Options of `new ReduceLROnPlateau(...)`, Keras's arguments in camelCase. */
export interface ReduceLROnPlateauArgs {
  /** The logged quantity to watch. Default `'val_loss'`. */
  monitor?: string;
  /** The learning rate is multiplied by this; must be below 1. Default 0.1. */
  factor?: number;
  /** Epochs without improvement before reducing. Default 10. */
  patience?: number;
  /** 1 prints each reduction. Default 0. */
  verbose?: number;
  /** `'min'`, `'max'` or `'auto'` (infer from the metric). Default `'auto'`. */
  mode?: MonitorMode;
  /** The smallest change that counts as an improvement. Default 1e-4. */
  minDelta?: number;
  /** Epochs to wait after a reduction before counting again. Default 0. */
  cooldown?: number;
  /** The learning rate never goes below this. Default 0. */
  minLr?: number;
  /** Where messages and warnings go (default: the console). */
  log?: CallbackLog;
}

/**
 * Reduces the learning rate when a metric has stopped improving
 * (`keras.callbacks.ReduceLROnPlateau`): after `patience` epochs without improvement,
 * `lr ← max(lr · factor, minLr)`, then `cooldown` epochs of rest. Logs the rate in use as
 * `learning_rate` at every epoch end, as Keras.
 *
 * @example
 * const reduce = new ReduceLROnPlateau({ monitor: 'val_loss', factor: 0.2, patience: 5, minLr: 0.001 });
 * await model.fit(x, y, { epochs: 50, validationSplit: 0.1, callbacks: [reduce] });
 */
export class ReduceLROnPlateau extends MonitorCallback {
  readonly factor: number;
  readonly patience: number;
  readonly verbose: number;
  readonly cooldown: number;
  readonly minLr: number;
  /** Epochs of cooldown left. */
  cooldownCounter = 0;
  /** Epochs since the last improvement. */
  wait = 0;

  constructor(args: ReduceLROnPlateauArgs = {}) {
    super('ReduceLROnPlateau', args.monitor ?? 'val_loss', args.mode ?? 'auto', null, args.minDelta ?? 1e-4, args.log);
    const factor = args.factor ?? 0.1;
    if (!(factor < 1)) {
      throw new ValueError(`ReduceLROnPlateau: factor must be less than 1.0 (ReduceLROnPlateau does not support a factor >= 1.0), received factor=${show(factor)}`);
    }
    this.factor = factor;
    this.patience = args.patience ?? 10;
    this.verbose = args.verbose ?? 0;
    this.cooldown = args.cooldown ?? 0;
    this.minLr = args.minLr ?? 0;
  }

  override onTrainBegin(): void {
    this.best = null;
    this.cooldownCounter = 0;
    this.wait = 0;
  }

  /** Whether a cooldown is running. */
  inCooldown(): boolean {
    return this.cooldownCounter > 0;
  }

  override onEpochEnd(epoch: number, logs: Logs = {}): void {
    if (!this.monitorOp) this.setMonitorOp();
    const optimizer = optimizerOf(requireModel(this.model, 'ReduceLROnPlateau'), 'ReduceLROnPlateau');
    logs['learning_rate'] = optimizer.learningRate;
    const current = logs[this.monitor];
    if (current === undefined || current === null) {
      this.warnOnce(
        `Learning rate reduction is conditioned on metric \`${this.monitor}\` which is not available. Available metrics are: ${Object.keys(logs).join(',')}.`,
      );
      return;
    }
    if (this.inCooldown()) {
      this.cooldownCounter -= 1;
      this.wait = 0;
    }
    if (this.isImprovement(current, this.best)) {
      this.best = current;
      this.wait = 0;
    } else if (!this.inCooldown()) {
      this.wait += 1;
      if (this.wait >= this.patience) {
        const oldLr = optimizer.learningRate;
        // Keras compares with the float32 of minLr, as the optimizer holds a float32 variable.
        if (oldLr > Math.fround(this.minLr)) {
          const newLr = Math.max(oldLr * this.factor, this.minLr);
          optimizer.learningRate = newLr;
          if (this.verbose > 0) this.log(`Epoch ${epoch + 1}: ReduceLROnPlateau reducing learning rate to ${floatRepr(newLr)}.`, 'info');
          this.cooldownCounter = this.cooldown;
          this.wait = 0;
        }
      }
    }
  }
}
