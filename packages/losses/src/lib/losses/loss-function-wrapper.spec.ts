import { ValueError } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import { tensor } from '@strata/tensor';
import { LossFunctionWrapper } from './loss-function-wrapper';
import { meanAbsoluteError } from './regression-functions';

describe('LossFunctionWrapper', () => {
  it('computes its TSDoc example', () => {
    expectClose(new LossFunctionWrapper({ fn: 'huber', fnOptions: { delta: 2 } }).apply([[0, 0]], [[1, 4]]), 3.25);
  });

  it('matches ranks like Keras before calling the function', () => {
    const loss = new LossFunctionWrapper({ fn: meanAbsoluteError, reduction: 'none' });
    expect(loss.apply([1, 0, 1], [[0.5], [0.5], [1]]).toArray()).toEqual([0.5, 0.5, 0]);
    expect(loss.name).toBe('loss_function_wrapper');
  });

  it('is differentiable', () => {
    const loss = new LossFunctionWrapper({ fn: 'binary_crossentropy', fnOptions: { fromLogits: true } });
    checkGradients((x) => loss.apply([[1, 0]], x), [tensor([[0.5, -1]])]);
  });

  it('round-trips its config, with fn options in snake_case', () => {
    const loss = new LossFunctionWrapper({ fn: 'binary_crossentropy', fnOptions: { fromLogits: true }, reduction: 'sum' });
    const config = loss.getConfig();
    expect(config['from_logits']).toBe(true);
    expect(LossFunctionWrapper.fromConfig(config).getConfig()).toEqual(config);
  });

  it('rejects an unknown function, listing the built-in ones', () => {
    expect(() => new LossFunctionWrapper({ fn: 'nope' })).toThrow(ValueError);
    expect(() => new LossFunctionWrapper({ fn: 'nope' })).toThrow(/fn must be a function or the name of a built-in one \(mean_squared_error, .*received fn='nope'/);
    expect(() => new (LossFunctionWrapper as unknown as new () => LossFunctionWrapper)()).toThrow(/received fn=undefined/);
  });
});
