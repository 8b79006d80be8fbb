import { Dense } from '@strata/layers';
import { SGD } from '@strata/optimizers';
import { ValueError, full, tensor } from '@strata/tensor';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Model } from '../model';
import { Sequential } from '../sequential';
import { ModelCheckpoint, ModelCheckpointArgs } from './model-checkpoint';
import { formatNumber } from './python-format';

function denseModel(): Sequential {
  return new Sequential({ layers: [new Dense({ units: 1, inputShape: [2] })] });
}

/** A checkpoint whose saves are recorded as [path, weightsOnly]. */
function recording(args: Omit<ModelCheckpointArgs, 'save'>): { ckpt: ModelCheckpoint; saved: [string, boolean][]; model: Model } {
  const saved: [string, boolean][] = [];
  const model = denseModel();
  const ckpt = new ModelCheckpoint({ ...args, save: async (m, p, o) => void (m === model && saved.push([p, o.weightsOnly])) });
  ckpt.setModel(model);
  return { ckpt, saved, model };
}

async function epochs(ckpt: ModelCheckpoint, logs: Record<string, number>[]): Promise<void> {
  ckpt.onTrainBegin();
  for (let e = 0; e < logs.length; e++) {
    ckpt.onEpochBegin(e);
    await ckpt.onEpochEnd(e, logs[e]);
  }
}

