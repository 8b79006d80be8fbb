import { Model } from '@strata/models';
import { loadModel } from '@strata/saving';
import { Tensor, ValueError, tensor } from '@strata/tensor';
import { expectClose } from '@strata/tensor/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SqueezeExcitation } from './squeeze-excitation';

// The committed fixtures: a .keras file Strata wrote (tools/fixtures/write_plugin_keras.cjs) and
// one Keras wrote, with Keras's predictions for both (tools/fixtures/check_plugin_keras.py, where
// the same layer is defined in Python under the same registered name). Nothing is registered in
// this file: the class comes from customObjects, by registered name as a Keras user would pass it.

interface StrataMade {
  x: number[][][][];
  y: number[][];
  train: { x: number[][][][]; y: number[][] };
}
interface KerasResults {
  keras_version: string;
  strata_made: { y: number[][]; optimizer_iterations: number; y_after_step: number[][]; se_config: Record<string, unknown>; registered_name: string };
  keras_made: { y: number[][]; weights: number[][] };
}

const fixture = (name: string) => join(__dirname, '__fixtures__', name);
const strata = JSON.parse(readFileSync(fixture('strata-made.json'), 'utf8')) as StrataMade;
const keras = JSON.parse(readFileSync(fixture('keras.json'), 'utf8')) as KerasResults;
const REGISTERED = 'strata_squeeze_excitation>SqueezeExcitation';
const customObjects = { [REGISTERED]: SqueezeExcitation };
const x = tensor(strata.x);

describe('.keras files with SqueezeExcitation, checked against Keras 3', () => {
  it('the Python twin is registered under the same name', () => {
    expect(keras.keras_version).toBe('3.15.1');
    expect(keras.strata_made.registered_name).toBe(REGISTERED);
  });

  it('loads the file Strata wrote, predicting what Keras predicted from it', async () => {
    const model = (await loadModel(fixture('strata-made.keras'), { customObjects })) as Model;
    const se = model.getLayer('se') as SqueezeExcitation;
    expect(se).toBeInstanceOf(SqueezeExcitation);
    // Keras read back the config Strata wrote: the same keys, the same values.
    expect(se.getConfig()).toEqual(keras.strata_made.se_config);
    expectClose(model.predict(x) as Tensor, tensor(keras.strata_made.y), 1e-5, 1e-6);
    expectClose(model.predict(x) as Tensor, tensor(strata.y), 1e-6, 1e-7);
  });

  it('resumes training from the saved optimizer state exactly as Keras does', async () => {
    const model = (await loadModel(fixture('strata-made.keras'), { customObjects })) as Model;
    expect(keras.strata_made.optimizer_iterations).toBe(2);
    model.trainOnBatch(tensor(strata.train.x), tensor(strata.train.y));
    expectClose(model.predict(x) as Tensor, tensor(keras.strata_made.y_after_step), 1e-4, 1e-5);
  });

  it('loads the file Keras wrote, with its weights in the same order, predicting what Keras predicted', async () => {
    const model = (await loadModel(fixture('keras-made.keras'), { customObjects })) as Model;
    const se = model.getLayer('se') as SqueezeExcitation;
    expect(se.ratio).toBe(2);
    se.getWeights().forEach((w, i) => expectClose(w, tensor(keras.keras_made.weights[i]), 0, 0));
    expectClose(model.predict(x) as Tensor, tensor(keras.keras_made.y), 1e-5, 1e-6);
  });

  it('without the class, fails with a ValueError naming its registered name', async () => {
    await expect(loadModel(fixture('keras-made.keras'))).rejects.toThrow(ValueError);
    await expect(loadModel(fixture('keras-made.keras'))).rejects.toThrow(
      "the model uses the custom layer 'strata_squeeze_excitation>SqueezeExcitation' (class_name 'SqueezeExcitation')",
    );
  });
});
