import { ValueError } from '@strata/tensor';
import { CallbackList } from './callback';
import { LambdaCallback, LambdaCallbackArgs } from './lambda-callback';

describe('LambdaCallback', () => {
  it('runs the given functions as hooks, awaiting promises, and leaves the others empty', async () => {
    const calls: unknown[][] = [];
    const cb = new LambdaCallback({
      onTrainBegin: (logs) => void calls.push(['trainBegin', logs]),
      onEpochBegin: (epoch) => void calls.push(['epochBegin', epoch]),
      onTrainBatchBegin: (batch) => void calls.push(['batchBegin', batch]),
      onTrainBatchEnd: async (batch, logs) => {
        await Promise.resolve();
        calls.push(['batchEnd', batch, logs]);
      },
      onEpochEnd: (epoch, logs) => void calls.push(['epochEnd', epoch, logs]),
      onTrainEnd: (logs) => void calls.push(['trainEnd', logs]),
      onTestEnd: () => void calls.push(['testEnd']),
    });
    const list = new CallbackList([cb]);
    await list.call('onTrainBegin');
    await list.call('onEpochBegin', 0);
    await list.call('onTrainBatchBegin', 0);
    await list.call('onTrainBatchEnd', 0, { loss: 1 });
    await list.call('onEpochEnd', 0, { loss: 1 });
    await list.call('onPredictBegin');
    await list.call('onTestEnd');
    await list.call('onTrainEnd', { loss: 1 });
    expect(calls).toEqual([
      ['trainBegin', undefined],
      ['epochBegin', 0],
      ['batchBegin', 0],
      ['batchEnd', 0, { loss: 1 }],
      ['epochEnd', 0, { loss: 1 }],
      ['testEnd'],
      ['trainEnd', { loss: 1 }],
    ]);
  });

  it('rejects hooks that are not functions and unknown names', () => {
    const notFn = { onEpochEnd: 3 } as unknown as LambdaCallbackArgs;
    expect(() => new LambdaCallback(notFn)).toThrow(ValueError);
    expect(() => new LambdaCallback(notFn)).toThrow('LambdaCallback: onEpochEnd must be a function, received onEpochEnd=3');
    const snake = { on_epoch_end: () => undefined } as unknown as LambdaCallbackArgs;
    expect(() => new LambdaCallback(snake)).toThrow(ValueError);
    expect(() => new LambdaCallback(snake)).toThrow(/^LambdaCallback: unknown option 'on_epoch_end', expected one of onEpochBegin, onEpochEnd, .*, received on_epoch_end=/);
  });
});