describe('ModelCheckpoint', () => {
  it('saves at every epoch end, formatting the path as Python', async () => {
    const { ckpt, saved } = recording({ filepath: 'ckpt-{epoch:02d}-{val_loss:.2f}.keras' });
    await epochs(ckpt, [{ loss: 1, val_loss: 0.456 }, { loss: 1, val_loss: 0.125 }]);
    expect(saved).toEqual([
      ['ckpt-01-0.46.keras', false],
      ['ckpt-02-0.12.keras', false],
    ]);
  });

  it('with saveBestOnly, saves only improvements (min for a loss)', async () => {
    const { ckpt, saved } = recording({ filepath: 'e{epoch}.keras', saveBestOnly: true });
    await epochs(ckpt, [{ val_loss: 0.5 }, { val_loss: 0.6 }, { val_loss: 0.4 }, { val_loss: 0.4 }]);
    expect(saved.map((s) => s[0])).toEqual(['e1.keras', 'e3.keras']);
    expect(ckpt.best).toBe(0.4);
  });

  it('starts from initialValueThreshold and follows mode', async () => {
    const { ckpt, saved } = recording({ filepath: 'e{epoch}.weights.h5', monitor: 'acc', mode: 'max', saveBestOnly: true, saveWeightsOnly: true, initialValueThreshold: 0.7 });
    await epochs(ckpt, [{ acc: 0.5 }, { acc: 0.8 }, { acc: 0.75 }, { acc: 0.9 }]);
    expect(saved).toEqual([
      ['e2.weights.h5', true],
      ['e4.weights.h5', true],
    ]);
  });

  it('saves and warns when the monitored value is missing', async () => {
    const log = jest.fn();
    const { ckpt, saved } = recording({ filepath: 'm.keras', saveBestOnly: true, log });
    await epochs(ckpt, [{ loss: 1 }]);
    expect(saved).toHaveLength(1);
    expect(log).toHaveBeenCalledWith('Can save best model only with val_loss available.', 'warn');
  });

  it('saves every saveFreq batches, counting across epochs as Keras', async () => {
    const { ckpt, saved } = recording({ filepath: 'e{epoch}-b{batch}.keras', saveFreq: 2 });
    ckpt.onTrainBegin();
    for (let e = 0; e < 2; e++) {
      ckpt.onEpochBegin(e);
      for (let b = 0; b < 5; b++) await ckpt.onTrainBatchEnd(b, { loss: 1 });
      await ckpt.onEpochEnd(e, { loss: 1 });
    }
    expect(saved.map((s) => s[0])).toEqual(['e1-b2.keras', 'e1-b4.keras', 'e2-b1.keras', 'e2-b3.keras', 'e2-b5.keras']);
  });

  it('prints its decisions when verbose', async () => {
    const log = jest.fn();
    const { ckpt } = recording({ filepath: 'm.keras', saveBestOnly: true, verbose: 1, log });
    await epochs(ckpt, [{ val_loss: 0.5 }, { val_loss: 0.6 }]);
    expect(log.mock.calls).toEqual([
      ['Epoch 1: val_loss improved from None to 0.50000, saving model to m.keras', 'info'],
      ['Epoch 1: finished saving model to m.keras', 'info'],
      ['Epoch 2: val_loss did not improve from 0.50000', 'info'],
    ]);
  });

  it('names a placeholder missing from the logs', async () => {
    const { ckpt } = recording({ filepath: 'm-{val_acc:.2f}.keras' });
    ckpt.onEpochBegin(0);
    await expect(ckpt.onEpochEnd(0, { loss: 1 })).rejects.toThrow(ValueError);
    await expect(ckpt.onEpochEnd(0, { loss: 1 })).rejects.toThrow(
      "ModelCheckpoint: failed to format the filepath 'm-{val_acc:.2f}.keras': no value for 'val_acc'; available: loss, epoch",
    );
  });

  it('rejects bad arguments as Keras', () => {
    const cases: [ModelCheckpointArgs, string][] = [
      [{ filepath: 'm.txt' }, "ModelCheckpoint: filepath must end in '.keras' (Keras model format), received filepath='m.txt'"],
      [
        { filepath: 'm.keras', saveWeightsOnly: true },
        "ModelCheckpoint: with saveWeightsOnly, filepath must end in '.weights.h5' (Keras weights format), received filepath='m.keras'",
      ],
      [{ filepath: 'm.keras', saveFreq: 'batch' as 'epoch' }, "ModelCheckpoint: saveFreq must be 'epoch' or an integer, received saveFreq='batch'"],
      [{ filepath: 'm.keras', saveFreq: 2.5 }, "ModelCheckpoint: saveFreq must be 'epoch' or an integer, received saveFreq=2.5"],
      [{ filepath: '' }, "ModelCheckpoint: filepath must be a non-empty string, received filepath=''"],
    ];
    for (const [args, message] of cases) {
      expect(() => new ModelCheckpoint(args)).toThrow(ValueError);
      expect(() => new ModelCheckpoint(args)).toThrow(message);
    }
  });

  it('lets a custom save use any path', () => {
    expect(new ModelCheckpoint({ filepath: 'indexeddb://m', save: async () => undefined }).filepath).toBe('indexeddb://m');
  });

  it('saves the best epochs of fit', async () => {
    // A step too large for the data: the loss grows after the first epoch, so only epoch 1 is the best.
    const model = denseModel();
    model.setWeights(model.getWeights().map((w) => full(w.shape, 0.5)));
    model.compile({ optimizer: new SGD({ learningRate: 1 }), loss: 'mse' });
    const saved: string[] = [];
    const ckpt = new ModelCheckpoint({ filepath: 'best-{epoch:02d}-{loss:.3e}.keras', monitor: 'loss', saveBestOnly: true, save: async (_m, p) => void saved.push(p) });
    const history = await model.fit(tensor([[1, 2], [3, 4]]), tensor([[1], [2]]), { epochs: 3, shuffle: false, verbose: 0, callbacks: [ckpt] });
    expect(saved).toEqual([`best-01-${formatNumber(history.history['loss'][0], '.3e', false)}.keras`]);
  });

  describe('without a save function', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'strata-ckpt-'));
      jest.resetModules();
    });
    afterEach(() => {
      jest.dontMock('@strata/saving');
      rmSync(dir, { recursive: true, force: true });
    });

    it('uses saveModel and saveWeights of @strata/saving, creating the directory', async () => {
      const saving = { saveModel: jest.fn(async () => undefined), saveWeights: jest.fn(async () => undefined) };
      jest.doMock('@strata/saving', () => saving, { virtual: true });
      const model = denseModel();
      const whole = new ModelCheckpoint({ filepath: join(dir, 'sub', 'm{epoch}.keras') });
      const weights = new ModelCheckpoint({ filepath: join(dir, 'w.weights.h5'), saveWeightsOnly: true });
      for (const c of [whole, weights]) {
        c.setModel(model);
        await c.onEpochEnd(0, {});
      }
      expect(saving.saveModel).toHaveBeenCalledWith(model, join(dir, 'sub', 'm1.keras'));
      expect(saving.saveWeights).toHaveBeenCalledWith(model, join(dir, 'w.weights.h5'));
      expect(existsSync(join(dir, 'sub'))).toBe(true);
    });

    it('explains how to get saving when @strata/saving is missing', async () => {
      jest.doMock(
        '@strata/saving',
        () => {
          throw new Error("Cannot find module '@strata/saving'");
        },
        { virtual: true },
      );
      const ckpt = new ModelCheckpoint({ filepath: join(dir, 'm.keras') });
      ckpt.setModel(denseModel());
      await expect(ckpt.onEpochEnd(0, {})).rejects.toThrow(ValueError);
      await expect(ckpt.onEpochEnd(0, {})).rejects.toThrow(
        /^ModelCheckpoint: saving needs the @strata\/saving package, which could not be loaded \(Cannot find module '@strata\/saving'\)\. Install it \(npm install @strata\/saving\) or pass a save function/,
      );
    });
  });
});
