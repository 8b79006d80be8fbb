import { randomUniform, tensor, zeros } from '@strata/tensor';
import { checkGradients } from '@strata/tensor/testing';
import { getMask, setMask } from '../engine/masks';
import { checkLayerContract } from '../testing/check-layer-contract';
import { Identity } from './identity';
import { input } from './input-layer';

describe('Identity', () => {
  it('passes the layer contract for one input and for a list', () => {
    checkLayerContract(() => new Identity(), { inputShape: [2, 3], weights: 0 });
    checkLayerContract(() => new Identity(), { inputShape: [[2, 3], [2, 5, 1]], weights: 0 });
  });

  it('returns its inputs unchanged', () => {
    expect(new Identity().apply(tensor([1, -2, 3])).toArray()).toEqual([1, -2, 3]);
    const [a, b] = new Identity().applyMulti([tensor([1]), tensor([[2, 3]])]);
    expect(a.toArray()).toEqual([1]);
    expect(b.toArray()).toEqual([[2, 3]]);
  });

  it('keeps shapes and dtypes, symbolically too', () => {
    const id = new Identity();
    expect(id.computeOutputShape([null, 4])).toEqual([null, 4]);
    expect(id.computeOutputShape([[null, 4], [null, 2, 2]])).toEqual([[null, 4], [null, 2, 2]]);
    const y = new Identity().apply(input({ shape: [4], dtype: 'int32' }));
    expect(y.shape).toEqual([null, 4]);
    expect(y.dtype).toBe('int32');
    expect(new Identity().apply(zeros([2], 'bool')).dtype).toBe('bool');
  });

  it('passes masks through', () => {
    const id = new Identity();
    expect(id.supportsMasking).toBe(true);
    const x = zeros([2, 3]);
    const m = tensor([true, false], [2], 'bool');
    setMask(x, m);
    expect(getMask(id.apply(x))).toBe(m);
  });

  it('has gradient 1', () => {
    checkGradients((v) => new Identity().apply(v), [randomUniform([2, 3], { seed: 1 })]);
  });

  it('writes the Keras config', () => {
    expect(new Identity({ name: 'i', trainable: false }).getConfig()).toEqual({
      name: 'i', trainable: false,
      dtype: { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null },
    });
  });
});
