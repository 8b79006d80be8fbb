import { ShapeError, ValueError, arange, randomUniform, reshape, tensor, zeros } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import fc from 'fast-check';
import { checkLayerContract } from '../testing/check-layer-contract';
import { Flatten } from './flatten';
import { input } from './input-layer';

describe('Flatten', () => {
  it('passes the layer contract in both data formats', () => {
    checkLayerContract(() => new Flatten(), { inputShape: [2, 3, 4], weights: 0, wrongRankShape: [] });
    checkLayerContract(() => new Flatten({ dataFormat: 'channels_first' }), { inputShape: [2, 3, 2, 2], weights: 0 });
    checkLayerContract(() => new Flatten(), { inputShape: [3], weights: 0 });
  });

  it('keeps row-major order for channels_last', () => {
    const y = new Flatten().apply(reshape(arange(8), [1, 2, 2, 2]));
    expect(y.shape).toEqual([1, 8]);
    expect(Array.from(y.data)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('moves channels last before flattening for channels_first, as Keras', () => {
    // x[0, c, h, w] = 4c + 2h + w; flattened in (h, w, c) order.
    const y = new Flatten({ dataFormat: 'channels_first' }).apply(reshape(arange(8), [1, 2, 2, 2]));
    expect(Array.from(y.data)).toEqual([0, 4, 1, 5, 2, 6, 3, 7]);
  });

  it('turns a rank-1 input (batch,) into (batch, 1)', () => {
    const y = new Flatten().apply(tensor([1, 2, 3]));
    expect(y.toArray()).toEqual([[1], [2], [3]]);
    expect(new Flatten({ dataFormat: 'channels_first' }).apply(tensor([1, 2])).shape).toEqual([2, 1]);
  });

  it('computes output shapes with unknown sizes', () => {
    const f = new Flatten();
    expect(f.computeOutputShape([null, 3, 4])).toEqual([null, 12]);
    expect(f.computeOutputShape([null, 3, null])).toEqual([null, null]);
    expect(f.computeOutputShape([null])).toEqual([null, 1]);
    expect(f.computeOutputShape([5, 2, 3, 1])).toEqual([5, 6]);
  });

  it('passes the input dtype through, eagerly and symbolically', () => {
    expect(new Flatten().apply(zeros([2, 2, 2], 'int32')).dtype).toBe('int32');
    const y = new Flatten().apply(input({ shape: [3, 2], dtype: 'int32' }));
    expect(y.shape).toEqual([null, 6]);
    expect(y.dtype).toBe('int32');
  });

  it('does not support masking (as Keras)', () => {
    expect(new Flatten().supportsMasking).toBe(false);
  });

  it('has gradients matching finite differences', () => {
    const x = randomUniform([2, 3, 2], { minval: -1, maxval: 1, seed: 1 });
    checkGradients((v) => new Flatten({ dataFormat: 'channels_first' }).apply(v), [x]);
    checkGradients((v) => new Flatten().apply(v), [x]);
  });

  it('writes the Keras config and accepts any case of dataFormat', () => {
    const f = new Flatten({ name: 'f', dataFormat: 'Channels_First' as never });
    expect(f.getConfig()).toEqual({
      name: 'f', trainable: true,
      dtype: { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null },
      data_format: 'channels_first',
    });
  });

  it('round-trips with a reshape back to the sample shape (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 1000 }), (dims, seed) => {
        const x = randomUniform([2, ...dims], { seed });
        const y = new Flatten().apply(x);
        expectClose(reshape(y, x.shape), x, 0, 0);
      }),
      { seed: 42, numRuns: 50 },
    );
  });

  it('rejects a bad dataFormat', () => {
    expect(() => new Flatten({ dataFormat: 'channels_middle' as never })).toThrow(ValueError);
    expect(() => new Flatten({ dataFormat: 'channels_middle' as never })).toThrow(
      /Flatten: dataFormat must be 'channels_last' or 'channels_first', received dataFormat='channels_middle'/,
    );
  });

  it('rejects several input shapes', () => {
    const f = new Flatten({ name: 'flat' });
    expect(() => f.computeOutputShape([[null, 2], [null, 3]])).toThrow(ShapeError);
    expect(() => f.computeOutputShape([[null, 2], [null, 3]])).toThrow(/flat: expected one input shape, received 2/);
    expect(() => f.applyMulti([zeros([1, 2]), zeros([1, 2])])).toThrow(/Layer 'flat' expects 1 input\(s\), but it received 2 input tensors/);
  });

  it('rejects a scalar input', () => {
    const f = new Flatten({ name: 'flat' });
    expect(() => f.apply(tensor(3))).toThrow(ShapeError);
    expect(() => f.apply(tensor(3))).toThrow(/Input 0 of layer 'flat' is incompatible with the layer: expected min_ndim=1, found ndim=0/);
  });
});
