import {
  registerSerializable, BatchNormalization, Bidirectional, Concatenate, Conv1D, Conv2D, Dense, Embedding, Flatten, GRU, LSTM, LayerNormalization,
  MaxPooling2D, MultiHeadAttention, SimpleRNN, TimeDistributed, input,
} from '@strata/layers';
import { Model, Sequential } from '@strata/models';
import { Adam, RMSprop, SGD } from '@strata/optimizers';
import { Tensor, randomUniform, setSeed, tensor } from '@strata/tensor';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadModel, loadModelFromBytes } from './load-model';
import { saveModel, saveModelToBytes } from './save-model';
import { Scale } from './testing/scale';

// Registered, so that Strata writes Keras's registered_name 'my_pkg>Scale'.
registerSerializable(Scale, { package: 'my_pkg' });
const customObjects = {};
const toArrays = (y: Tensor | Tensor[]) => (Array.isArray(y) ? y.map((t) => t.toArray()) : y.toArray());
const uniform = (shape: number[]) => randomUniform(shape, { minval: -1, maxval: 1, seed: 7 });

const FAMILIES: [string, () => { model: Model; x: Tensor | Tensor[] }][] = [
  ['dense + custom layer', () => {
    const model = new Sequential({ layers: [new Dense({ units: 4, inputShape: [3], activation: 'relu' }), new Scale({ init: 0.5 }), new Dense({ units: 2 })] });
    return { model, x: uniform([2, 3]) };
  }],
  ['convolution + batch normalization', () => {
    const model = new Sequential({ layers: [
      new Conv2D({ filters: 2, kernelSize: 3, inputShape: [5, 5, 1] }), new BatchNormalization(), new MaxPooling2D({ poolSize: 2 }), new Flatten(), new Dense({ units: 2 }),
    ] });
    return { model, x: uniform([2, 5, 5, 1]) };
  }],
  ['recurrent layers and wrappers', () => {
    const model = new Sequential({ layers: [
      new Embedding({ inputDim: 6, outputDim: 3, maskZero: true, inputShape: [4] }),
      new LSTM({ units: 3, returnSequences: true }), new TimeDistributed({ layer: new Dense({ units: 2 }) }),
      new GRU({ units: 2, returnSequences: true }), new Conv1D({ filters: 2, kernelSize: 1 }),
      new Bidirectional({ layer: new SimpleRNN({ units: 2 }) }),
    ] });
    return { model, x: tensor([[1, 2, 3, 0], [4, 5, 0, 0]]) };
  }],
  ['functional: two inputs, attention, a nested model', () => {
    const a = input({ shape: [3, 4], name: 'a' });
    const b = input({ shape: [2], name: 'b' });
    const att = new MultiHeadAttention({ numHeads: 2, keyDim: 2 }).apply([a, a]);
    const pooled = new Flatten().apply(new LayerNormalization().apply(att));
    const inner = new Sequential({ name: 'inner', layers: [new Dense({ units: 3, inputShape: [2] })] });
    const out = new Dense({ units: 2 }).apply(new Concatenate().apply([pooled, inner.apply(b)]));
    const model = new Model({ inputs: [a, b], outputs: [out, inner.apply(b)] });
    return { model, x: [uniform([2, 3, 4]), uniform([2, 2])] };
  }],
];

describe('save → load round trips', () => {
  test.each(FAMILIES)('%s: same config, weights and predictions', async (_name, make) => {
    setSeed(3);
    const { model, x } = make();
    const before = toArrays(model.predict(x));
    const copy = await loadModelFromBytes(await saveModelToBytes(model), { customObjects });
    expect(copy.toJSON()).toEqual(model.toJSON());
    expect(copy.getWeights().map((w) => w.toArray())).toEqual(model.getWeights().map((w) => w.toArray()));
    expect(toArrays(copy.predict(x))).toEqual(before);
  });

  test('saveModel writes atomically: the file and nothing else', async () => {
    setSeed(3);
    const { model, x } = FAMILIES[0][1]();
    const dir = mkdtempSync(path.join(tmpdir(), 'strata-saving-'));
    try {
      const file = path.join(dir, 'm.keras');
      await saveModel(model, file);
      await saveModel(model, file); // overwriting goes through a temporary file too
      expect(readdirSync(dir)).toEqual(['m.keras']);
      const copy = await loadModel(file, { customObjects });
      expect(toArrays(copy.predict(x))).toEqual(toArrays(model.predict(x)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('optimizer state', () => {
  const OPTIMIZERS: [string, () => unknown][] = [
    ['Adam', () => new Adam({ learningRate: 0.05 })],
    ['SGD with momentum', () => new SGD({ learningRate: 0.1, momentum: 0.9, nesterov: true })],
    ['RMSprop', () => new RMSprop({ learningRate: 0.01, momentum: 0.5, centered: true })],
  ];

  test.each(OPTIMIZERS)('%s: train 2 steps, save, load, train 1 step = train 3 steps', async (_name, optimizer) => {
    setSeed(5);
    const { model } = FAMILIES[1][1]();
    const start = await saveModelToBytes(model);
    const x = uniform([4, 5, 5, 1]);
    const y = tensor([[1, 0], [0, 1], [1, 0], [0, 1]]);
    const straight = await loadModelFromBytes(start);
    const resumed = await loadModelFromBytes(start);
    for (const m of [straight, resumed]) m.compile({ optimizer: optimizer(), loss: 'categorical_crossentropy', metrics: ['accuracy'] });
    for (let i = 0; i < 3; i++) straight.trainOnBatch(x, y);
    resumed.trainOnBatch(x, y);
    resumed.trainOnBatch(x, y);
    const warnings: string[] = [];
    const loaded = await loadModelFromBytes(await saveModelToBytes(resumed), { onWarning: (m) => warnings.push(m) });
    loaded.trainOnBatch(x, y);
    expect(warnings).toEqual([]);
    expect(loaded.compiled!.optimizer.iterations).toBe(3);
    expect(loaded.getWeights().map((w) => w.toArray())).toEqual(straight.getWeights().map((w) => w.toArray()));
    expect(loaded.compiled!.optimizer.getWeights().map((w) => w.toArray())).toEqual(straight.compiled!.optimizer.getWeights().map((w) => w.toArray()));
  });

  test('a compiled model saved before training keeps a fresh optimizer, with a warning (as Keras)', async () => {
    setSeed(5);
    const { model, x } = FAMILIES[0][1]();
    model.compile({ optimizer: new Adam(), loss: 'mse' });
    const warnings: string[] = [];
    const loaded = await loadModelFromBytes(await saveModelToBytes(model), { customObjects, onWarning: (m) => warnings.push(m) });
    // iteration, learning_rate, then momentum and velocity for each of the 5 weights.
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^loadModelFromBytes: skipping variable loading for optimizer 'adam(_\d+)?', because it has 12 variables whereas the saved optimizer has 2 variables$/);
    expect(loaded.compiled!.optimizer.iterations).toBe(0);
    expect(toArrays(loaded.predict(x))).toEqual(toArrays(model.predict(x)));
  });
});
