import { Tensor, ValueError, mul, randomUniform, tanh, tensor, zeros } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import { getMask, setMask } from '../engine/masks';
import { checkLayerContract } from '../testing/check-layer-contract';
import { Activation } from './activation';
import { input } from './input-layer';

describe('Activation', () => {
  it('passes the layer contract', () => {
    checkLayerContract(() => new Activation({ activation: 'relu' }), { inputShape: [2, 3], weights: 0 });
    checkLayerContract(() => new Activation({ activation: 'softmax' }), { inputShape: [2, 3, 4], weights: 0 });
  });

  it('applies the activation by name, as Keras\'s docstring example', () => {
    expect(new Activation({ activation: 'relu' }).apply(tensor([-3, -1, 0, 2])).toArray()).toEqual([0, 0, 0, 2]);
    const y = new Activation({ activation: 'softmax' }).apply(tensor([[0, Math.log(3)]]));
    expectClose(y, tensor([[0.25, 0.75]]));
  });

  it('accepts a function and null (linear)', () => {
    const double = (x: Tensor) => mul(x, 2);
    expect(new Activation({ activation: double }).apply(tensor([1, -2])).toArray()).toEqual([2, -4]);
    expect(new Activation({ activation: null }).apply(tensor([1, -2])).toArray()).toEqual([1, -2]);
  });

  it('passes masks through and keeps shapes', () => {
    const act = new Activation({ activation: 'tanh' });
    expect(act.supportsMasking).toBe(true);
    const x = zeros([2, 3]);
    const m = tensor([true, false], [2], 'bool');
    setMask(x, m);
    expect(getMask(act.apply(x))).toBe(m);
    expect(act.computeOutputShape([null, 3])).toEqual([null, 3]);
    expect(new Activation({ activation: 'relu' }).apply(input({ shape: [4, 2] })).shape).toEqual([null, 4, 2]);
  });

  it('has gradients matching finite differences', () => {
    const x = randomUniform([2, 3], { minval: -2, maxval: 2, seed: 8 });
    checkGradients((v) => new Activation({ activation: 'tanh' }).apply(v), [x]);
    checkGradients((v) => new Activation({ activation: 'softmax' }).apply(v), [x]);
    expectClose(new Activation({ activation: 'tanh' }).apply(x), tanh(x));
  });

  it('writes the Keras config', () => {
    expect(new Activation({ activation: 'relu', name: 'a' }).getConfig()).toEqual({
      name: 'a', trainable: true,
      dtype: { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null },
      activation: 'relu',
    });
    expect(new Activation({ activation: null }).getConfig()['activation']).toBe('linear');
  });

  it('requires an activation', () => {
    expect(() => new Activation({} as never)).toThrow(ValueError);
    expect(() => new Activation({} as never)).toThrow(
      /Activation: activation is required \(a name, a function or null\), received activation=undefined/,
    );
  });

  it('rejects an unknown activation name', () => {
    expect(() => new Activation({ activation: 'nope' })).toThrow(ValueError);
    expect(() => new Activation({ activation: 'nope' })).toThrow(/'nope'/);
  });
});
