// Mirrors the "A functional model with two inputs", "summary" and "JSON" sections of docs/getting-started.md.
import { Tensor, randomUniform, setSeed, sum, tensor } from '@strata/tensor';
import { Concatenate, Dense, input } from '@strata/layers';
import { Model, modelFromJSON } from '@strata/models';

export async function functionalExample(): Promise<Record<string, unknown>> {
  setSeed(7);

  const features = input({ shape: [4], name: 'features' });
  const context = input({ shape: [2], name: 'context' });
  const merged = new Concatenate({ axis: -1 }).apply([features, context]); // shape [null, 6]
  const hidden = new Dense({ units: 8, activation: 'relu', name: 'hidden' }).apply(merged);
  const score = new Dense({ units: 1, name: 'score' }).apply(hidden);
  const model = new Model({ inputs: [features, context], outputs: score, name: 'two_inputs' });

  model.compile({ optimizer: 'adam', loss: 'mse', metrics: ['mae'] });

  const xa = randomUniform([64, 4]);
  const xb = randomUniform([64, 2]);
  const y = sum(xa, 1, true); // a target the model can learn: shape [64, 1]
  const history = await model.fit([xa, xb], y, { epochs: 5, batchSize: 16, verbose: 0 });

  const out = model.predict([tensor([[1, 2, 3, 4]]), tensor([[0, 1]])]) as Tensor; // shape [1, 1]

  let table = '';
  model.summary({ printFn: (text) => (table = text) }); // without printFn it prints with console.log

  // Keras 3 model JSON: what `model.to_json()` writes. It holds the architecture, not the weights.
  const json = JSON.stringify(model);
  const copy = modelFromJSON(json);
  copy.setWeights(model.getWeights());
  const again = copy.predict([tensor([[1, 2, 3, 4]]), tensor([[0, 1]])]) as Tensor;

  return {
    layers: model.layers.map((l) => l.name), // ['features', 'context', 'concatenate', 'hidden', 'score']
    losses: history.history['loss'],
    out: out.toArray(),
    again: again.toArray(), // equal to out
    table,
    className: model.toJSON()['class_name'], // 'Functional'
  };
}
