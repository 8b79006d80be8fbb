import { ActivityRegularization, Dense, clearSession, input } from '@strata/layers';
import { MaxNorm } from '@strata/constraints';
import { L2 } from '@strata/regularizers';
import { Adam, SGD } from '@strata/optimizers';
import { ValueError, tensor, setSeed, randomNormal, Tensor } from '@strata/tensor';
import { expectClose } from '@strata/tensor/testing';
import fixture from './__fixtures__/fit.json';
import { Sequential } from './sequential';
import { Callback, Logs } from './callbacks/callback';

type FitCase = {
  loss: string; initial_weights: number[][]; history: Record<string, number[]>; final_weights: number[][];
  evaluate: Record<string, number>; y: number[][] | number[]; y_val: number[][] | number[];
};
const data = fixture as unknown as { keras_version: string; x: number[][]; x_val: number[][]; cases: Record<string, FitCase> };

function kerasModel(): Sequential {
  return new Sequential({
    layers: [
      input({ shape: [5] }),
      new Dense({ units: 8, activation: 'relu', kernelConstraint: new MaxNorm({ maxValue: 0.8 }), kernelRegularizer: new L2({ l2: 0.01 }), name: 'hidden' }),
      new ActivityRegularization({ l1: 0.001, name: 'act_reg' }),
      new Dense({ units: 3, activation: 'softmax', name: 'out' }),
    ],
  });
}

const labels = (y: number[][] | number[]) => (Array.isArray(y[0]) ? tensor(y as number[][]) : tensor(y as number[], undefined, 'int32'));

beforeEach(() => clearSession());

describe(`fit matches a Keras ${data.keras_version} run (constraint, regularizer, activity regularization)`, () => {
  it.each(Object.keys(data.cases))('%s: per-epoch logs, final weights and evaluate', async (name) => {
    const c = data.cases[name];
    const model = kerasModel();
    model.setWeights(c.initial_weights.map((w) => tensor(w)));
    const optimizer = name.startsWith('sgd') ? new SGD({ learningRate: 0.1, momentum: 0.9 }) : new Adam({ learningRate: 0.01 });
    model.compile({ optimizer, loss: c.loss, metrics: ['accuracy'] });
    const history = await model.fit(tensor(data.x), labels(c.y), {
      batchSize: 8, epochs: 3, shuffle: false, verbose: 0, validationData: [tensor(data.x_val), labels(c.y_val)],
    });
    for (const [key, values] of Object.entries(c.history)) expectClose(tensor(history.history[key]), tensor(values), 1e-4, 1e-5, key);
    model.getWeights().forEach((w, i) => expectClose(w, tensor(c.final_weights[i]), 1e-4, 1e-5, `weight ${i}`));
    const ev = model.evaluate(tensor(data.x_val), labels(c.y_val));
    expectClose(ev['loss'], c.evaluate['loss'], 1e-4);
    expectClose(ev['accuracy'], c.evaluate['accuracy'], 1e-6);
  });
});

describe('fit', () => {
  it('learns a linear map and reports callbacks in order', async () => {
    setSeed(3);
    const x = randomNormal([64, 3], { seed: 1 });
    const w = tensor([[1], [-2], [0.5]]);
    const y = tensor(Array.from({ length: 64 }, (_, i) => [x.data[i * 3] - 2 * x.data[i * 3 + 1] + 0.5 * x.data[i * 3 + 2]]));
    void w;
    const model = new Sequential({ layers: [new Dense({ units: 1, inputShape: [3] })] });
    model.compile({ optimizer: new SGD({ learningRate: 0.1 }), loss: 'mse' });
    const events: string[] = [];
    class Spy extends Callback {
      override onEpochEnd(epoch: number, logs: Logs = {}) {
        events.push(`epoch ${epoch} ${logs['loss'] >= 0}`);
      }
      override onTrainEnd() {
        events.push('end');
      }
    }
    const h = await model.fit(x, y, { epochs: 20, batchSize: 16, verbose: 0, callbacks: [new Spy()] });
    expect(h.history['loss'][19]).toBeLessThan(h.history['loss'][0] / 100);
    expect(events).toHaveLength(21);
    expect(events[20]).toBe('end');
  });

  it('stops when the AbortSignal fires, and validates its arguments', async () => {
    const model = new Sequential({ layers: [new Dense({ units: 1, inputShape: [2] })] });
    model.compile({ optimizer: 'sgd', loss: 'mse' });
    const controller = new AbortController();
    controller.abort();
    const h = await model.fit(tensor([[1, 2], [3, 4]]), tensor([[1], [2]]), { epochs: 5, batchSize: 1, verbose: 0, signal: controller.signal });
    expect(h.epoch).toEqual([0]);
    await expect(model.fit(tensor([[1, 2]]), tensor([[1]]), { batchSize: 0 })).rejects.toThrow(/batchSize must be a positive integer, received batchSize=0/);
    await expect(model.fit(tensor([[1, 2], [3, 4]]), tensor([[1]]), { verbose: 0 })).rejects.toThrow(ValueError);
    await expect(model.fit(tensor([[1, 2], [3, 4]]), tensor([[1]]), { verbose: 0 })).rejects.toThrow(/x has 2 samples but y has 1/);
    const fresh = new Sequential({ layers: [new Dense({ units: 1, inputShape: [2] })] });
    await expect(fresh.fit(tensor([[1, 2]]), tensor([[1]]))).rejects.toThrow(/you must call compile\(\)/);
  });

  it('takes the validation split from the end, before shuffling', async () => {
    const model = new Sequential({ layers: [new Dense({ units: 1, inputShape: [1], kernelInitializer: 'zeros' })] });
    model.compile({ optimizer: new SGD({ learningRate: 0 }), loss: 'mse' });
    const x = tensor([[1], [2], [3], [4], [5]]);
    const y = tensor([[0], [0], [0], [0], [10]]);
    const h = await model.fit(x, y, { epochs: 1, validationSplit: 0.2, verbose: 0 });
    expect(h.history['val_loss'][0]).toBeCloseTo(100); // only the last sample
    expect(h.history['loss'][0]).toBeCloseTo(0);
  });

  it('predicts in batches and trains on single batches', () => {
    const model = new Sequential({ layers: [new Dense({ units: 2, inputShape: [3], kernelInitializer: 'ones' })] });
    model.compile({ optimizer: 'sgd', loss: 'mse', metrics: ['mae'] });
    const x = tensor(Array.from({ length: 70 }, () => [1, 1, 1]));
    expect((model.predict(x, { batchSize: 32 }) as Tensor).shape).toEqual([70, 2]);
    const logs = model.trainOnBatch(tensor([[1, 1, 1]]), tensor([[0, 0]]));
    expect(logs['loss']).toBeCloseTo(9);
    expect(logs['mae']).toBeCloseTo(3);
    expect(Object.keys(model.testOnBatch(tensor([[1, 1, 1]]), tensor([[0, 0]])))).toEqual(['loss', 'mae']);
  });
});
