import { getLayerClass } from '@strata/layers';
import { Optimizer, get as getOptimizer } from '@strata/optimizers';
import { CompileArgs, Model, modelFromJSON } from '@strata/models';
import { StrataError, ValueError } from '@strata/tensor';
import type { WarningHandler } from './weights-file';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Removes Keras's `shared_object_id` markers (written by `ObjectSharingScope` in `.keras`
 * configs): every occurrence still carries the full config, so Strata rebuilds each one.
 */
export function withoutSharedIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSharedIds);
  if (!isObject(value)) return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) if (k !== 'shared_object_id') out[k] = withoutSharedIds(v);
  return out;
}

const MODELS = new Set(['Sequential', 'Functional', 'Model']);
// Config keys under which a layer holds another layer's config (wrappers, RNNs).
const LAYER_KEYS = ['layer', 'cell', 'backward_layer'];

function layerConfigs(obj: Json, out: Json[]): Json[] {
  const config = obj['config'];
  if (MODELS.has(obj['class_name'] as string)) {
    const layers = Array.isArray(config) ? config : isObject(config) ? config['layers'] : [];
    for (const l of (layers as unknown[]) ?? []) if (isObject(l)) layerConfigs(l, out);
    return out;
  }
  out.push(obj);
  if (isObject(config)) for (const key of LAYER_KEYS) if (isObject(config[key]) && 'class_name' in config[key]) layerConfigs(config[key], out);
  return out;
}

/**
 * Checks that every layer class a model config names can be found, so that a missing plugin
 * class fails with its registered name and the two ways to supply it.
 */
export function checkLayerClasses(config: Json, customObjects: Record<string, unknown> | undefined, who: string): void {
  for (const layer of layerConfigs(config, [])) {
    const cls = String(layer['class_name']);
    const registered = typeof layer['registered_name'] === 'string' ? layer['registered_name'] : null;
    const name = registered && registered.includes('>') ? registered : cls;
    try {
      if (!customObjects?.[cls]) getLayerClass(name, customObjects);
    } catch {
      const pkg = name.includes('>') ? name.split('>')[0] : 'Custom';
      throw new ValueError(
        `${who}: the model uses the custom layer '${name}' (class_name '${cls}'), which is not registered, received registered_name=${JSON.stringify(registered)}. ` +
          `Pass the class in customObjects (${who}(..., { customObjects: { '${name}': ${cls} } })) or register it first (registerSerializable(${cls}, { package: '${pkg}' })).`,
      );
    }
  }
}

/** `model.compile` arguments from a Keras `compile_config` (null when there is none). */
export function compileArgsFromConfig(config: unknown): CompileArgs | null {
  if (!isObject(config) || Object.keys(config).length === 0) return null;
  const args: CompileArgs = { optimizer: config['optimizer'] ?? undefined, loss: config['loss'] ?? undefined, metrics: config['metrics'] ?? undefined };
  if (config['loss_weights'] != null) args.lossWeights = config['loss_weights'] as CompileArgs['lossWeights'];
  return args;
}

/** Options of `loadModel` and `loadModelFromBytes`. */
export interface LoadModelOptions {
  /** Plugin classes by registered name (`'my_pkg>MyLayer'`) or class name, as Keras's `custom_objects`. */
  customObjects?: Record<string, unknown>;
  /** Compile the model with the file's `compile_config` and restore the optimizer state. Default true. */
  compile?: boolean;
  /** Receives warnings (e.g. an optimizer state that does not fit). Default `console.warn`. */
  onWarning?: WarningHandler;
}

/** Builds (and compiles) a model from a Keras config, with a clear error for missing plugin classes. */
export function modelFromKerasConfig(config: Record<string, unknown>, options: LoadModelOptions, who: string): Model {
  const clean = withoutSharedIds(config) as Record<string, unknown>;
  checkLayerClasses(clean, options.customObjects, who);
  let model: Model;
  try {
    model = modelFromJSON(clean, { customObjects: options.customObjects });
  } catch (e) {
    if (e instanceof StrataError) {
      (e as { message: string }).message = `${who}: could not rebuild the model from its config: ${e.message}`;
    }
    throw e;
  }
  const compileArgs = options.compile === false ? null : compileArgsFromConfig(clean['compile_config']);
  if (compileArgs) {
    const optimizer = getOptimizer((compileArgs.optimizer ?? 'rmsprop') as never) as Optimizer;
    model.compile({ ...compileArgs, optimizer });
    // As Keras's compile_from_config: a built model gets its optimizer slots now, so the saved
    // optimizer state can be restored and training resumes exactly.
    if (model.built) optimizer.build(model.trainableWeights);
  }
  return model;
}

