import { Dense, MultiHeadAttention, input, registerSerializable } from '@strata/layers';
import { Model } from '@strata/models';
import { Tensor, mul, tensor } from '@strata/tensor';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadModel } from './load-model';
import { loadWeights } from './weights';
import { KERAS_DIR, FIXTURES, expectAllClose } from './testing/fixtures';
import { Scale } from './testing/scale';

const meta = JSON.parse(readFileSync(path.join(FIXTURES, 'keras-files.json'), 'utf8'));
const cases = meta.cases;
const file = (name: string) => path.join(KERAS_DIR, name);
const t = (x: unknown) => tensor(x as number[]);

describe('loading files Keras 3 wrote', () => {
  test('records the Keras version that wrote the fixtures', () => {
    expect(meta.keras_version).toBe('3.15.1');
  });

  test('a compiled Sequential MLP predicts as Keras and resumes training exactly', async () => {
    const warnings: string[] = [];
    const model = await loadModel(file('mlp.keras'), { onWarning: (m) => warnings.push(m) });
    expectAllClose(model.predict(t(cases.mlp.x)) as Tensor, cases.mlp.y);
    expect(model.compiled!.config['optimizer']).toMatchObject({ class_name: 'Adam' });
    expect(model.compiled!.optimizer.iterations).toBe(cases.mlp.optimizer_iterations);
    model.trainOnBatch(t(cases.mlp.train.x), t(cases.mlp.train.y));
    expectAllClose(model.predict(t(cases.mlp.x)) as Tensor, cases.mlp.train.y_after_step, 1e-5);
    expect(warnings).toEqual([]);
  });

  test('compile: false leaves the model uncompiled', async () => {
    const model = await loadModel(file('mlp.keras'), { compile: false });
    expect(model.compiled).toBeNull();
    expectAllClose(model.predict(t(cases.mlp.x)) as Tensor, cases.mlp.y);
  });

  test('a functional model with two inputs, two outputs, a shared layer and a nested model', async () => {
    const model = await loadModel(file('two_io.keras'));
    const ys = model.predict(cases.two_io.x.map(t)) as Tensor[];
    expect(ys).toHaveLength(2);
    ys.forEach((y, i) => expectAllClose(y, cases.two_io.y[i]));
  });

  test('a CNN with BatchNormalization and Dropout', async () => {
    const model = await loadModel(file('cnn.keras'));
    expectAllClose(model.predict(t(cases.cnn.x)) as Tensor, cases.cnn.y);
  });

  test('masked LSTM and bidirectional GRU', async () => {
    const model = await loadModel(file('rnn.keras'));
    expectAllClose(model.predict(t(cases.rnn.x)) as Tensor, cases.rnn.y, 1e-5);
  });

  test('MultiHeadAttention weights (sublayers under Keras attribute names: query_dense, _softmax, ...)', async () => {
    // Built here: Keras records MHA's call as two positional tensors, which modelFromJSON does not read yet.
    const q = input({ shape: [3, 4] });
    const model = new Model({ inputs: q, outputs: new MultiHeadAttention({ numHeads: 2, keyDim: 2, name: 'mha' }).apply([q, q]) });
    await loadWeights(model, file('mha.keras'));
    expectAllClose(model.predict(t(cases.mha.x)) as Tensor, cases.mha.y, 1e-5);
  });

  test('a registered custom layer passed through customObjects', async () => {
    const model = await loadModel(file('custom.keras'), { customObjects: { 'my_pkg>Scale': Scale } });
    expect(model.getLayer('scale')).toBeInstanceOf(Scale);
    expectAllClose(model.predict(t(cases.custom.x)) as Tensor, cases.custom.y);
  });

  test('a registered custom layer found through registerSerializable', async () => {
    registerSerializable(Scale, { package: 'my_pkg' });
    const model = await loadModel(file('custom.keras'));
    expectAllClose(model.predict(t(cases.custom.x)) as Tensor, cases.custom.y);
  });

  test('.weights.h5 from model.save_weights into a model of the same architecture', async () => {
    const donor = await loadModel(file('mlp.keras'), { compile: false });
    const fresh = (await loadModel(file('mlp.keras'), { compile: false })) as Model;
    fresh.setWeights(fresh.getWeights().map((w) => mul(w, 0)));
    await loadWeights(fresh, file('mlp.weights.h5'));
    expectAllClose(fresh.predict(t(cases.mlp.x)) as Tensor, cases.mlp.y);
    expect(donor.getWeights().length).toBe(fresh.getWeights().length);
  });

  test('weights go by position in the layer list (Keras paths use class names), not by layer name', async () => {
    const x = input({ shape: [3] });
    const hidden = new Dense({ units: 4, name: 'hidden', activation: 'relu' }).apply(x);
    const model = new Model({ inputs: x, outputs: new Dense({ units: 2, name: 'out' }).apply(hidden) });
    await loadWeights(model, file('mlp.weights.h5'));
    expectAllClose(model.predict(t(cases.mlp.x)) as Tensor, cases.mlp.y);
  });

  test('a legacy .h5 full-model file (model_config, model_weights, training_config, optimizer_weights)', async () => {
    const model = await loadModel(file('mlp_legacy.h5'));
    expectAllClose(model.predict(t(cases.mlp.x)) as Tensor, cases.mlp.y);
    expect(model.compiled!.optimizer.iterations).toBe(cases.mlp.optimizer_iterations);
    model.trainOnBatch(t(cases.mlp.train.x), t(cases.mlp.train.y));
    expectAllClose(model.predict(t(cases.mlp.x)) as Tensor, cases.mlp.train.y_after_step, 1e-5);
  });

  test.each(['float32', 'float16', 'uint8', 'uint16'])('TensorFlow.js model.json with %s weights in two shards', async (kind) => {
    const model = await loadModel(path.join(KERAS_DIR, `tfjs_${kind}`, 'model.json'));
    expectAllClose(model.predict(t(cases.tfjs.x)) as Tensor, cases.tfjs.y[kind], 1e-5);
  });
});
