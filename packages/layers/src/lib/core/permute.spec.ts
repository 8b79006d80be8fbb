import { ShapeError, ValueError, arange, randomUniform, reshape, transpose, zeros } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import fc from 'fast-check';
import { checkLayerContract } from '../testing/check-layer-contract';
import { input } from './input-layer';
import { Permute } from './permute';

describe('Permute', () => {
  it('passes the layer contract', () => {
    checkLayerContract(() => new Permute({ dims: [2, 1] }), { inputShape: [2, 3, 4], weights: 0, wrongRankShape: [2, 3] });
    checkLayerContract(() => new Permute({ dims: [3, 1, 2] }), { inputShape: [2, 2, 3, 4], weights: 0, wrongRankShape: [2, 3, 4] });
  });

  it('swaps the sample axes, keeping the batch axis', () => {
    const y = new Permute({ dims: [2, 1] }).apply(reshape(arange(6), [1, 2, 3]));
    expect(y.toArray()).toEqual([[[0, 3], [1, 4], [2, 5]]]);
  });

  it('moves axis dims[i] to position i (1-based)', () => {
    const x = randomUniform([2, 2, 3, 4], { seed: 4 });
    const y = new Permute({ dims: [3, 1, 2] }).apply(x);
    expect(y.shape).toEqual([2, 4, 2, 3]);
    expectClose(y, transpose(x, [0, 3, 1, 2]), 0, 0);
  });

  it('computes output shapes with unknown sizes and passes the dtype through', () => {
    expect(new Permute({ dims: [2, 1] }).computeOutputShape([null, 10, 64])).toEqual([null, 64, 10]);
    expect(new Permute({ dims: [2, 3, 1] }).computeOutputShape([null, null, 3, 4])).toEqual([null, 3, 4, null]);
    const y = new Permute({ dims: [2, 1] }).apply(input({ shape: [10, 64], dtype: 'int32' }));
    expect(y.shape).toEqual([null, 64, 10]);
    expect(y.dtype).toBe('int32');
    expect(new Permute({ dims: [2, 1] }).apply(zeros([1, 2, 3], 'int32')).dtype).toBe('int32');
  });

  it('has gradients matching finite differences', () => {
    const x = randomUniform([2, 2, 3], { minval: -1, maxval: 1, seed: 5 });
    checkGradients((v) => new Permute({ dims: [2, 1] }).apply(v), [x]);
  });

  it('is undone by the inverse permutation (property)', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([1, 2, 3, 4], { minLength: 4, maxLength: 4 }), fc.integer({ min: 0, max: 1000 }), (dims, seed) => {
        const x = randomUniform([2, 2, 3, 1, 2], { seed });
        const inverse = dims.map((_, i) => dims.indexOf(i + 1) + 1);
        const y = new Permute({ dims: inverse }).apply(new Permute({ dims }).apply(x));
        expectClose(y, x, 0, 0);
      }),
      { seed: 42, numRuns: 50 },
    );
  });

  it('writes the Keras config', () => {
    expect(new Permute({ dims: [2, 1], name: 'p' }).getConfig()).toEqual({
      name: 'p', trainable: true,
      dtype: { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null },
      dims: [2, 1],
    });
  });

  it.each([
    ['a gap', [1, 3]],
    ['a 0-based permutation', [0, 1]],
    ['a repeated index', [1, 1]],
    ['a fraction', [1, 1.5]],
    ['a string', '21'],
  ])('rejects %s as dims', (_what, dims) => {
    expect(() => new Permute({ dims: dims as never })).toThrow(ValueError);
    const shown = typeof dims === 'string' ? `'${dims}'` : `\\[${(dims as number[]).join(', ').replace('.', '\\.')}\\]`;
    expect(() => new Permute({ dims: dims as never })).toThrow(
      new RegExp(`Permute: dims must be a permutation of 1\\.\\.n \\(consecutive indices starting from 1\\), received dims=${shown}`),
    );
  });

  it('rejects an input of another rank', () => {
    const p = new Permute({ dims: [2, 1], name: 'perm' });
    expect(() => p.apply(zeros([2, 3, 4, 5]))).toThrow(ShapeError);
    expect(() => p.apply(zeros([2, 3, 4, 5]))).toThrow(/Input 0 of layer 'perm' is incompatible with the layer: expected ndim=3, found ndim=4/);
  });
});
