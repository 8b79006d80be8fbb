import { ConfigurableClass, Family, KerasObject, ValueError, show } from '@strata/tensor';
import { BinaryCrossentropy } from './binary-crossentropy';
import { BinaryFocalCrossentropy } from './binary-focal-crossentropy';
import { CategoricalCrossentropy } from './categorical-crossentropy';
import { CategoricalFocalCrossentropy } from './categorical-focal-crossentropy';
import { CategoricalHinge } from './categorical-hinge';
import { CosineSimilarity } from './cosine-similarity';
import { Hinge } from './hinge';
import { Huber } from './huber';
import { KLDivergence } from './kl-divergence';
import { LogCosh } from './log-cosh';
import { Loss } from './loss';
import { LossFunction } from './loss-functions';
import { LossFunctionWrapper } from './loss-function-wrapper';
import { MeanAbsoluteError } from './mean-absolute-error';
import { MeanAbsolutePercentageError } from './mean-absolute-percentage-error';
import { MeanSquaredError } from './mean-squared-error';
import { MeanSquaredLogarithmicError } from './mean-squared-logarithmic-error';
import { Poisson } from './poisson';
import { SparseCategoricalCrossentropy } from './sparse-categorical-crossentropy';
import { SquaredHinge } from './squared-hinge';

/** What `get` accepts: a name, an instance, a class, a per-sample function, or a Keras config object. */
export type LossIdentifier = string | Loss | KerasObject | LossClass | LossFunction;

/** A loss class, as `register` takes it. */
export type LossClass = ConfigurableClass<Loss>;

// Keras's ALL_OBJECTS_DICT: each class under its class name and the snake_case name of its
// function ('mean_squared_error', 'huber', 'kl_divergence'), plus the short aliases.
const family = new Family<Loss>('loss', 'keras.losses')
  .add(KLDivergence, ['kld'])
  .add(Poisson)
  .add(BinaryCrossentropy, ['bce'])
  .add(BinaryFocalCrossentropy)
  .add(CategoricalCrossentropy)
  .add(CategoricalFocalCrossentropy)
  .add(SparseCategoricalCrossentropy)
  .add(MeanSquaredError, ['mse'])
  .add(MeanAbsoluteError, ['mae'])
  .add(MeanAbsolutePercentageError, ['mape'])
  .add(MeanSquaredLogarithmicError, ['msle'])
  .add(CosineSimilarity)
  .add(LogCosh)
  .add(Huber)
  .add(Hinge)
  .add(SquaredHinge)
  .add(CategoricalHinge)
  .add(LossFunctionWrapper as unknown as LossClass);

const isClass = (x: unknown): x is LossClass =>
  typeof x === 'function' && typeof (x as Partial<LossClass>).fromConfig === 'function';

/**
 * Resolves a loss identifier (`keras.losses.get`): a name in any spelling (`'mse'`,
 * `'mean_squared_error'`, `'MeanSquaredError'`, `'meanSquaredError'`, `'categorical_crossentropy'`)
 * gives an instance with default arguments; a class gives a default instance; an instance is
 * returned as is; a per-sample function is wrapped in a `LossFunctionWrapper`; a Keras config
 * object is deserialized; `null`/`undefined` give `null`. Anything else is a `ValueError`.
 *
 * @example
 * get('mse')!.apply([[1, 2]], [[1, 4]]).item(); // 2
 * get({ class_name: 'CategoricalCrossentropy', config: { from_logits: true } });
 */
export function get(identifier: LossIdentifier | null | undefined, customObjects?: Record<string, unknown>): Loss | null {
  if (isClass(identifier)) return identifier.fromConfig({});
  if (typeof identifier === 'function') return new LossFunctionWrapper({ fn: identifier, name: identifier.name || null });
  return family.get(identifier, customObjects);
}

/**
 * Keras 3's serialized form (`keras.losses.serialize`):
 * `{ module: 'keras.losses', class_name, config, registered_name }`.
 *
 * @example
 * serialize(new MeanSquaredError());
 * // { module: 'keras.losses', class_name: 'MeanSquaredError',
 * //   config: { name: 'mean_squared_error', reduction: 'sum_over_batch_size' }, registered_name: null }
 */
export function serialize(loss: Loss): KerasObject {
  if (!(loss instanceof Loss)) {
    throw new ValueError(`losses.serialize: expected a Loss instance, received ${show(loss)}`);
  }
  const out = family.serialize(loss);
  // Keras does not export LossFunctionWrapper publicly and writes its source module instead.
  if (loss.constructor === LossFunctionWrapper) return { ...out, module: 'keras.src.losses.losses', registered_name: 'LossFunctionWrapper' };
  return out;
}

/**
 * Builds a loss from a Keras config object or a name (`keras.losses.deserialize`). A serialized
 * built-in function (`{ class_name: 'function', config: 'mean_squared_error' }`) gives the
 * matching loss class. `customObjects` maps class names to classes that are not registered.
 *
 * @example
 * deserialize({ class_name: 'Huber', config: { name: 'huber_loss', reduction: 'sum' } });
 */
export function deserialize(config: KerasObject | string, customObjects?: Record<string, unknown>): Loss {
  if (typeof config === 'object' && config !== null && config.class_name === 'function') {
    return family.deserialize(config.config as unknown as string, customObjects);
  }
  return family.deserialize(config, customObjects);
}

/**
 * Registers a plugin loss class so that `serialize` writes and `deserialize` reads it as Keras 3's
 * `registered_name` `'<pkg>>ClassName'`. Returns that name.
 *
 * @example
 * register(MyLoss, 'my-pkg'); // 'my-pkg>MyLoss'
 */
export function register(cls: LossClass, pkg = 'Custom'): string {
  return family.register(cls, pkg);
}

/** The snake_case names `get` accepts, sorted (as listed in the unknown-name error). */
export function names(): string[] {
  return family.names();
}
