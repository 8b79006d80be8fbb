import { registerSerializable } from '@strata/layers';
import { SqueezeExcitation } from './squeeze-excitation';

/**
 * The package part of this plugin's Keras 3 `registered_name`s: saved models record
 * `'strata_squeeze_excitation>SqueezeExcitation'`, the name a Python twin of the layer registers with
 * `@keras.saving.register_keras_serializable(package='strata_squeeze_excitation')`.
 */
export const REGISTERED_PACKAGE = 'strata_squeeze_excitation';

/**
 * Registers this package's layers with Strata's layer registry, so that `deserialize`,
 * `modelFromJSON` and `loadModel` find them by registered name without `customObjects`, and
 * `serialize` / `saveModel` record that name. Nothing registers on import: call it once at
 * start-up. Returns the registered names.
 *
 * @example
 * register(); // ['strata_squeeze_excitation>SqueezeExcitation']
 */
export function register(): string[] {
  return [registerSerializable(SqueezeExcitation, { package: REGISTERED_PACKAGE })];
}
