import { ConfigurableClass, Family, KerasObject } from '@strata/tensor';
import { Adadelta } from './adadelta';
import { Adagrad } from './adagrad';
import { Adam } from './adam';
import { AdamW } from './adam-w';
import { Adamax } from './adamax';
import { Lion } from './lion';
import { Nadam } from './nadam';
import { Optimizer } from './optimizer';
import { RMSprop } from './rmsprop';
import { SGD } from './sgd';

/** An optimizer class, as `register` takes it. */
export type OptimizerClass = ConfigurableClass<Optimizer>;

/** What `get` accepts: a name, an instance, or a Keras config object. */
export type OptimizerIdentifier = string | Optimizer | KerasObject;

const builtins: OptimizerClass[] = [Optimizer, Adadelta, Adagrad, Adam, AdamW, Adamax, Lion, Nadam, RMSprop, SGD];

// Keras looks optimizers up by their lowercased class name ('rmsprop', 'adamw'), so those are the
// names listed in messages, rather than Family's snake_case ('rm_sprop', 'adam_w'), which also work.
class OptimizerFamily extends Family<Optimizer> {
  override names(): string[] {
    return builtins.map((cls) => cls.className.toLowerCase()).sort();
  }
}

const family = builtins.reduce((f, cls) => f.add(cls), new OptimizerFamily('optimizer', 'keras.optimizers'));

/**
 * Resolves an optimizer identifier (`keras.optimizers.get`): a name in any spelling (`'adam'`,
 * `'Adam'`, `'rmsprop'`, `'RMSprop'`) gives an instance with default arguments, an instance is
 * returned as is, a Keras config object is deserialized, and `null`/`undefined` give `null`.
 *
 * @example
 * get('adam'); // new Adam()
 * get({ class_name: 'SGD', config: { learning_rate: 0.1, momentum: 0.9 } });
 */
export function get(identifier: OptimizerIdentifier | null | undefined, customObjects?: Record<string, unknown>): Optimizer | null {
  return family.get(identifier, customObjects);
}

/**
 * Keras 3's serialized form (`keras.optimizers.serialize`):
 * `{ module: 'keras.optimizers', class_name, config, registered_name }`.
 *
 * @example
 * serialize(new SGD({ name: 'sgd' })).config; // { name: 'sgd', learning_rate: 0.009999999776482582, ... }
 */
export function serialize(optimizer: Optimizer): KerasObject {
  return family.serialize(optimizer);
}

/**
 * Builds an optimizer from a Keras config object or a name (`keras.optimizers.deserialize`);
 * class names are case-insensitive as in Keras. `customObjects` maps class names to classes.
 *
 * @example
 * deserialize({ class_name: 'adam', config: { learning_rate: 0.01 } });
 */
export function deserialize(config: KerasObject | string, customObjects?: Record<string, unknown>): Optimizer {
  return family.deserialize(config, customObjects);
}

/**
 * Registers a plugin optimizer class so that `serialize` writes and `deserialize` reads it as
 * Keras 3's `registered_name` `'<pkg>>ClassName'`. Returns that name.
 *
 * @example
 * register(MyOptimizer, 'my-pkg'); // 'my-pkg>MyOptimizer'
 */
export function register(cls: OptimizerClass, pkg = 'Custom'): string {
  return family.register(cls, pkg);
}

/** The names `get` accepts (Keras's lowercased class names), sorted. */
export function names(): string[] {
  return family.names();
}
