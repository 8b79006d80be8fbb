import { ValueError, camelCase, show } from '@strata/tensor';
import { exponential, hardShrink, hardTanh, linear, softShrink, softplus, softsign, sparsePlus, squareplus, tanh, tanhShrink } from './curves';
import { Activation } from './fused';
import { glu } from './glu';
import { celu, elu, leakyRelu, relu, relu6, selu, threshold } from './rectifiers';
import { gelu, hardSigmoid, hardSilu, logSigmoid, mish, sigmoid, silu, sparseSigmoid } from './sigmoids';
import { logSoftmax, softmax } from './softmax';
import { sparsemax } from './sparsemax';

/** How Keras 3 serializes a function object: `{ module, class_name: 'function', config: name, registered_name }`. */
export interface FunctionConfig {
  module?: string;
  class_name: string;
  config?: unknown;
  registered_name?: string | null;
}

/** What `get` accepts: a name, a function, a Keras config object, or nothing (linear). */
export type ActivationIdentifier = string | Activation | FunctionConfig | null | undefined;

// keras.activations.ALL_OBJECTS, by Keras's function names.
const BUILTINS: readonly (readonly [string, Activation])[] = [
  ['celu', celu],
  ['elu', elu],
  ['exponential', exponential],
  ['gelu', gelu],
  ['glu', glu],
  ['hard_shrink', hardShrink],
  ['hard_sigmoid', hardSigmoid],
  ['hard_silu', hardSilu],
  ['hard_tanh', hardTanh],
  ['leaky_relu', leakyRelu],
  ['linear', linear],
  ['log_sigmoid', logSigmoid],
  ['log_softmax', logSoftmax],
  ['mish', mish],
  ['relu', relu],
  ['relu6', relu6],
  ['selu', selu],
  ['sigmoid', sigmoid],
  ['silu', silu],
  ['soft_shrink', softShrink],
  ['softmax', softmax],
  ['softplus', softplus],
  ['softsign', softsign],
  ['sparse_plus', sparsePlus],
  ['sparse_sigmoid', sparseSigmoid],
  ['sparsemax', sparsemax],
  ['squareplus', squareplus],
  ['tanh', tanh],
  ['tanh_shrink', tanhShrink],
  // Keras calls it with the two required arguments; `get('threshold')` hands it back as is.
  ['threshold', threshold as Activation],
];
// keras.activations.ALL_OBJECTS_DICT's extra aliases.
const ALIASES: readonly (readonly [string, Activation])[] = [
  ['swish', silu],
  ['hard_swish', hardSilu],
];

const byName = new Map<string, Activation>();
const nameOf = new Map<Activation, string>();
for (const [name, fn] of [...BUILTINS, ...ALIASES]) {
  byName.set(name, fn);
  byName.set(camelCase(name), fn);
  if (!nameOf.has(fn)) nameOf.set(fn, name);
}
const NAMES = [...BUILTINS, ...ALIASES].map(([name]) => name).sort();

const registered = new Map<string, Activation>();
const registeredNames = new Map<Activation, string>();

/** The snake_case names `get` accepts (each also in camelCase), aliases included. */
export function activationNames(): string[] {
  return NAMES.slice();
}

function unknown(name: string): ValueError {
  return new ValueError(
    `Unknown activation: received ${show(name)}. Valid names: ${NAMES.join(', ')}. ` +
      `For a custom activation, register it with register(fn, name) or pass it in customObjects.`,
  );
}

function resolve(name: string, customObjects: Record<string, unknown>): Activation {
  const custom = customObjects[name];
  if (typeof custom === 'function') return custom as Activation;
  const fn = byName.get(name) ?? registered.get(name);
  if (fn) return fn;
  if (!name.includes('>')) {
    // Keras <= 3.6 saved registered functions by bare name; match 'package>name'.
    const suffix = `>${name}`;
    for (const [key, value] of Object.entries(customObjects)) {
      if (key.endsWith(suffix) && typeof value === 'function') return value as Activation;
    }
    for (const [key, value] of registered) if (key.endsWith(suffix)) return value;
  }
  throw unknown(name);
}

