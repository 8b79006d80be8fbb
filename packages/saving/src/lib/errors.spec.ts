import { Dense } from '@strata/layers';
import { Model, Sequential } from '@strata/models';
import { ShapeError, ValueError } from '@strata/tensor';
import { strToU8, zipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadModel, loadModelFromBytes } from './load-model';
import { saveModel, saveModelToBytes } from './save-model';
import { loadTfjsModel } from './tfjs-model';
import { loadWeights, loadWeightsFromBytes, saveWeights, saveWeightsToBytes } from './weights';
import { KERAS_DIR } from './testing/fixtures';

const file = (name: string) => path.join(KERAS_DIR, name);
// The MLP of the fixtures: Dense(4) on 3 features, then Dense(2).
const mlp = (units = 4, useBias = true) =>
  new Sequential({ layers: [new Dense({ units, inputShape: [3], activation: 'relu', useBias }), new Dense({ units: 2 })] });

describe('errors', () => {
  test('bytes that are not a Keras archive', async () => {
    const bytes = strToU8('certainly not a zip');
    await expect(loadModelFromBytes(bytes)).rejects.toThrow(ValueError);
    await expect(loadModelFromBytes(bytes)).rejects.toThrow(
      'loadModelFromBytes: expected a Keras archive (a .keras zip holding config.json, metadata.json and model.weights.h5), received 19 bytes (not a zip file)',
    );
  });

  test('a zip without config.json', async () => {
    const bytes = zipSync({ 'notes.txt': strToU8('hi') });
    await expect(loadModelFromBytes(bytes)).rejects.toThrow(ValueError);
    await expect(loadModelFromBytes(bytes)).rejects.toThrow(/received a zip file \(no config\.json among notes\.txt\)/);
  });

  test('a .keras path whose file is not a zip', async () => {
    const source = path.join(__dirname, 'save-model.ts');
    await expect(loadModel(source)).rejects.toThrow(ValueError);
    await expect(loadModel(source)).rejects.toThrow(/^loadModel: expected a Keras archive .*, received path='.*save-model\.ts' \(not a zip file\)$/);
  });

  test('a missing file', async () => {
    await expect(loadModel(file('nope.keras'))).rejects.toThrow(ValueError);
    await expect(loadModel(file('nope.keras'))).rejects.toThrow(/^loadModel: no such file, received path='.*nope\.keras'$/);
  });

  test('a custom layer that is neither registered nor in customObjects', async () => {
    const load = () => loadModel(file('custom.keras'));
    await expect(load()).rejects.toThrow(ValueError);
    await expect(load()).rejects.toThrow(
      "loadModel: the model uses the custom layer 'my_pkg>Scale' (class_name 'Scale'), which is not registered, received registered_name=\"my_pkg>Scale\". " +
        "Pass the class in customObjects (loadModel(..., { customObjects: { 'my_pkg>Scale': Scale } })) or register it first (registerSerializable(Scale, { package: 'my_pkg' })).",
    );
  });

  test('a weight of the wrong shape names the layer, the weight and both shapes', async () => {
    const model = mlp(5);
    await expect(loadWeights(model, file('mlp.weights.h5'))).rejects.toThrow(ShapeError);
    await expect(loadWeights(model, file('mlp.weights.h5'))).rejects.toThrow(
      /^loadWeights: layer '.+' \(at 'layers\/dense'\) weight 0 \('kernel'\) must have shape \(3, 5\), received shape \(3, 4\) from the file$/,
    );
  });

  test('a wrong number of weights', async () => {
    const model = mlp(4, false);
    await expect(loadWeights(model, file('mlp.weights.h5'))).rejects.toThrow(ValueError);
    await expect(loadWeights(model, file('mlp.weights.h5'))).rejects.toThrow(
      /^loadWeights: layer '.+' \(at 'layers\/dense'\) expected 1 variables \['kernel'\], received 2 variables in the file$/,
    );
  });

  test('a failed load leaves the weights as they were', async () => {
    const model = mlp(4, false);
    const before = model.getWeights().map((w) => w.toArray());
    await expect(loadWeights(model, file('mlp.weights.h5'))).rejects.toThrow(ValueError);
    expect(model.getWeights().map((w) => w.toArray())).toEqual(before);
  });

  test('paths with the wrong extension', async () => {
    await expect(saveModel(mlp(), 'model.h5')).rejects.toThrow(ValueError);
    await expect(saveModel(mlp(), 'model.h5')).rejects.toThrow("saveModel: expected a path ending in '.keras', received path='model.h5'");
    await expect(saveWeights(mlp(), 'w.h5')).rejects.toThrow(ValueError);
    await expect(saveWeights(mlp(), 'w.h5')).rejects.toThrow("saveWeights: the filename must end in '.weights.h5', received path='w.h5'");
  });

  test('not a model', async () => {
    await expect(saveModelToBytes({} as Model)).rejects.toThrow(ValueError);
    await expect(saveModelToBytes({} as Model)).rejects.toThrow('saveModelToBytes: expected a Strata Model or Sequential, received model={}');
    await expect(loadModelFromBytes('x' as never)).rejects.toThrow("loadModelFromBytes: expected a Uint8Array, received bytes='x'");
  });

  test('weights of a model that is not built', async () => {
    const unbuilt = new Sequential({ layers: [new Dense({ units: 2 })] });
    await expect(saveWeightsToBytes(unbuilt)).rejects.toThrow(ValueError);
    await expect(saveWeightsToBytes(unbuilt)).rejects.toThrow(/^saveWeightsToBytes: you are saving a model that has not yet been built, received model '.+' with built=false/);
    await expect(loadWeightsFromBytes(unbuilt, new Uint8Array(8))).rejects.toThrow(/you are loading weights into a model that has not yet been built/);
  });

  test('weights bytes that are neither HDF5 nor a Keras archive', async () => {
    await expect(loadWeightsFromBytes(mlp(), new Uint8Array(8))).rejects.toThrow(ValueError);
    await expect(loadWeightsFromBytes(mlp(), new Uint8Array(8))).rejects.toThrow(
      'loadWeightsFromBytes: expected an HDF5 weights file (.weights.h5 or legacy .h5) or a .keras archive, received 8 bytes',
    );
  });

  test('a .weights.h5 file given to loadModel as a legacy .h5 model', async () => {
    const bytes = readFileSync(file('mlp.weights.h5'));
    await expect(loadModelFromBytes(bytes)).rejects.toThrow(ValueError);
    await expect(loadModelFromBytes(bytes)).rejects.toThrow(/^loadModelFromBytes: expected a legacy Keras \.h5 model file with a 'model_config' attribute/);
  });

  test('a TensorFlow.js model with a missing shard', async () => {
    const json = JSON.parse(readFileSync(file('tfjs_float32/model.json'), 'utf8'));
    const shard = readFileSync(file('tfjs_float32/group1-shard1of2.bin'));
    const load = () => loadTfjsModel(json, { 'group1-shard1of2.bin': shard });
    await expect(load()).rejects.toThrow(ValueError);
    await expect(load()).rejects.toThrow("loadTfjsModel: the weight shard 'group1-shard2of2.bin' is missing, received shards ['group1-shard1of2.bin']");
    await expect(loadTfjsModel({ format: 'layers-model' }, {})).rejects.toThrow(/^loadTfjsModel: expected a TensorFlow\.js model\.json with modelTopology and weightsManifest/);
  });
});
