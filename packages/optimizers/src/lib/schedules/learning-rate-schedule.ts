import { toOptions } from '@strata/tensor';
import { checkConfigKeys } from '../checks';

/**
 * The base class of learning-rate schedules (`keras.optimizers.schedules.LearningRateSchedule`):
 * `apply(step)` returns the learning rate at an optimizer step (a float32 value). Pass a schedule
 * as an optimizer's `learningRate` and the optimizer evaluates it at its iteration count before
 * every update.
 *
 * A subclass sets `static readonly className`, implements `apply` and `getConfig` (snake_case
 * keys); the inherited `fromConfig(config)` passes the keys, camelCased, to its constructor's
 * options object. Register it with `registerSchedule` to serialize it inside optimizer configs.
 *
 * @example
 * class HalfEvery extends LearningRateSchedule {
 *   static readonly className = 'HalfEvery';
 *   constructor(readonly options: { everySteps: number }) { super(); }
 *   apply(step: number) { return 0.1 * 0.5 ** Math.floor(step / this.options.everySteps); }
 *   getConfig() { return { every_steps: this.options.everySteps }; }
 * }
 * new SGD({ learningRate: new HalfEvery({ everySteps: 100 }) });
 */
export abstract class LearningRateSchedule {
  /** Keras's class name, used by `serializeSchedule`. */
  static readonly className: string = 'LearningRateSchedule';

  /** The learning rate at optimizer step `step` (0 before the first update). */
  abstract apply(step: number): number;

  /** The Keras config: snake_case keys, exactly what Keras 3 writes. */
  abstract getConfig(): Record<string, unknown>;

  /** Builds an instance from a Keras config (snake_case keys); unknown keys are a `ValueError`. */
  static fromConfig<T extends LearningRateSchedule>(this: new (options: never) => T, config: Record<string, unknown>): T {
    // Constructors take typed options with required keys; a config supplies them by name.
    const obj = new (this as unknown as new (options: Record<string, unknown>) => T)(toOptions(config));
    checkConfigKeys(config, Object.keys(obj.getConfig()), (this as unknown as typeof LearningRateSchedule).className);
    return obj;
  }

  /** The name used in error messages: the subclass's Keras class name. */
  protected get who(): string {
    return (this.constructor as typeof LearningRateSchedule).className;
  }
}
