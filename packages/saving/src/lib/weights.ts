import type { Model } from '@strata/models';
import { ValueError, show } from '@strata/tensor';
import { readBytes, writeBytesAtomic } from './files';
import { isHdf5 } from './h5';
import { isZip, readArchive } from './keras-archive';
import { loadLegacyH5Weights, isLegacyH5 } from './legacy-h5';
import { saveableEntries } from './saveables';
import { WarningHandler, consoleWarning, readWeightsH5, writeWeightsH5 } from './weights-file';

/** Options of `loadWeights` and `loadWeightsFromBytes`. */
export interface LoadWeightsOptions {
  /** Receives warnings (e.g. an optimizer state that does not fit). Default `console.warn`. */
  onWarning?: WarningHandler;
}

function checkBuilt(model: Model, who: string, doing: string): void {
  if (!model || typeof model.toJSON !== 'function') throw new ValueError(`${who}: expected a Strata Model or Sequential, received model=${show(model)}`);
  if (!model.built) {
    throw new ValueError(
      `${who}: you are ${doing} a model that has not yet been built, received model '${model.name}' with built=false. Build it first by calling it on some data or with build().`,
    );
  }
}

/**
 * The bytes of a Keras `.weights.h5` file for `model` (works in browsers): the layers' variables
 * and the compiled optimizer's state, in the layout of Keras's `model.save_weights`.
 *
 * @example
 * const bytes = await saveWeightsToBytes(model);
 */
export async function saveWeightsToBytes(model: Model): Promise<Uint8Array> {
  checkBuilt(model, 'saveWeightsToBytes', 'saving');
  return writeWeightsH5(saveableEntries(model, { optimizer: true }));
}

/**
 * Saves `model`'s weights to a `.weights.h5` file that Keras 3 reads with `model.load_weights` (Node).
 *
 * @example
 * await saveWeights(model, 'ckpt.weights.h5');
 */
export async function saveWeights(model: Model, path: string): Promise<void> {
  if (typeof path !== 'string' || !path.endsWith('.weights.h5')) {
    throw new ValueError(`saveWeights: the filename must end in '.weights.h5', received path=${show(path)}`);
  }
  await writeBytesAtomic(path, await saveWeightsToBytes(model), 'saveWeights');
}

/**
 * Loads weights from the bytes of a `.weights.h5` file, a `.keras` archive, or a legacy Keras 2
 * `.h5` file into a built model of the same architecture (works in browsers).
 *
 * @example
 * await loadWeightsFromBytes(model, bytes);
 */
export async function loadWeightsFromBytes(model: Model, bytes: Uint8Array, options: LoadWeightsOptions = {}): Promise<void> {
  return loadWeightsBytes(model, bytes, options, 'loadWeightsFromBytes', `${bytes?.length} bytes`);
}

async function loadWeightsBytes(model: Model, bytes: Uint8Array, options: LoadWeightsOptions, who: string, source: string): Promise<void> {
  checkBuilt(model, who, 'loading weights into');
  if (!(bytes instanceof Uint8Array)) throw new ValueError(`${who}: expected a Uint8Array, received bytes=${show(bytes)}`);
  let weights = bytes;
  if (isZip(bytes)) {
    const archive = readArchive(bytes, who, source);
    if (!archive.weights) throw new ValueError(`${who}: expected model.weights.h5 in the Keras archive, received ${source} without it`);
    weights = archive.weights;
  } else if (!isHdf5(bytes)) {
    throw new ValueError(`${who}: expected an HDF5 weights file (.weights.h5 or legacy .h5) or a .keras archive, received ${source}`);
  }
  if (await isLegacyH5(weights)) return loadLegacyH5Weights(model, weights, who);
  await readWeightsH5(weights, saveableEntries(model, { optimizer: true }), who, options.onWarning ?? consoleWarning);
}

/**
 * Loads weights from a `.weights.h5` file (Keras 3 or Strata wrote it), the weights of a `.keras`
 * file, or a legacy Keras 2 `.h5` file into a built model of the same architecture (Node).
 *
 * @example
 * await loadWeights(model, 'ckpt.weights.h5');
 */
export async function loadWeights(model: Model, path: string, options: LoadWeightsOptions = {}): Promise<void> {
  if (typeof path !== 'string') throw new ValueError(`loadWeights: expected a file path, received path=${show(path)}`);
  await loadWeightsBytes(model, await readBytes(path, 'loadWeights'), options, 'loadWeights', `path='${path}'`);
}
