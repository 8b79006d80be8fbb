import { ConfigurableClass, Family, KerasObject } from '@strata/tensor';
import { Constraint } from './constraint';
import { MaxNorm } from './max-norm';
import { MinMaxNorm } from './min-max-norm';
import { NonNeg } from './non-neg';
import { UnitNorm } from './unit-norm';

/** A constraint class, as `register` takes it. */
export type ConstraintClass = ConfigurableClass<Constraint>;

/** What `get` accepts: a name, an instance, a class, or a Keras config object. */
export type ConstraintIdentifier = string | Constraint | KerasObject | ConstraintClass;

// Keras's ALL_OBJECTS: the base class and the four built-ins, each found by its class name
// ('MaxNorm'), snake_case name ('max_norm') and camelCase name ('maxNorm').
const family = new Family<Constraint>('constraint', 'keras.constraints')
  .add(Constraint)
  .add(MaxNorm)
  .add(MinMaxNorm)
  .add(NonNeg)
  .add(UnitNorm);

/**
 * Resolves a constraint identifier (`keras.constraints.get`): a name in any spelling
 * (`'max_norm'`, `'MaxNorm'`, `'maxNorm'`) gives an instance with default arguments, a class gives
 * a default instance, an instance is returned as is, a Keras config object is deserialized, and
 * `null`/`undefined` give `null`. Anything else is a `ValueError`.
 *
 * @example
 * get('non_neg'); // new NonNeg()
 * get({ class_name: 'MaxNorm', config: { max_value: 3, axis: [0, 1, 2] } });
 */
export function get(
  identifier: ConstraintIdentifier | null | undefined,
  customObjects?: Record<string, unknown>,
): Constraint | null {
  // A class gives a default instance, as Keras's get() instantiates classes.
  if (typeof identifier === 'function' && typeof identifier.fromConfig === 'function') return identifier.fromConfig({});
  return family.get(identifier, customObjects);
}

/**
 * Keras 3's serialized form (`keras.constraints.serialize`):
 * `{ module: 'keras.constraints', class_name, config, registered_name }`.
 *
 * @example
 * serialize(new MaxNorm()); // { module: 'keras.constraints', class_name: 'MaxNorm', config: { max_value: 2, axis: 0 }, registered_name: null }
 */
export function serialize(constraint: Constraint): KerasObject {
  return family.serialize(constraint);
}

/**
 * Builds a constraint from a Keras config object or a name (`keras.constraints.deserialize`).
 * `customObjects` maps class names to classes that are not registered.
 *
 * @example
 * deserialize({ class_name: 'UnitNorm', config: { axis: 1 } });
 */
export function deserialize(config: KerasObject | string, customObjects?: Record<string, unknown>): Constraint {
  return family.deserialize(config, customObjects);
}

/**
 * Registers a plugin constraint class so that `serialize` writes and `deserialize` reads it as
 * Keras 3's `registered_name` `'<pkg>>ClassName'`. Returns that name.
 *
 * @example
 * register(NonPositive, 'my-pkg'); // 'my-pkg>NonPositive'
 */
export function register(cls: ConstraintClass, pkg = 'Custom'): string {
  return family.register(cls, pkg);
}

/** The snake_case names `get` accepts, sorted (as listed in the unknown-name error). */
export function names(): string[] {
  return family.names();
}
