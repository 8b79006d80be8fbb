import { ValueError, show, snakeCase } from '@strata/tensor';
import { checkBoolean, checkNumber, checkOptionalNumber, checkRange } from './checks';
import { LearningRateSchedule } from './schedules/learning-rate-schedule';

/** A fixed learning rate or a schedule evaluated at the optimizer's iteration count. */
export type LearningRate = number | LearningRateSchedule;

/** The options every optimizer takes (Keras's base optimizer arguments, camelCased). */
export interface OptimizerOptions {
  /** A number or a {@link LearningRateSchedule}; each optimizer has its own default. */
  learningRate?: LearningRate;
  /** Decoupled weight decay: `w -= w * weightDecay * lr` before each update. Default null (none). */
  weightDecay?: number | null;
  /** Clip each gradient to this L2 norm. Default null. At most one of the three clip options. */
  clipnorm?: number | null;
  /** Clip each gradient element to `[-clipvalue, clipvalue]`. Default null. */
  clipvalue?: number | null;
  /** Clip all gradients together to this global L2 norm. Default null. */
  globalClipnorm?: number | null;
  /** Keep an exponential moving average of the variables. Default false. */
  useEma?: boolean;
  /** `average = emaMomentum * average + (1 - emaMomentum) * w`. Default 0.99; in [0, 1]. */
  emaMomentum?: number;
  /** Overwrite the variables with their averages every this many iterations. Default null (never). */
  emaOverwriteFrequency?: number | null;
  /** Gradients are divided by this before the update (the loss was multiplied by it). Default null. */
  lossScaleFactor?: number | null;
  /** Average the gradients of this many calls (an integer >= 2) and update once. Default null. */
  gradientAccumulationSteps?: number | null;
  /** Default: the snake_case class name, made unique (`'adam'`, `'adam_1'`, ...). */
  name?: string;
}

/** The validated base options, as an optimizer stores them. */
export interface OptimizerSettings {
  weightDecay: number | null;
  clipnorm: number | null;
  clipvalue: number | null;
  globalClipnorm: number | null;
  useEma: boolean;
  emaMomentum: number;
  emaOverwriteFrequency: number | null;
  lossScaleFactor: number | null;
  gradientAccumulationSteps: number | null;
}

/** Validates the base options as Keras's `BaseOptimizer.__init__` does (plus type checks). */
export function optimizerSettings(options: OptimizerOptions, who: string): OptimizerSettings {
  if (typeof options !== 'object' || options === null) {
    throw new ValueError(`${who}: options must be an object, received options=${show(options)}`);
  }
  const weightDecay = checkOptionalNumber(options.weightDecay, who, 'weight_decay');
  const clipnorm = checkOptionalNumber(options.clipnorm, who, 'clipnorm');
  const clipvalue = checkOptionalNumber(options.clipvalue, who, 'clipvalue');
  const globalClipnorm = checkOptionalNumber(options.globalClipnorm, who, 'global_clipnorm');
  if ([clipnorm, clipvalue, globalClipnorm].filter((c) => c !== null).length > 1) {
    throw new ValueError(
      `${who}: only one of clipnorm, clipvalue and global_clipnorm can be set, received clipnorm=${show(clipnorm)}, ` +
        `clipvalue=${show(clipvalue)}, global_clipnorm=${show(globalClipnorm)}`,
    );
  }
  const useEma = checkBoolean(options.useEma ?? false, who, 'use_ema');
  const emaMomentum = checkNumber(options.emaMomentum ?? 0.99, who, 'ema_momentum');
  const emaOverwriteFrequency = checkOptionalNumber(options.emaOverwriteFrequency, who, 'ema_overwrite_frequency');
  if (useEma) {
    checkRange(emaMomentum, 0, 1, who, 'ema_momentum');
    // Keras lets 0 through as "never", like null.
    if (emaOverwriteFrequency && !(Number.isInteger(emaOverwriteFrequency) && emaOverwriteFrequency >= 1)) {
      throw new ValueError(
        `${who}: ema_overwrite_frequency must be an integer >= 1 or null, received ema_overwrite_frequency=${emaOverwriteFrequency}`,
      );
    }
  }
  const lossScaleFactor = checkOptionalNumber(options.lossScaleFactor, who, 'loss_scale_factor');
  const steps = checkOptionalNumber(options.gradientAccumulationSteps, who, 'gradient_accumulation_steps');
  if (steps && !(Number.isInteger(steps) && steps >= 2)) {
    throw new ValueError(
      `${who}: gradient_accumulation_steps must be an integer >= 2, received gradient_accumulation_steps=${steps}`,
    );
  }
  return {
    weightDecay,
    clipnorm,
    clipvalue,
    globalClipnorm,
    useEma,
    emaMomentum,
    emaOverwriteFrequency,
    lossScaleFactor,
    gradientAccumulationSteps: steps,
  };
}

/** Throws a `ValueError` unless `value` is a number (not NaN) or a {@link LearningRateSchedule}. */
export function checkLearningRate(value: unknown, who: string): LearningRate {
  if (value instanceof LearningRateSchedule) return value;
  if (typeof value === 'number' && !Number.isNaN(value)) return value;
  throw new ValueError(
    `${who}: learning_rate must be a number or a LearningRateSchedule, received learning_rate=${show(value)}`,
  );
}

let uids = new Map<string, number>();

/** Keras's default names: the first Adam is `'adam'`, then `'adam_1'`, ... (`RMSprop` gives `'rm_sprop'`). */
export function uniqueOptimizerName(className: string): string {
  const base = snakeCase(className);
  const n = uids.get(base) ?? 0;
  uids.set(base, n + 1);
  return n === 0 ? base : `${base}_${n}`;
}

/** Restarts default optimizer names from `'adam'` (as `keras.backend.clear_session()` does). */
export function resetOptimizerNames(): void {
  uids = new Map();
}

/**
 * The options with `learningRate` defaulted to a subclass's default; a `ValueError` unless `options`
 * is an object.
 */
export function withDefaultRate<T extends OptimizerOptions>(options: T, learningRate: number, who: string): T {
  if (typeof options !== 'object' || options === null) {
    throw new ValueError(`${who}: options must be an object, received options=${show(options)}`);
  }
  return { ...options, learningRate: options.learningRate ?? learningRate };
}
