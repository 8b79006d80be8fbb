import { ShapeError, ValueError, randomUniform, tensor, zeros } from '@strata/tensor';
import { checkGradients } from '@strata/tensor/testing';
import { checkLayerContract } from '../testing/check-layer-contract';
import { input } from './input-layer';
import { RepeatVector } from './repeat-vector';

describe('RepeatVector', () => {
  it('passes the layer contract', () => {
    checkLayerContract(() => new RepeatVector({ n: 3 }), { inputShape: [2, 4], weights: 0, wrongRankShape: [2, 4, 1] });
  });

  it('repeats each sample vector n times', () => {
    const y = new RepeatVector({ n: 2 }).apply(tensor([[1, 2], [3, 4]]));
    expect(y.toArray()).toEqual([[[1, 2], [1, 2]], [[3, 4], [3, 4]]]);
  });

  it('computes output shapes with a null batch and passes the dtype through', () => {
    expect(new RepeatVector({ n: 3 }).computeOutputShape([null, 32])).toEqual([null, 3, 32]);
    const y = new RepeatVector({ n: 3 }).apply(input({ shape: [32], dtype: 'int32' }));
    expect(y.shape).toEqual([null, 3, 32]);
    expect(y.dtype).toBe('int32');
    expect(new RepeatVector({ n: 2 }).apply(zeros([1, 2], 'int32')).dtype).toBe('int32');
  });

  it('has gradients matching finite differences (summed over the copies)', () => {
    const x = randomUniform([2, 3], { minval: -1, maxval: 1, seed: 6 });
    checkGradients((v) => new RepeatVector({ n: 3 }).apply(v), [x]);
  });

  it('writes the Keras config', () => {
    expect(new RepeatVector({ n: 3, name: 'rv' }).getConfig()).toEqual({
      name: 'rv', trainable: true,
      dtype: { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null },
      n: 3,
    });
  });

  it.each([[0, '0'], [-2, '-2'], [1.5, '1\\.5'], ['3', "'3'"], [true, 'true']])('rejects n=%p', (n, shown) => {
    expect(() => new RepeatVector({ n: n as never })).toThrow(ValueError);
    expect(() => new RepeatVector({ n: n as never })).toThrow(new RegExp(`RepeatVector: n must be a positive integer, received n=${shown}$`));
  });

  it('rejects an input that is not (batch, features)', () => {
    const r = new RepeatVector({ n: 2, name: 'rep' });
    expect(() => r.apply(zeros([2, 3, 4]))).toThrow(ShapeError);
    expect(() => r.apply(zeros([2, 3, 4]))).toThrow(/Input 0 of layer 'rep' is incompatible with the layer: expected ndim=2, found ndim=3/);
  });
});
