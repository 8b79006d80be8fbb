import { ConfigurableClass, Family, KerasObject } from '@strata/tensor';
import { Constant } from './constant';
import { GlorotNormal } from './glorot-normal';
import { GlorotUniform } from './glorot-uniform';
import { HeNormal } from './he-normal';
import { HeUniform } from './he-uniform';
import { Identity } from './identity';
import { Initializer } from './initializer';
import { LecunNormal } from './lecun-normal';
import { LecunUniform } from './lecun-uniform';
import { Ones } from './ones';
import { Orthogonal } from './orthogonal';
import { RandomNormal } from './random-normal';
import { RandomUniform } from './random-uniform';
import { STFT } from './stft';
import { TruncatedNormal } from './truncated-normal';
import { VarianceScaling } from './variance-scaling';
import { Zeros } from './zeros';

// The built-ins, with the extra aliases of Keras's ALL_OBJECTS_DICT (keras/src/initializers/__init__.py).
const initializers = new Family<Initializer>('initializer', 'keras.initializers')
  .add(Zeros, ['zero'])
  .add(Ones, ['one'])
  .add(Constant)
  .add(Identity, ['IdentityInitializer'])
  .add(STFT, ['STFTInitializer'])
  .add(RandomNormal, ['normal'])
  .add(RandomUniform, ['uniform'])
  .add(TruncatedNormal)
  .add(VarianceScaling)
  .add(GlorotNormal)
  .add(GlorotUniform)
  .add(HeNormal)
  .add(HeUniform)
  .add(LecunNormal)
  .add(LecunUniform)
  .add(Orthogonal, ['OrthogonalInitializer']);

/** An initializer given any way Keras accepts one: a name, an instance or a Keras config object. */
export type InitializerIdentifier = string | Initializer | KerasObject;

/**
 * Resolves an identifier to an initializer (`keras.initializers.get`): a name in any spelling
 * (`'he_uniform'`, `'HeUniform'`, `'heUniform'`, or a Keras alias such as `'uniform'`), an
 * instance (returned as is) or a Keras config `{ class_name, config }`. `null`/`undefined`
 * give `null`; an unknown name throws a `ValueError` listing the valid ones.
 *
 * @example
 * get('he_uniform'); // new HeUniform()
 * get({ class_name: 'Constant', config: { value: 3 } }); // new Constant({ value: 3 })
 */
export function get(identifier: InitializerIdentifier, customObjects?: Record<string, unknown>): Initializer;
export function get(identifier: InitializerIdentifier | null | undefined, customObjects?: Record<string, unknown>): Initializer | null;
export function get(identifier: InitializerIdentifier | null | undefined, customObjects?: Record<string, unknown>): Initializer | null {
  return initializers.get(identifier, customObjects);
}

/**
 * Keras 3's serialized form of an initializer (`keras.initializers.serialize`).
 *
 * @example
 * serialize(new HeUniform({ seed: 1 }));
 * // { module: 'keras.initializers', class_name: 'HeUniform',
 * //   config: { seed: 1, input_axes: null, output_axes: null }, registered_name: null }
 */
export function serialize(initializer: Initializer): KerasObject {
  return initializers.serialize(initializer);
}

/**
 * Builds an initializer from a Keras config object or a name (`keras.initializers.deserialize`).
 *
 * @example
 * deserialize({ class_name: 'VarianceScaling', config: { scale: 2, mode: 'fan_out' } });
 */
export function deserialize(config: KerasObject | string, customObjects?: Record<string, unknown>): Initializer {
  return initializers.deserialize(config, customObjects);
}

/**
 * Registers a custom initializer class so that `get`/`deserialize` find it; it serializes with
 * `registered_name` `'<pkg>>ClassName'`, as `keras.saving.register_keras_serializable`. Returns that name.
 *
 * @example
 * class Fives extends Initializer { static readonly className = 'Fives'; apply(s: number[]) { return full(s, 5); } }
 * register(Fives, 'my-pkg'); // 'my-pkg>Fives'
 */
export function register(cls: ConfigurableClass<Initializer>, pkg = 'Custom'): string {
  return initializers.register(cls, pkg);
}

/** The snake_case names `get` accepts, sorted. */
export function names(): string[] {
  return initializers.names();
}
