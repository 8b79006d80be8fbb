import { ValueError, randomUniform, tensor } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import { getMask, setMask } from '../engine/masks';
import { checkLayerContract } from '../testing/check-layer-contract';
import { ActivityRegularization } from './activity-regularization';
import { input } from './input-layer';

describe('ActivityRegularization', () => {
  it('passes the layer contract', () => {
    checkLayerContract(() => new ActivityRegularization({ l1: 0.1, l2: 0.2 }), { inputShape: [2, 3], weights: 0 });
  });

  it('returns its input and records (l1 * sum|x| + l2 * sum x^2) / batch in losses', () => {
    const x = tensor([[1, -2], [3, 0]]);
    const l1 = new ActivityRegularization({ l1: 0.1 });
    expect(l1.apply(x).toArray()).toEqual([[1, -2], [3, 0]]);
    expect(l1.losses).toHaveLength(1);
    expectClose(l1.losses[0], 0.1 * 6 / 2);
    const both = new ActivityRegularization({ l1: 0.1, l2: 0.5 });
    both.apply(x);
    expectClose(both.losses[0], (0.1 * 6 + 0.5 * 14) / 2);
    const none = new ActivityRegularization();
    none.apply(x);
    expect(none.losses[0].item()).toBe(0);
  });

  it('keeps only the last call\'s penalty', () => {
    const reg = new ActivityRegularization({ l2: 1 });
    reg.apply(tensor([[1, 1]]));
    reg.apply(tensor([[3, 0]]));
    expect(reg.losses.map((l) => l.item())).toEqual([9]);
  });

  it('has penalty gradients matching finite differences', () => {
    const x = randomUniform([2, 3], { minval: 0.2, maxval: 1, seed: 3 });
    checkGradients((v) => {
      const reg = new ActivityRegularization({ l1: 0.3, l2: 0.2 });
      reg.apply(v);
      return reg.losses[0];
    }, [x]);
    checkGradients((v) => new ActivityRegularization({ l1: 0.3 }).apply(v), [x]);
  });

  it('passes masks through and keeps shapes', () => {
    const reg = new ActivityRegularization({ l1: 0.1 });
    expect(reg.supportsMasking).toBe(true);
    const x = tensor([[1, 2]]);
    const m = tensor([true], [1], 'bool');
    setMask(x, m);
    expect(getMask(reg.apply(x))).toBe(m);
    expect(reg.computeOutputShape([null, 3, 2])).toEqual([null, 3, 2]);
    expect(new ActivityRegularization().apply(input({ shape: [3, 2] })).shape).toEqual([null, 3, 2]);
  });

  it('writes the Keras config: l1 and l2, no activity_regularizer', () => {
    expect(new ActivityRegularization({ l1: 0.1, name: 'ar' }).getConfig()).toEqual({
      name: 'ar', trainable: true,
      dtype: { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null },
      l1: 0.1, l2: 0,
    });
    const again = ActivityRegularization.fromConfig({ name: 'x', l1: 0, l2: 0.3 });
    expect(again.l2).toBe(0.3);
    expect(again.activityRegularizer?.getConfig()).toEqual({ l1: 0, l2: 0.3 });
  });

  it.each([
    ['l1', -1, '-1'],
    ['l2', NaN, 'NaN'],
    ['l1', '0.1', "'0\\.1'"],
    ['l2', Infinity, 'Infinity'],
  ])('rejects %s=%p', (arg, value, shown) => {
    const make = () => new ActivityRegularization({ [arg]: value } as never);
    expect(make).toThrow(ValueError);
    expect(make).toThrow(new RegExp(`ActivityRegularization: ${arg} must be a non-negative finite number, received ${arg}=${shown}$`));
  });
});
