import { StrataError } from '@strata/tensor';
import { Callback, Logs } from './callback';
import { CallbackLog, defaultLog, requireModel } from './callback-utils';

/** Options of `new TerminateOnNaN(...)`. */
export interface TerminateOnNaNArgs {
  /**
   * Throw at once (skipping every callback's `onTrainEnd`) instead of stopping training
   * gracefully. Default false.
   */
  raiseError?: boolean;
  /** Where the message goes (default: the console). */
  log?: CallbackLog;
}

/**
 * Stops training when a batch's loss is NaN or infinite (`keras.callbacks.TerminateOnNaN`): it
 * sets `model.stopTraining`, so `fit` ends after that batch and still runs `onTrainEnd`; with
 * `raiseError` it throws a `StrataError` instead.
 *
 * @example
 * await model.fit(x, y, { epochs: 10, callbacks: [new TerminateOnNaN()] });
 */
export class TerminateOnNaN extends Callback {
  readonly raiseError: boolean;
  private readonly log: CallbackLog;

  constructor(args: TerminateOnNaNArgs = {}) {
    super();
    this.raiseError = args.raiseError ?? false;
    this.log = args.log ?? defaultLog;
  }

  override onTrainBatchEnd(batch: number, logs: Logs = {}): void {
    const loss = logs['loss'];
    if (loss === undefined || loss === null || Number.isFinite(loss)) return;
    if (this.raiseError) {
      throw new StrataError(`NaN or Inf loss encountered at batch ${batch}. Loss value: ${loss}. Terminating training immediately.`);
    }
    this.log(`Batch ${batch}: Invalid loss, terminating training`, 'info');
    requireModel(this.model, 'TerminateOnNaN').stopTraining = true;
  }
}
