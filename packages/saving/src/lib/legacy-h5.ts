import type { Layer } from '@strata/layers';
import type { Model } from '@strata/models';
import { Optimizer, get as getOptimizer } from '@strata/optimizers';
import { ShapeError, Tensor, ValueError, Variable, cast, formatShape, noGrad, sameShape } from '@strata/tensor';
import { File, Group, H5Module, readH5 } from './h5';
import { readTensor, stringAttr, stringListAttr } from './h5-values';
import { LoadModelOptions, modelFromKerasConfig } from './model-config';
import { consoleWarning } from './weights-file';

type Json = Record<string, unknown>;

/** Keras's `load_attributes_from_hdf5_group`: a string list, possibly split into `name0`, `name1`, ... */
function listAttr(group: Group, name: string): string[] {
  if (name in group.attrs) return stringListAttr(group, name);
  const out: string[] = [];
  for (let i = 0; `${name}${i}` in group.attrs; i++) out.push(...stringListAttr(group, `${name}${i}`));
  return out;
}

/** Keras's `_legacy_weights`: trainable weights, then the others. */
function legacyWeights(layer: Layer): Variable[] {
  return [...layer.trainableWeights, ...layer.nonTrainableWeights];
}

function setWeights(variables: Variable[], values: Tensor[], who: string, what: string): void {
  variables.forEach((v, i) => {
    if (!sameShape(v.shape, values[i].shape)) {
      throw new ShapeError(`${who}: ${what} weight ${i} ('${v.path}') must have shape ${formatShape(v.shape)}, received shape ${formatShape(values[i].shape)} from the file`);
    }
  });
  variables.forEach((v, i) => v.assign(values[i].dtype === v.dtype ? values[i] : noGrad(() => cast(values[i], v.dtype))));
}

function readSubset(h5: H5Module, group: Group): Tensor[] {
  return listAttr(group, 'weight_names').map((name) => readTensor(h5, group.get(name) as never));
}

/**
 * Keras's `load_weights_from_hdf5_group`: weights are matched by order, layer by layer, over the
 * layers that have weights (in the model and in the file).
 */
function loadWeightsGroup(h5: H5Module, group: Group, model: Model, who: string): void {
  const layers = model.layers.filter((l) => legacyWeights(l).length > 0);
  const names = listAttr(group, 'layer_names').filter((n) => listAttr(group.get(n) as Group, 'weight_names').length > 0);
  if (names.length !== layers.length) {
    throw new ValueError(`${who}: layer count mismatch, the model has ${layers.length} layers with weights, received ${names.length} saved layers with weights (${names.join(', ')})`);
  }
  names.forEach((name, k) => {
    const layer = layers[k];
    const variables = legacyWeights(layer);
    const values = readSubset(h5, group.get(name) as Group);
    if (values.length !== variables.length) {
      throw new ValueError(
        `${who}: layer #${k} (named '${layer.name}' in the model, '${name}' in the file) expects ${variables.length} weights, received ${values.length} saved weights`,
      );
    }
    setWeights(variables, values, who, `layer #${k} ('${layer.name}')`);
  });
}

function parseJsonAttr(file: File, name: string, who: string): Json | null {
  const text = stringAttr(file, name);
  if (text === null) return null;
  try {
    return JSON.parse(text) as Json;
  } catch (e) {
    throw new ValueError(`${who}: the '${name}' attribute of the .h5 file is not JSON (${(e as Error).message})`);
  }
}

// A Keras 2 optimizer config carries keys Keras 3 dropped (decay, is_legacy_optimizer, ...):
// keep those the Strata optimizer knows.
export function legacyOptimizer(config: Json): unknown {
  const cls = config['class_name'] as string;
  const defaults = getOptimizer(cls as never) as Optimizer;
  const known = new Set(Object.keys(defaults.getConfig()));
  const given = (config['config'] ?? {}) as Json;
  const kept = Object.fromEntries(Object.entries(given).filter(([k]) => known.has(k)));
  if (typeof given['lr'] === 'number' && kept['learning_rate'] === undefined) kept['learning_rate'] = given['lr'];
  return { class_name: cls, config: kept };
}

/** True when HDF5 bytes hold a legacy Keras 2 file (`model_weights`, or `layer_names` at the root). */
export function isLegacyH5(bytes: Uint8Array): Promise<boolean> {
  return readH5(bytes, (file) => 'layer_names' in file.attrs || file.keys().includes('model_weights'));
}

/** Loads a legacy Keras 2 `.h5` weights file (or a full-model file's weights) into `model`. */
export function loadLegacyH5Weights(model: Model, bytes: Uint8Array, who: string): Promise<void> {
  return readH5(bytes, (file, h5) => {
    const group = file.keys().includes('model_weights') ? (file.get('model_weights') as Group) : file;
    loadWeightsGroup(h5, group, model, who);
  });
}

/**
 * Loads a legacy Keras 2 `.h5` full-model file: the `model_config` attribute, the weights under
 * `model_weights`, and, with `compile`, the `training_config` and `optimizer_weights`.
 */
export function loadLegacyH5Model(bytes: Uint8Array, options: LoadModelOptions, who: string): Promise<Model> {
  const warn = options.onWarning ?? consoleWarning;
  return readH5(bytes, (file, h5) => {
    const config = parseJsonAttr(file, 'model_config', who);
    if (!config) {
      throw new ValueError(`${who}: expected a legacy Keras .h5 model file with a 'model_config' attribute, received an HDF5 file without one (a weights file? use loadWeights)`);
    }
    const model = modelFromKerasConfig(config, { ...options, compile: false }, who);
    if (!file.keys().includes('model_weights')) throw new ValueError(`${who}: expected a 'model_weights' group in the legacy .h5 file, received groups ${file.keys().join(', ')}`);
    loadWeightsGroup(h5, file.get('model_weights') as Group, model, who);
    const training = options.compile === false ? null : parseJsonAttr(file, 'training_config', who);
    if (!training) return model;
    const optimizer = getOptimizer(legacyOptimizer(training['optimizer_config'] as Json) as never) as Optimizer;
    model.compile({
      optimizer,
      loss: training['loss'] ?? undefined,
      metrics: training['metrics'] ?? undefined,
      lossWeights: (training['loss_weights'] ?? undefined) as never,
    });
    if (!file.keys().includes('optimizer_weights')) return model;
    optimizer.build(model.trainableWeights);
    const values = readSubset(h5, file.get('optimizer_weights') as Group);
    const variables = optimizer.variables();
    if (values.length !== variables.length || values.some((v, i) => !sameShape(v.shape, variables[i].shape))) {
      warn(`${who}: error in loading the saved optimizer state (${values.length} saved weights for ${variables.length} optimizer variables); the model starts with a freshly initialized optimizer`);
      return model;
    }
    optimizer.setWeights(values);
    return model;
  });
}
