import { ConfigurableClass, Family, KerasObject } from '@strata/tensor';
import { CosineDecay } from './cosine-decay';
import { CosineDecayRestarts } from './cosine-decay-restarts';
import { ExponentialDecay } from './exponential-decay';
import { InverseTimeDecay } from './inverse-time-decay';
import { LearningRateSchedule } from './learning-rate-schedule';
import { PiecewiseConstantDecay } from './piecewise-constant-decay';
import { PolynomialDecay } from './polynomial-decay';

/** A schedule class, as `registerSchedule` takes it. */
export type LearningRateScheduleClass = ConfigurableClass<LearningRateSchedule>;

// keras.optimizers.schedules: the six built-ins, found by class name (Keras) or snake/camelCase.
const family = new Family<LearningRateSchedule>('learning rate schedule', 'keras.optimizers.schedules')
  .add(CosineDecay)
  .add(CosineDecayRestarts)
  .add(ExponentialDecay)
  .add(InverseTimeDecay)
  .add(PiecewiseConstantDecay)
  .add(PolynomialDecay);

/**
 * Keras 3's serialized form of a schedule (`keras.optimizers.schedules.serialize`), as optimizers
 * write it under `learning_rate`.
 *
 * @example
 * serializeSchedule(new ExponentialDecay({ initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.9 }));
 * // { module: 'keras.optimizers.schedules', class_name: 'ExponentialDecay', config: {...}, registered_name: null }
 */
export function serializeSchedule(schedule: LearningRateSchedule): KerasObject {
  return family.serialize(schedule);
}

/**
 * Builds a schedule from a Keras config object (`keras.optimizers.schedules.deserialize`).
 * `customObjects` maps class names to classes that are not registered.
 *
 * @example
 * deserializeSchedule({ class_name: 'CosineDecay', config: { initial_learning_rate: 0.1, decay_steps: 100 } });
 */
export function deserializeSchedule(config: KerasObject, customObjects?: Record<string, unknown>): LearningRateSchedule {
  return family.deserialize(config, customObjects);
}

/**
 * Registers a plugin schedule class so it serializes with Keras 3's `registered_name`
 * `'<pkg>>ClassName'` and deserializes from it. Returns that name.
 *
 * @example
 * registerSchedule(HalfEvery, 'my-pkg'); // 'my-pkg>HalfEvery'
 */
export function registerSchedule(cls: LearningRateScheduleClass, pkg = 'Custom'): string {
  return family.register(cls, pkg);
}
