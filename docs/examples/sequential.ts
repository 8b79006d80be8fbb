// Mirrors the "A Sequential model" section of docs/getting-started.md.
import { Tensor, cast, greater, randomNormal, setSeed, sum, tensor } from '@strata/tensor';
import { Dense, Dropout } from '@strata/layers';
import { Adam } from '@strata/optimizers';
import { EarlyStopping, Sequential } from '@strata/models';

export async function sequentialExample(): Promise<Record<string, unknown>> {
  setSeed(42);

  // 256 samples with 4 features; the label is 1 when the features sum to more than 0.
  const x = randomNormal([256, 4]);
  const y = cast(greater(sum(x, 1, true), 0), 'float32'); // shape [256, 1]

  const model = new Sequential({
    layers: [
      new Dense({ units: 16, inputShape: [4], activation: 'relu' }),
      new Dropout({ rate: 0.1 }),
      new Dense({ units: 1, activation: 'sigmoid' }),
    ],
  });

  model.compile({
    optimizer: new Adam({ learningRate: 0.01 }),
    loss: 'binary_crossentropy',
    metrics: ['accuracy'],
  });

  const history = await model.fit(x, y, {
    epochs: 20,
    batchSize: 32,
    validationSplit: 0.2,
    callbacks: [new EarlyStopping({ monitor: 'val_loss', patience: 3, restoreBestWeights: true })],
    verbose: 0,
  });

  const scores = model.evaluate(x, y, { batchSize: 64 }); // { loss, accuracy }
  const p = model.predict(tensor([[1, 1, 1, 1], [-1, -1, -1, -1]])) as Tensor; // shape [2, 1]

  return {
    epochs: history.epoch.length,
    lossPerEpoch: history.history['loss'],
    valAccuracy: history.history['val_accuracy'],
    loss: scores['loss'],
    accuracy: scores['accuracy'],
    predictions: p.toArray(),
    params: model.countParams(), // 4*16 + 16 + 16*1 + 1 = 97
  };
}
