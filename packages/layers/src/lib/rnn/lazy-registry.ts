import type * as Registry from '../registry';

// The CommonJS module wrapper's `require`, declared here so the library needs no Node typings.
declare const require: (id: string) => unknown;

/**
 * The layers registry, loaded on first use. The wrappers and `RNN` (de)serialize the layers they
 * hold, but a top-level import would close a cycle (registry → builtins → these files →
 * registry): when one of these files is loaded first, `builtins` would list it before its class
 * exists. By the time a config is read or written, every module has finished loading.
 */
export function layerRegistry(): typeof Registry {
  return require('../registry') as typeof Registry;
}
