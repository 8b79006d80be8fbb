import type { Model } from '@strata/models';
import { ValueError, show } from '@strata/tensor';
import { writeBytesAtomic } from './files';
import { writeArchive } from './keras-archive';
import { saveableEntries } from './saveables';
import { writeWeightsH5 } from './weights-file';

function checkModel(model: unknown, who: string): asserts model is Model {
  const m = model as Model | null;
  if (!m || typeof m.toJSON !== 'function' || !Array.isArray(m.layers)) {
    throw new ValueError(`${who}: expected a Strata Model or Sequential, received model=${show(model)}`);
  }
}

/**
 * The bytes of a `.keras` file for `model` (works in browsers): `metadata.json`, `config.json`
 * (the model's Keras 3 JSON with its `compile_config`) and `model.weights.h5` (every layer's
 * variables and the optimizer's state, laid out as Keras's `saving_lib`).
 *
 * @example
 * const bytes = await saveModelToBytes(model);
 * const copy = await loadModelFromBytes(bytes);
 */
export async function saveModelToBytes(model: Model): Promise<Uint8Array> {
  checkModel(model, 'saveModelToBytes');
  const weights = await writeWeightsH5(saveableEntries(model, { optimizer: true }));
  return writeArchive(model.toJSON(), weights);
}

/**
 * Saves `model` to a `.keras` file that Keras 3 loads with `keras.saving.load_model` (Node). The
 * file is written next to its target and renamed over it, so an interrupted save never leaves a
 * broken file behind.
 *
 * @example
 * await saveModel(model, 'mnist.keras');
 */
export async function saveModel(model: Model, path: string): Promise<void> {
  checkModel(model, 'saveModel');
  if (typeof path !== 'string' || !path.endsWith('.keras')) {
    throw new ValueError(`saveModel: expected a path ending in '.keras', received path=${show(path)}`);
  }
  await writeBytesAtomic(path, await saveModelToBytes(model), 'saveModel');
}
