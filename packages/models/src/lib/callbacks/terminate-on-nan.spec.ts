import { Dense } from '@strata/layers';
import { StrataError, tensor } from '@strata/tensor';
import { Sequential } from '../sequential';
import { LambdaCallback } from './lambda-callback';
import { TerminateOnNaN } from './terminate-on-nan';

function denseModel(): Sequential {
  return new Sequential({ layers: [new Dense({ units: 1, inputShape: [2] })] });
}

describe('TerminateOnNaN', () => {
  it('stops training on a NaN or infinite loss, and says so', () => {
    for (const loss of [NaN, Infinity, -Infinity]) {
      const log = jest.fn();
      const cb = new TerminateOnNaN({ log });
      const model = denseModel();
      cb.setModel(model);
      cb.onTrainBatchEnd(0, { loss: 1 });
      cb.onTrainBatchEnd(1, {});
      expect(model.stopTraining).toBe(false);
      cb.onTrainBatchEnd(2, { loss });
      expect(model.stopTraining).toBe(true);
      expect(log.mock.calls).toEqual([['Batch 2: Invalid loss, terminating training', 'info']]);
    }
  });

  it('throws instead with raiseError', () => {
    const cb = new TerminateOnNaN({ raiseError: true });
    cb.setModel(denseModel());
    expect(() => cb.onTrainBatchEnd(4, { loss: NaN })).toThrow(StrataError);
    expect(() => cb.onTrainBatchEnd(4, { loss: NaN })).toThrow('NaN or Inf loss encountered at batch 4. Loss value: NaN. Terminating training immediately.');
  });

  it('ends fit after the batch with a NaN loss', async () => {
    const model = denseModel();
    model.compile({ optimizer: 'sgd', loss: 'mse' });
    const batches: number[] = [];
    const seen = new LambdaCallback({ onTrainBatchEnd: (b) => void batches.push(b) });
    const x = tensor([[1, 2], [3, 4], [5, 6]]);
    const y = tensor([[1], [NaN], [3]]);
    const history = await model.fit(x, y, {
      epochs: 3, batchSize: 1, shuffle: false, verbose: 0, callbacks: [new TerminateOnNaN({ log: () => undefined }), seen],
    });
    expect(batches).toEqual([0, 1]);
    expect(history.epoch).toEqual([0]);
  });
});
