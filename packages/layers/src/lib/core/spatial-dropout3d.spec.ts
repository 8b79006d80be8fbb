import { ShapeError, Tensor, ValueError, ones, randomUniform, zeros } from '@strata/tensor';
import { checkGradients } from '@strata/tensor/testing';
import { checkLayerContract } from '../testing/check-layer-contract';
import { input } from './input-layer';
import { SpatialDropout3D } from './spatial-dropout3d';

/** Per (sample, channel), the set of values over the spatial axes. */
function valuesPerChannel(y: Tensor, channelsFirst: boolean): Set<number>[] {
  const [batch] = y.shape;
  const channels = channelsFirst ? y.shape[1] : y.shape[y.rank - 1];
  const spatial = y.size / (batch * channels);
  const sets = Array.from({ length: batch * channels }, () => new Set<number>());
  y.data.forEach((v, i) => {
    const b = Math.floor(i / (spatial * channels));
    const c = channelsFirst ? Math.floor(i / spatial) % channels : i % channels;
    sets[b * channels + c].add(v);
  });
  return sets;
}

describe('SpatialDropout3D', () => {
  it('passes the layer contract in both data formats, in inference and in training', () => {
    checkLayerContract(() => new SpatialDropout3D({ rate: 0.5 }), { inputShape: [2, 2, 2, 2, 3], weights: 0, wrongRankShape: [2, 3, 4, 5] });
    checkLayerContract(() => new SpatialDropout3D({ rate: 0.5, seed: 1, dataFormat: 'channels_first' }), {
      inputShape: [2, 2, 2, 2, 3], weights: 0, training: true,
    });
  });

  it('is the identity at inference', () => {
    const x = randomUniform([2, 2, 2, 2, 3], { seed: 1 });
    expect(Array.from(new SpatialDropout3D({ rate: 0.5 }).apply(x).data)).toEqual(Array.from(x.data));
  });

  it.each([
    ['channels_last', [10, 2, 2, 3, 4]],
    ['channels_first', [10, 4, 2, 2, 3]],
  ] as const)('drops whole feature maps with %s', (dataFormat, shape) => {
    const y = new SpatialDropout3D({ rate: 0.5, seed: 3, dataFormat }).apply(ones([...shape]), { training: true });
    const sets = valuesPerChannel(y, dataFormat === 'channels_first');
    for (const s of sets) {
      expect(s.size).toBe(1);
      expect([0, 2]).toContain([...s][0]);
    }
    const dropped = sets.filter((s) => s.has(0)).length;
    expect(dropped).toBeGreaterThan(8);
    expect(dropped).toBeLessThan(32);
  });

  it('has gradients matching finite differences in training', () => {
    const x = randomUniform([2, 2, 2, 2, 3], { minval: -1, maxval: 1, seed: 2 });
    checkGradients((v) => new SpatialDropout3D({ rate: 0.5, seed: 4 }).apply(v, { training: true }), [x]);
  });

  it('keeps symbolic shapes and supports masking', () => {
    const d = new SpatialDropout3D({ rate: 0.2 });
    expect(d.supportsMasking).toBe(true);
    expect(d.computeOutputShape([null, 5, 6, 2, 3])).toEqual([null, 5, 6, 2, 3]);
    expect(d.apply(input({ shape: [5, 6, 2, 3] })).shape).toEqual([null, 5, 6, 2, 3]);
  });

  it('writes the Keras config: rate, seed, name, dtype, data_format', () => {
    expect(new SpatialDropout3D({ rate: 0.2, seed: 5, name: 'sd' }).getConfig()).toEqual({
      rate: 0.2, seed: 5, name: 'sd', dtype: 'float32', data_format: 'channels_last',
    });
    const config = { rate: 0.4, seed: null, name: 'x', dtype: 'float32', data_format: 'channels_first' };
    expect(SpatialDropout3D.fromConfig(config).getConfig()).toEqual(config);
  });

  it('rejects a bad rate and a bad dataFormat', () => {
    expect(() => new SpatialDropout3D({ rate: -1 })).toThrow(ValueError);
    expect(() => new SpatialDropout3D({ rate: -1 })).toThrow(/SpatialDropout3D: rate must be a number between 0 and 1, received rate=-1$/);
    expect(() => new SpatialDropout3D({ rate: 0.1, dataFormat: 'nhwc' as never })).toThrow(ValueError);
    expect(() => new SpatialDropout3D({ rate: 0.1, dataFormat: 'nhwc' as never })).toThrow(
      /SpatialDropout3D: dataFormat must be 'channels_last' or 'channels_first', received dataFormat='nhwc'/,
    );
  });

  it('rejects an input that is not rank 5', () => {
    const d = new SpatialDropout3D({ rate: 0.5, name: 'sd3' });
    expect(() => d.apply(zeros([2, 3, 4, 5]))).toThrow(ShapeError);
    expect(() => d.apply(zeros([2, 3, 4, 5]))).toThrow(/Input 0 of layer 'sd3' is incompatible with the layer: expected ndim=5, found ndim=4/);
  });
});
