import { ValueError, show } from '@strata/tensor';
import { Callback, Logs } from './callback';
import { CallbackLog, defaultLog, optimizerOf, requireModel } from './callback-utils';
import { floatRepr } from './python-format';

/** Options of `new LearningRateScheduler(...)`. */
export interface LearningRateSchedulerArgs {
  /** The learning rate of an epoch (0-based) given the current one. */
  schedule: (epoch: number, learningRate: number) => number;
  /** 1 prints each new learning rate. Default 0. */
  verbose?: number;
  /** Where messages go (default: the console). */
  log?: CallbackLog;
}

/**
 * Sets the optimizer's learning rate at the start of every epoch to
 * `schedule(epoch, currentLearningRate)` (`keras.callbacks.LearningRateScheduler`), and logs the
 * rate in use as `learning_rate` at each epoch end (so `History` records it, as in Keras).
 *
 * @example
 * const scheduler = new LearningRateScheduler({ schedule: (epoch, lr) => (epoch < 10 ? lr : lr * Math.exp(-0.1)) });
 * await model.fit(x, y, { epochs: 15, callbacks: [scheduler] });
 */
export class LearningRateScheduler extends Callback {
  readonly schedule: (epoch: number, learningRate: number) => number;
  readonly verbose: number;
  private readonly log: CallbackLog;

  constructor(args: LearningRateSchedulerArgs) {
    super();
    if (typeof args?.schedule !== 'function') {
      throw new ValueError(`LearningRateScheduler: schedule must be a function (epoch, learningRate) => number, received schedule=${show(args?.schedule)}`);
    }
    this.schedule = args.schedule;
    this.verbose = args.verbose ?? 0;
    this.log = args.log ?? defaultLog;
  }

  override onEpochBegin(epoch: number): void {
    const optimizer = optimizerOf(requireModel(this.model, 'LearningRateScheduler'), 'LearningRateScheduler');
    const lr: unknown = this.schedule(epoch, optimizer.learningRate);
    if (typeof lr !== 'number') {
      throw new ValueError(`LearningRateScheduler: the output of the schedule function should be a number, received learningRate=${show(lr)}`);
    }
    optimizer.learningRate = lr;
    if (this.verbose > 0) this.log(`Epoch ${epoch + 1}: LearningRateScheduler setting learning rate to ${floatRepr(lr)}.`, 'info');
  }

  override onEpochEnd(_epoch: number, logs: Logs = {}): void {
    logs['learning_rate'] = optimizerOf(requireModel(this.model, 'LearningRateScheduler'), 'LearningRateScheduler').learningRate;
  }
}