/**
 * Resolves an activation identifier as `keras.activations.get` does: `null`/`undefined` give
 * {@link linear}, a function is returned as is, a name (`'leaky_relu'`, `'leakyRelu'`, `'swish'`,
 * a registered `'package>name'`) or a Keras config object is looked up.
 *
 * @example
 * get('relu') === relu;        // true
 * get('swish') === silu;       // true
 * get(null) === linear;        // true
 */
export function get(identifier: ActivationIdentifier, customObjects: Record<string, unknown> = {}): Activation {
  if (identifier === null || identifier === undefined) return linear;
  if (typeof identifier === 'function') return identifier;
  if (typeof identifier === 'string' || (typeof identifier === 'object' && !Array.isArray(identifier))) {
    return deserialize(identifier, customObjects);
  }
  throw new ValueError(
    `Could not interpret activation identifier: received ${show(identifier)}. ` +
      `Pass a name such as 'relu', a function, a Keras config object, or null.`,
  );
}

/**
 * Keras 3's serialized form of an activation: the name for a built-in (`'silu'` for
 * {@link swish}, `'hard_silu'` for `hardSwish`), a function config for a registered one.
 *
 * @example
 * serialize(swish); // 'silu'
 * serialize(myAct); // { module: 'builtins', class_name: 'function', config: 'Custom>myAct', registered_name: 'function' }
 */
export function serialize(fn: Activation): string | FunctionConfig {
  if (typeof fn !== 'function') {
    throw new ValueError(`activations.serialize: expected an activation function, received fn=${show(fn)}`);
  }
  const builtin = nameOf.get(fn);
  if (builtin) return builtin;
  const name = registeredNames.get(fn);
  if (name) return { module: 'builtins', class_name: 'function', config: name, registered_name: 'function' };
  throw new ValueError(
    `activations.serialize: expected a built-in or registered activation, received fn=${fn.name || '<anonymous>'}. ` +
      `Register it first with register(fn, name).`,
  );
}

/**
 * Builds an activation from its Keras 3 serialized form: a name, or a function config
 * `{ class_name: 'function', config: 'relu', ... }` as Keras writes it.
 *
 * @example
 * deserialize('relu') === relu;                                        // true
 * deserialize({ module: 'builtins', class_name: 'function', config: 'silu', registered_name: 'function' }) === silu;
 */
export function deserialize(config: string | FunctionConfig, customObjects: Record<string, unknown> = {}): Activation {
  if (typeof config === 'string') return resolve(config, customObjects);
  if (typeof config === 'object' && config !== null && typeof config.class_name === 'string') {
    if (config.class_name !== 'function') return resolve(config.class_name, customObjects);
    // Keras reads `config` for module 'builtins' and `registered_name` otherwise; both hold the
    // name whenever Keras wrote the object, so take whichever is a string.
    const name = typeof config.config === 'string' ? config.config : config.registered_name;
    if (typeof name === 'string') return resolve(name, customObjects);
  }
  throw new ValueError(
    `activations.deserialize: expected a name or { class_name: 'function', config: name }, received config=${show(config)}`,
  );
}

/**
 * Registers a custom activation so `get`, `serialize` and `deserialize` know it, under
 * `'<pkg>><name>'` as Keras's `register_keras_serializable(package, name)` does. Returns that name.
 *
 * @example
 * const scaledTanh = (x: Tensor) => mul(tanh(x), 2);
 * register(scaledTanh, 'scaledTanh', 'my_pkg'); // 'my_pkg>scaledTanh'
 * get('my_pkg>scaledTanh') === scaledTanh;      // true
 */
export function register(fn: Activation, name: string = fn?.name, pkg = 'Custom'): string {
  if (typeof fn !== 'function') {
    throw new ValueError(`activations.register: fn must be a function, received fn=${show(fn)}`);
  }
  if (typeof name !== 'string' || name === '' || name.includes('>')) {
    throw new ValueError(`activations.register: name must be a non-empty string without '>', received name=${show(name)}`);
  }
  if (typeof pkg !== 'string' || pkg === '' || pkg.includes('>')) {
    throw new ValueError(`activations.register: pkg must be a non-empty string without '>', received pkg=${show(pkg)}`);
  }
  const key = `${pkg}>${name}`;
  registered.set(key, fn);
  registeredNames.set(fn, key);
  return key;
}
