import { Conv2D, Dense, GlobalAveragePooling2D, input } from '@strata/layers';
import { Model } from '@strata/models';
import { loadModel, saveModel } from '@strata/saving';
import { Tensor, ValueError, randomUniform, setSeed } from '@strata/tensor';
import { expectClose } from '@strata/tensor/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqueezeExcitation } from './squeeze-excitation';

// The plugin as a user meets it: inside a functional model that trains, saves to a .keras file
// and loads back. Nothing is registered in this file, so loading needs customObjects.

/** Conv2D -> SqueezeExcitation -> global average pooling -> Dense, on 6x6 images with 2 channels. */
function seModel(): Model {
  const images = input({ shape: [6, 6, 2], name: 'images' });
  const features = new Conv2D({ filters: 8, kernelSize: 3, activation: 'relu' }).apply(images);
  const gated = new SqueezeExcitation({ ratio: 4, name: 'se' }).apply(features);
  const pooled = new GlobalAveragePooling2D().apply(gated);
  return new Model({ inputs: images, outputs: new Dense({ units: 1 }).apply(pooled), name: 'se_model' });
}

describe('SqueezeExcitation in a model', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'strata-se-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('trains, saves to .keras, loads back with customObjects and predicts the same', async () => {
    setSeed(3);
    const model = seModel();
    model.compile({ optimizer: 'adam', loss: 'mse' });
    const x = randomUniform([16, 6, 6, 2], { minval: -1, maxval: 1, seed: 1 });
    const y = randomUniform([16, 1], { seed: 2 });
    const se = model.getLayer('se') as SqueezeExcitation;
    const before = se.getWeights().map((w) => w.toArray());

    const history = await model.fit(x, y, { epochs: 4, batchSize: 8, shuffle: false, verbose: 0 });
    const losses = history.history['loss'];
    expect(losses).toHaveLength(4);
    expect(losses[3]).toBeLessThan(losses[0]);
    // Training reached the plugin's weights.
    se.getWeights().forEach((w, i) => expect(w.toArray()).not.toEqual(before[i]));

    const file = join(dir, 'se.keras');
    await saveModel(model, file);
    await expect(loadModel(file)).rejects.toThrow(ValueError);
    await expect(loadModel(file)).rejects.toThrow(/custom layer 'SqueezeExcitation'/);

    const loaded = await loadModel(file, { customObjects: { SqueezeExcitation } });
    const loadedSe = loaded.getLayer('se');
    expect(loadedSe).toBeInstanceOf(SqueezeExcitation);
    expect((loadedSe as SqueezeExcitation).ratio).toBe(4);
    expectClose(loaded.predict(x) as Tensor, model.predict(x) as Tensor, 1e-6, 1e-6);

    // The optimizer state came along too: one more step gives the same model on both sides.
    const logsA = model.trainOnBatch(x, y);
    const logsB = loaded.trainOnBatch(x, y);
    expect(logsB['loss']).toBeCloseTo(logsA['loss'], 6);
    expectClose(loaded.predict(x) as Tensor, model.predict(x) as Tensor, 1e-5, 1e-6);
  });
});
