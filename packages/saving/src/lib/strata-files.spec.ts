import { registerSerializable } from '@strata/layers';
import { Tensor, tensor } from '@strata/tensor';
import { unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadModelFromBytes } from './load-model';
import { saveModelToBytes } from './save-model';
import { FIXTURES, expectAllClose, h5Layout } from './testing/fixtures';
import { Scale } from './testing/scale';

// Files written by tools/fixtures/write_strata_files.cjs; Keras's predictions for them by
// tools/fixtures/check_strata_files.py (which also checks that Keras loads them cleanly).
const keras = JSON.parse(readFileSync(path.join(FIXTURES, 'strata-files.json'), 'utf8'));
const inputs = JSON.parse(readFileSync(path.join(FIXTURES, 'strata-inputs.json'), 'utf8')).cases;
const bytes = (name: string) => readFileSync(path.join(FIXTURES, 'strata', `${name}.keras`));
registerSerializable(Scale, { package: 'my_pkg' });

describe('Strata-written .keras files, as Keras 3 read them', () => {
  test('Keras 3.15.1 loaded them', () => {
    expect(keras.keras_version).toBe('3.15.1');
    expect(Object.keys(keras.cases).sort()).toEqual(['cnn', 'mlp', 'rnn', 'two_io']);
  });

  test.each(['mlp', 'two_io', 'cnn', 'rnn'])('%s: Strata predicts what Keras predicted from the same file', async (name) => {
    const model = await loadModelFromBytes(bytes(name));
    const x = name === 'two_io' ? inputs[name].x.map((v: number[][]) => tensor(v)) : tensor(inputs[name].x);
    const y = model.predict(x);
    if (Array.isArray(y)) y.forEach((t, i) => expectAllClose(t, keras.cases[name].y[i]));
    else expectAllClose(y, keras.cases[name].y);
  });

  test('the optimizer state Strata saved gives Keras and Strata the same next training step', async () => {
    const model = await loadModelFromBytes(bytes('mlp'));
    expect(model.compiled!.optimizer.iterations).toBe(keras.cases.mlp.optimizer_iterations);
    model.trainOnBatch(tensor(inputs.mlp.train.x), tensor(inputs.mlp.train.y));
    expectAllClose(model.predict(tensor(inputs.mlp.x)) as Tensor, keras.cases.mlp.y_after_step);
  });

  test.each(['mlp', 'two_io', 'cnn', 'rnn'])('%s: saving today gives the committed layout and config', async (name) => {
    const committed = unzipSync(bytes(name));
    const again = unzipSync(await saveModelToBytes(await loadModelFromBytes(bytes(name))));
    expect(Object.keys(again)).toEqual(['metadata.json', 'config.json', 'model.weights.h5']);
    expect(JSON.parse(Buffer.from(again['config.json']).toString())).toEqual(JSON.parse(Buffer.from(committed['config.json']).toString()));
    expect(await h5Layout(again['model.weights.h5'])).toEqual(await h5Layout(committed['model.weights.h5']));
  });
});
