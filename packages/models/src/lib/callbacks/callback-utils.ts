import { ValueError, show } from '@strata/tensor';
import type { Model } from '../model';

/**
 * Where a callback's messages go: verbose progress (`'info'`) and Keras's warnings (`'warn'`).
 * The default prints with `console.log` / `console.warn`.
 * @example new EarlyStopping({ monitor: 'loss', verbose: 1, log: (message) => logger.info(message) });
 */
export type CallbackLog = (message: string, level: 'info' | 'warn') => void;

/** `console.log` for messages, `console.warn` for warnings (typed here: the library has no DOM/Node typings). */
export const defaultLog: CallbackLog = (message, level) => {
  const c = (globalThis as unknown as { console: { log(s: string): void; warn(s: string): void } }).console;
  if (level === 'warn') c.warn(message);
  else c.log(message);
};

/**
 * The model the callback was attached to (`fit` sets it).
 * @example const model = requireModel(this.model, 'EarlyStopping');
 */
export function requireModel(model: Model | null, who: string): Model {
  if (!model) throw new ValueError(`${who}: the callback has no model; pass it to fit() or call setModel(model) first`);
  return model;
}

/** The part of an optimizer learning-rate callbacks use. */
export interface LearningRateHolder {
  learningRate: number;
}

/**
 * The compiled optimizer of `model`, checked to have a numeric `learningRate` (as Keras checks `learning_rate`).
 * @example optimizerOf(model, 'ReduceLROnPlateau').learningRate *= 0.1;
 */
export function optimizerOf(model: Model, who: string): LearningRateHolder {
  const opt = model.compiled?.optimizer as unknown as Partial<LearningRateHolder> | undefined;
  if (!opt) throw new ValueError(`${who}: the model has no optimizer; call compile() before fit()`);
  if (typeof opt.learningRate !== 'number') {
    throw new ValueError(`${who}: the optimizer must have a numeric learningRate property, received learningRate=${show(opt.learningRate)}`);
  }
  return opt as LearningRateHolder;
}
