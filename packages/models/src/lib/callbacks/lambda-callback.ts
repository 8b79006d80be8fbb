import { ValueError, show } from '@strata/tensor';
import { Callback, Logs } from './callback';

type EpochHook = (epoch: number, logs?: Logs) => void | Promise<void>;
type BatchHook = (batch: number, logs?: Logs) => void | Promise<void>;
type LogsHook = (logs?: Logs) => void | Promise<void>;

/** Options of `new LambdaCallback(...)`: any hook of `Callback`, as a function. */
export interface LambdaCallbackArgs {
  onEpochBegin?: EpochHook;
  onEpochEnd?: EpochHook;
  onTrainBegin?: LogsHook;
  onTrainEnd?: LogsHook;
  onTrainBatchBegin?: BatchHook;
  onTrainBatchEnd?: BatchHook;
  onTestBegin?: LogsHook;
  onTestEnd?: LogsHook;
  onTestBatchBegin?: BatchHook;
  onTestBatchEnd?: BatchHook;
  onPredictBegin?: LogsHook;
  onPredictEnd?: LogsHook;
  onPredictBatchBegin?: BatchHook;
  onPredictBatchEnd?: BatchHook;
}

const HOOKS = [
  'onEpochBegin', 'onEpochEnd', 'onTrainBegin', 'onTrainEnd', 'onTrainBatchBegin', 'onTrainBatchEnd',
  'onTestBegin', 'onTestEnd', 'onTestBatchBegin', 'onTestBatchEnd',
  'onPredictBegin', 'onPredictEnd', 'onPredictBatchBegin', 'onPredictBatchEnd',
] as const;

/**
 * A callback made of plain functions (`keras.callbacks.LambdaCallback`, with Keras's `on_epoch_end`
 * and friends in camelCase). A function may return a promise, which training awaits.
 *
 * @example
 * const printLoss = new LambdaCallback({ onEpochEnd: (epoch, logs) => console.log(epoch, logs?.loss) });
 * await model.fit(x, y, { epochs: 5, callbacks: [printLoss] });
 */
export class LambdaCallback extends Callback {
  constructor(args: LambdaCallbackArgs = {}) {
    super();
    // Python habits (`on_epoch_end`) would otherwise be ignored silently.
    const unknown = Object.keys(args).filter((k) => !(HOOKS as readonly string[]).includes(k));
    if (unknown.length) {
      throw new ValueError(`LambdaCallback: unknown option ${show(unknown[0])}, expected one of ${HOOKS.join(', ')}, received ${unknown[0]}=${show((args as Record<string, unknown>)[unknown[0]])}`);
    }
    for (const hook of HOOKS) {
      const fn = args[hook];
      if (fn === undefined || fn === null) continue;
      if (typeof fn !== 'function') throw new ValueError(`LambdaCallback: ${hook} must be a function, received ${hook}=${show(fn)}`);
      (this as unknown as Record<string, unknown>)[hook] = fn;
    }
  }
}
