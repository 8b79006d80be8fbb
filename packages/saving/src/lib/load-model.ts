import type { Model } from '@strata/models';
import { ValueError, show } from '@strata/tensor';
import { readBytes } from './files';
import { isHdf5 } from './h5';
import { isZip, readArchive } from './keras-archive';
import { loadLegacyH5Model } from './legacy-h5';
import { LoadModelOptions, modelFromKerasConfig } from './model-config';
import { saveableEntries } from './saveables';
import { loadTfjsModelFiles } from './tfjs-model';
import { consoleWarning, readWeightsH5 } from './weights-file';

export type { LoadModelOptions };

async function fromKerasBytes(bytes: Uint8Array, options: LoadModelOptions, who: string, source: string): Promise<Model> {
  const archive = readArchive(bytes, who, source);
  const model = modelFromKerasConfig(archive.config, options, who);
  if (!archive.weights) throw new ValueError(`${who}: expected model.weights.h5 in the Keras archive, received ${source} without it`);
  await readWeightsH5(archive.weights, saveableEntries(model, { optimizer: true }), who, options.onWarning ?? consoleWarning);
  return model;
}

/**
 * Loads a model from the bytes of a `.keras` file (Keras 3 or Strata wrote it) or of a legacy
 * Keras 2 `.h5` file; works in browsers.
 *
 * @example
 * const bytes = new Uint8Array(await (await fetch('model.keras')).arrayBuffer());
 * const model = await loadModelFromBytes(bytes, { customObjects: { 'my_pkg>Scale': Scale } });
 */
export async function loadModelFromBytes(bytes: Uint8Array, options: LoadModelOptions = {}): Promise<Model> {
  const who = 'loadModelFromBytes';
  if (!(bytes instanceof Uint8Array)) throw new ValueError(`${who}: expected a Uint8Array, received bytes=${show(bytes)}`);
  if (isHdf5(bytes)) return loadLegacyH5Model(bytes, options, who);
  return fromKerasBytes(bytes, options, who, isZip(bytes) ? 'a zip file' : `${bytes.length} bytes`);
}

/**
 * Loads a model from a file (Node): a `.keras` file that Keras 3 or Strata wrote, a legacy
 * Keras 2 `.h5` / `.hdf5` file, or a TensorFlow.js `model.json` (its weight shards are read from
 * the same folder). Weights are restored; with `compile` (default), the model is compiled with
 * the file's `compile_config` and the optimizer state is restored.
 *
 * @example
 * const model = await loadModel('mnist.keras');
 * model.predict(x);
 */
export async function loadModel(path: string, options: LoadModelOptions = {}): Promise<Model> {
  const who = 'loadModel';
  if (typeof path !== 'string') throw new ValueError(`${who}: expected a file path, received path=${show(path)}`);
  if (path.endsWith('.json')) return loadTfjsModelFiles(path, options, who);
  const bytes = await readBytes(path, who);
  if (path.endsWith('.h5') || path.endsWith('.hdf5')) return loadLegacyH5Model(bytes, options, who);
  return fromKerasBytes(bytes, options, who, `path='${path}'`);
}
