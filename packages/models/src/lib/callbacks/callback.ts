// The hooks are no-ops by design: a callback overrides only the ones it needs.
/* eslint-disable @typescript-eslint/no-empty-function */
import type { Model } from '../model';

/** Numbers a training step reports: `loss`, metrics, and `val_*` at epoch end. */
export type Logs = Record<string, number>;

/** What `fit`/`evaluate`/`predict` tell callbacks about the run (Keras's `callback.params`). */
export interface CallbackParams {
  epochs: number;
  steps: number;
  verbose: number;
}

/**
 * The base of every callback (`keras.callbacks.Callback`). Override the hooks you need; a hook may
 * return a promise, which the training loop awaits.
 *
 * @example
 * class Print extends Callback {
 *   override onEpochEnd(epoch: number, logs: Logs) { console.log(epoch, logs.loss); }
 * }
 */
export class Callback {
  model: Model | null = null;
  params: CallbackParams = { epochs: 1, steps: 0, verbose: 0 };

  setModel(model: Model): void {
    this.model = model;
  }

  setParams(params: CallbackParams): void {
    this.params = params;
  }

  onTrainBegin(_logs?: Logs): void | Promise<void> {}
  onTrainEnd(_logs?: Logs): void | Promise<void> {}
  onEpochBegin(_epoch: number, _logs?: Logs): void | Promise<void> {}
  onEpochEnd(_epoch: number, _logs?: Logs): void | Promise<void> {}
  onTrainBatchBegin(_batch: number, _logs?: Logs): void | Promise<void> {}
  onTrainBatchEnd(_batch: number, _logs?: Logs): void | Promise<void> {}
  onTestBegin(_logs?: Logs): void | Promise<void> {}
  onTestEnd(_logs?: Logs): void | Promise<void> {}
  onTestBatchBegin(_batch: number, _logs?: Logs): void | Promise<void> {}
  onTestBatchEnd(_batch: number, _logs?: Logs): void | Promise<void> {}
  onPredictBegin(_logs?: Logs): void | Promise<void> {}
  onPredictEnd(_logs?: Logs): void | Promise<void> {}
  onPredictBatchBegin(_batch: number, _logs?: Logs): void | Promise<void> {}
  onPredictBatchEnd(_batch: number, _logs?: Logs): void | Promise<void> {}
}

type Hook = Exclude<keyof Callback, 'model' | 'params' | 'setModel' | 'setParams'>;

/** Runs one hook on every callback in order, awaiting each (Keras's `CallbackList`). */
export class CallbackList {
  constructor(readonly callbacks: Callback[]) {}

  setModel(model: Model): void {
    for (const c of this.callbacks) c.setModel(model);
  }

  setParams(params: CallbackParams): void {
    for (const c of this.callbacks) c.setParams(params);
  }

  async call(hook: Hook, ...args: unknown[]): Promise<void> {
    for (const c of this.callbacks) {
      const r = (c[hook] as (...a: unknown[]) => void | Promise<void>).apply(c, args);
      if (r) await r;
    }
  }
}
