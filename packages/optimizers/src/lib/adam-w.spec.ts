import { ValueError } from '@strata/tensor';
import { expectClose } from '@strata/tensor/testing';
import { Adam } from './adam';
import { AdamW } from './adam-w';
import { trace } from './testing/trace';

describe('AdamW', () => {
  it('decays the weights by w * weightDecay * lr before the Adam step (hand golden)', () => {
    const [step] = trace(new AdamW({ learningRate: 0.1, weightDecay: 0.5 }), [2], [[1]]);
    const adamStep = 2 - trace(new Adam({ learningRate: 0.1 }), [2], [[1]])[0][0];
    expectClose(step, [2 - 2 * 0.5 * 0.1 - adamStep], 1e-6);
  });

  it('defaults weight_decay to 0.004 and requires one', () => {
    expect(new AdamW().weightDecay).toBe(0.004);
    expect(AdamW.fromConfig({}).getConfig()['weight_decay']).toBe(0.004);
    expect(() => new AdamW({ weightDecay: null })).toThrow(ValueError);
    expect(() => new AdamW({ weightDecay: null })).toThrow('AdamW: weight_decay must be a number, received weight_decay=null');
  });
});
