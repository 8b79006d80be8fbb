import { ValueError, show } from '@strata/tensor';

/** A function a `Lambda` layer may hold (its body, an output-shape function or a mask function). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type LambdaFunction = (...args: any[]) => any;

/** How Keras 3 serializes a named function: `{ module: 'builtins', class_name: 'function', config: name, registered_name: 'function' }`. */
export interface LambdaFunctionConfig {
  module?: string;
  class_name: string;
  config?: unknown;
  registered_name?: string | null;
}

const byName = new Map<string, LambdaFunction>();
const nameOf = new Map<LambdaFunction, string>();

/**
 * Registers a JavaScript function under a name so that `Lambda` layers holding it can be
 * serialized (the config stores the name, as Keras 3 stores a registered Python function) and
 * loaded again (the name is looked up here). Register before saving and before loading.
 * Use Keras's `'package>name'` form to load a model whose Python function was registered with
 * `keras.saving.register_keras_serializable(package='package')`. Returns the name.
 *
 * Keras 3 saves an anonymous Python `lambda` as bytecode and refuses to load it unless
 * `safe_mode=False`; Strata has no bytecode to save, so an unregistered function cannot be
 * serialized at all.
 *
 * @example
 * const scaledSquare = (x: Tensor, { scale = 1 } = {}) => mul(square(x), scale);
 * registerLambda('my_pkg>scaled_square', scaledSquare);
 * new Lambda({ function: scaledSquare, arguments: { scale: 2 } }).getConfig().function;
 * // { module: 'builtins', class_name: 'function', config: 'my_pkg>scaled_square', registered_name: 'function' }
 */
export function registerLambda(name: string, fn: LambdaFunction): string {
  if (typeof name !== 'string' || name === '') {
    throw new ValueError(`registerLambda: name must be a non-empty string, received name=${show(name)}`);
  }
  if (typeof fn !== 'function') {
    throw new ValueError(`registerLambda: fn must be a function, received fn=${show(fn)}`);
  }
  const previous = byName.get(name);
  if (previous) nameOf.delete(previous);
  byName.set(name, fn);
  nameOf.set(fn, name);
  return name;
}

/** @internal Keras's config of a registered function; a `ValueError` explaining `registerLambda` otherwise. */
export function lambdaFunctionConfig(fn: LambdaFunction, who: string, what: string): LambdaFunctionConfig {
  const name = nameOf.get(fn);
  if (name === undefined) {
    throw new ValueError(
      `${who}: cannot serialize its ${what}, an unregistered JavaScript function (received ${fn.name || '<anonymous>'}). ` +
        `A function has no portable form: register it by name first, e.g. registerLambda('my_pkg>${fn.name || 'my_fn'}', fn), ` +
        `before saving and before loading; the config then stores that name.`,
    );
  }
  return { module: 'builtins', class_name: 'function', config: name, registered_name: 'function' };
}

/** @internal Resolves a registered name or Keras's function config to the registered function. */
export function lambdaFunctionFromConfig(config: unknown, who: string, what: string): LambdaFunction {
  if (typeof config === 'function') return config as LambdaFunction;
  const cfg = config as LambdaFunctionConfig | null;
  if (cfg && typeof cfg === 'object' && cfg.class_name === '__lambda__') {
    throw new ValueError(
      `${who}: its ${what} is a Python lambda saved as bytecode, which Strata cannot run (Keras 3 also refuses it ` +
        `unless safe_mode=False). Rewrite it in JavaScript, register it with registerLambda(name, fn), and build the ` +
        `layer with that function (in Keras, save a named function registered with keras.saving.register_keras_serializable).`,
    );
  }
  const name =
    typeof config === 'string'
      ? config
      : cfg && typeof cfg === 'object' && cfg.class_name === 'function' && typeof cfg.config === 'string'
        ? cfg.config
        : null;
  if (name === null) {
    throw new ValueError(
      `${who}: ${what} must be a function, a name given to registerLambda, or { class_name: 'function', config: name }, received ${what}=${show(config)}`,
    );
  }
  const fn = byName.get(name) ?? bareNameMatch(name);
  if (!fn) {
    throw new ValueError(
      `${who}: no function is registered under ${show(name)} (for its ${what}). ` +
        `Call registerLambda(${show(name)}, fn) before loading.`,
    );
  }
  return fn;
}

// Keras <= 3.6 wrote registered functions by bare name; accept 'square' for 'my_pkg>square'.
function bareNameMatch(name: string): LambdaFunction | undefined {
  if (name.includes('>')) return undefined;
  for (const [key, fn] of byName) if (key.endsWith(`>${name}`)) return fn;
  return undefined;
}
