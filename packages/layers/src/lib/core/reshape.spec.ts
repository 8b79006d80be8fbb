import { ShapeError, ValueError, arange, randomUniform, reshape, zeros } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import fc from 'fast-check';
import { checkLayerContract } from '../testing/check-layer-contract';
import { input } from './input-layer';
import { Reshape } from './reshape';

describe('Reshape', () => {
  it('passes the layer contract', () => {
    checkLayerContract(() => new Reshape({ targetShape: [3, 4] }), { inputShape: [2, 12], weights: 0 });
    checkLayerContract(() => new Reshape({ targetShape: [-1, 2] }), { inputShape: [2, 3, 4], weights: 0 });
  });

  it('reshapes each sample, keeping the batch axis', () => {
    const y = new Reshape({ targetShape: [2, 3] }).apply(reshape(arange(12), [2, 6]));
    expect(y.toArray()).toEqual([[[0, 1, 2], [3, 4, 5]], [[6, 7, 8], [9, 10, 11]]]);
  });

  it('infers one -1 entry from the sample size', () => {
    expect(new Reshape({ targetShape: [3, -1] }).apply(zeros([2, 12])).shape).toEqual([2, 3, 4]);
    expect(new Reshape({ targetShape: [-1, 2, 2] }).apply(zeros([5, 3, 4])).shape).toEqual([5, 3, 2, 2]);
    expect(new Reshape({ targetShape: [-1] }).apply(zeros([1, 2, 3, 4])).shape).toEqual([1, 24]);
  });

  it('computes output shapes with a null batch, and null where -1 cannot be inferred', () => {
    const r = new Reshape({ targetShape: [3, -1] });
    expect(r.computeOutputShape([null, 12])).toEqual([null, 3, 4]);
    expect(r.computeOutputShape([null, null, 4])).toEqual([null, 3, null]);
    expect(new Reshape({ targetShape: [2, 2] }).computeOutputShape([null, null])).toEqual([null, 2, 2]);
  });

  it('works on symbolic inputs and passes the dtype through', () => {
    const y = new Reshape({ targetShape: [-1, 2] }).apply(input({ shape: [3, 4], dtype: 'int32' }));
    expect(y.shape).toEqual([null, 6, 2]);
    expect(y.dtype).toBe('int32');
    expect(new Reshape({ targetShape: [4] }).apply(zeros([1, 2, 2], 'bool')).dtype).toBe('bool');
  });

  it('has gradients matching finite differences', () => {
    const x = randomUniform([2, 6], { minval: -1, maxval: 1, seed: 2 });
    checkGradients((v) => new Reshape({ targetShape: [3, -1] }).apply(v), [x]);
  });

  it('round-trips back to the sample shape (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 1000 }), (dims, seed) => {
        const x = randomUniform([3, ...dims], { seed });
        const y = new Reshape({ targetShape: [-1] }).apply(x);
        expectClose(new Reshape({ targetShape: dims }).apply(y), x, 0, 0);
      }),
      { seed: 42, numRuns: 50 },
    );
  });

  it('writes the Keras config', () => {
    expect(new Reshape({ targetShape: [3, -1], name: 'r' }).getConfig()).toEqual({
      name: 'r', trainable: true,
      dtype: { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null },
      target_shape: [3, -1],
    });
  });

  it.each([
    ['a string', 'abc', /Reshape: targetShape must be an array of integers, received targetShape='abc'/],
    ['a fraction', [1.5, 2], /Reshape: targetShape must be an array of integers, received targetShape=\[1\.5, 2\]/],
    ['null entries', [null, 2], /Reshape: targetShape must be an array of integers, received targetShape=\[null, 2\]/],
    ['an entry below -1', [2, -2], /Reshape: each entry of targetShape must be a non-negative integer, or -1 for a single unknown size, received targetShape=\[2, -2\]/],
    ['two -1 entries', [-1, -1], /Reshape: targetShape may hold at most one unknown size \(-1\), received targetShape=\[-1, -1\]/],
  ])('rejects %s as targetShape', (_what, targetShape, message) => {
    expect(() => new Reshape({ targetShape: targetShape as never })).toThrow(ValueError);
    expect(() => new Reshape({ targetShape: targetShape as never })).toThrow(message);
  });

  it('rejects an input whose sample size does not fit', () => {
    const r = new Reshape({ targetShape: [5, 3], name: 'r' });
    expect(() => r.apply(zeros([2, 12]))).toThrow(ShapeError);
    expect(() => r.apply(zeros([2, 12]))).toThrow(
      /Reshape 'r': targetShape must hold the 12 values of each sample of an input of shape \(2, 12\), received targetShape=\[5, 3\]/,
    );
    expect(() => new Reshape({ targetShape: [5, -1] }).apply(input({ shape: [12] }))).toThrow(ShapeError);
    expect(() => new Reshape({ targetShape: [5, -1] }).apply(input({ shape: [12] }))).toThrow(/\(None, 12\), received targetShape=\[5, -1\]/);
    expect(() => new Reshape({ targetShape: [0, -1] }).computeOutputShape([null, 4])).toThrow(ShapeError);
  });
});
