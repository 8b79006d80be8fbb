import { ShapeError, ValueError, ones, randomUniform, zeros } from '@strata/tensor';
import { checkGradients } from '@strata/tensor/testing';
import { checkLayerContract } from '../testing/check-layer-contract';
import { input } from './input-layer';
import { SpatialDropout1D } from './spatial-dropout1d';

describe('SpatialDropout1D', () => {
  it('passes the layer contract, in inference and in training', () => {
    checkLayerContract(() => new SpatialDropout1D({ rate: 0.5 }), { inputShape: [2, 4, 3], weights: 0, wrongRankShape: [2, 4] });
    checkLayerContract(() => new SpatialDropout1D({ rate: 0.5, seed: 1 }), { inputShape: [2, 4, 3], weights: 0, training: true });
  });

  it('is the identity at inference', () => {
    const x = randomUniform([2, 3, 4], { seed: 1 });
    expect(Array.from(new SpatialDropout1D({ rate: 0.5 }).apply(x).data)).toEqual(Array.from(x.data));
  });

  it('drops whole channels: each (sample, channel) is all 0 or all 1 / (1 - rate) over the timesteps', () => {
    const y = new SpatialDropout1D({ rate: 0.5, seed: 3 }).apply(ones([20, 6, 5]), { training: true });
    const v = y.toArray() as number[][][];
    let dropped = 0;
    for (const sample of v) {
      for (let c = 0; c < 5; c++) {
        const column = new Set(sample.map((row) => row[c]));
        expect(column.size).toBe(1);
        expect([0, 2]).toContain([...column][0]);
        if (column.has(0)) dropped++;
      }
    }
    expect(dropped).toBeGreaterThan(25);
    expect(dropped).toBeLessThan(75);
  });

  it('repeats its sequence of masks for a seed', () => {
    const masks = (d: SpatialDropout1D) => [1, 2].map(() => Array.from(d.apply(ones([4, 2, 8]), { training: true }).data));
    expect(masks(new SpatialDropout1D({ rate: 0.5, seed: 9 }))).toEqual(masks(new SpatialDropout1D({ rate: 0.5, seed: 9 })));
  });

  it('has gradients matching finite differences in training', () => {
    const x = randomUniform([2, 3, 4], { minval: -1, maxval: 1, seed: 2 });
    checkGradients((v) => new SpatialDropout1D({ rate: 0.5, seed: 4 }).apply(v, { training: true }), [x]);
  });

  it('keeps symbolic shapes and supports masking', () => {
    const d = new SpatialDropout1D({ rate: 0.2 });
    expect(d.supportsMasking).toBe(true);
    expect(d.computeOutputShape([null, 7, 3])).toEqual([null, 7, 3]);
    expect(d.apply(input({ shape: [7, 3] })).shape).toEqual([null, 7, 3]);
  });

  it('writes the Keras config: rate, seed, name, dtype only', () => {
    expect(new SpatialDropout1D({ rate: 0.2, name: 'sd' }).getConfig()).toEqual({ rate: 0.2, seed: null, name: 'sd', dtype: 'float32' });
    expect(SpatialDropout1D.fromConfig({ rate: 0.2, seed: 3, name: 'x', dtype: 'float32' }).getConfig()).toEqual({
      rate: 0.2, seed: 3, name: 'x', dtype: 'float32',
    });
  });

  it('rejects a bad rate and a bad seed', () => {
    expect(() => new SpatialDropout1D({ rate: 2 })).toThrow(ValueError);
    expect(() => new SpatialDropout1D({ rate: 2 })).toThrow(/SpatialDropout1D: rate must be a number between 0 and 1, received rate=2$/);
    expect(() => new SpatialDropout1D({ rate: 0.1, seed: 'a' as never })).toThrow(ValueError);
    expect(() => new SpatialDropout1D({ rate: 0.1, seed: 'a' as never })).toThrow(/SpatialDropout1D: seed must be an integer or null, received seed='a'/);
  });

  it('rejects an input that is not rank 3', () => {
    const d = new SpatialDropout1D({ rate: 0.5, name: 'sd1' });
    expect(() => d.apply(zeros([2, 3, 4, 5]))).toThrow(ShapeError);
    expect(() => d.apply(zeros([2, 3, 4, 5]))).toThrow(/Input 0 of layer 'sd1' is incompatible with the layer: expected ndim=3, found ndim=4/);
  });
});
