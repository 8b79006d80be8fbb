import { ConfigurableClass, Family, KerasObject } from '@strata/tensor';
import { L1 } from './l1';
import { L1L2 } from './l1-l2';
import { L2 } from './l2';
import { OrthogonalRegularizer } from './orthogonal-regularizer';
import { Regularizer } from './regularizer';

/** What `get` accepts: a name, an instance, a class, or a Keras config object. */
export type RegularizerIdentifier = string | Regularizer | KerasObject | RegularizerClass;

/** A regularizer class, as `register` takes it. */
export type RegularizerClass = ConfigurableClass<Regularizer>;

// Keras's ALL_OBJECTS: the base class and the four built-ins, each found by its class name
// ('L1L2'), Keras's snake_case name ('l1l2', 'orthogonal_regularizer') and camelCase name.
// 'l1_l2' is Keras's public alias (keras.regularizers.l1_l2), listed so the error shows it.
const family = new Family<Regularizer>('regularizer', 'keras.regularizers')
  .add(Regularizer)
  .add(L1)
  .add(L2)
  .add(L1L2, ['l1_l2'])
  .add(OrthogonalRegularizer);

/**
 * Resolves a regularizer identifier (`keras.regularizers.get`): a name in any spelling
 * (`'l2'`, `'L2'`, `'l1_l2'`, `'orthogonalRegularizer'`) gives an instance with default arguments,
 * a class gives a default instance, an instance is returned as is, a Keras config object is
 * deserialized, and `null`/`undefined` give `null`. Anything else is a `ValueError`.
 *
 * @example
 * get('l2'); // new L2() (l2 = 0.01)
 * get({ class_name: 'L1L2', config: { l1: 0.1, l2: 0 } });
 */
export function get(
  identifier: RegularizerIdentifier | null | undefined,
  customObjects?: Record<string, unknown>,
): Regularizer | null {
  // A class gives a default instance, as Keras's get() instantiates classes.
  if (typeof identifier === 'function' && typeof identifier.fromConfig === 'function') return identifier.fromConfig({});
  return family.get(identifier, customObjects);
}

/**
 * Keras 3's serialized form (`keras.regularizers.serialize`):
 * `{ module: 'keras.regularizers', class_name, config, registered_name }`.
 *
 * @example
 * serialize(new L2()); // { module: 'keras.regularizers', class_name: 'L2', config: { l2: 0.01 }, registered_name: null }
 */
export function serialize(regularizer: Regularizer): KerasObject {
  return family.serialize(regularizer);
}

/**
 * Builds a regularizer from a Keras config object or a name (`keras.regularizers.deserialize`).
 * `customObjects` maps class names to classes that are not registered.
 *
 * @example
 * deserialize({ class_name: 'L1', config: { l1: 0.3 } }).apply(tensor([1, -1])).item(); // 0.6
 */
export function deserialize(config: KerasObject | string, customObjects?: Record<string, unknown>): Regularizer {
  return family.deserialize(config, customObjects);
}

/**
 * Registers a plugin regularizer class so that `serialize` writes and `deserialize` reads it as
 * Keras 3's `registered_name` `'<pkg>>ClassName'`. Returns that name.
 *
 * @example
 * register(MyRegularizer, 'my-pkg'); // 'my-pkg>MyRegularizer'
 */
export function register(cls: RegularizerClass, pkg = 'Custom'): string {
  return family.register(cls, pkg);
}

/** The snake_case names `get` accepts, sorted (as listed in the unknown-name error). */
export function names(): string[] {
  return family.names();
}
