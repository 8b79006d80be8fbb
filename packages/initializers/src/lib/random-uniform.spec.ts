import { ValueError } from '@strata/tensor';
import { RandomUniform } from './random-uniform';
import { sampleStats } from './testing/sample-stats';

const N = 400 * 300;

describe('RandomUniform', () => {
  it('defaults to U[-0.05, 0.05)', () => {
    const s = sampleStats(new RandomUniform({ seed: 1 }).apply([400, 300]));
    expect(s.min).toBeGreaterThanOrEqual(Math.fround(-0.05));
    expect(s.max).toBeLessThan(Math.fround(0.05));
    expect(Math.abs(s.mean)).toBeLessThan((5 * 0.0289) / Math.sqrt(N));
    // std of U[a, b) is (b - a) / sqrt(12).
    expect(Math.abs(s.std - 0.1 / Math.sqrt(12))).toBeLessThan(0.1 / Math.sqrt(12) * 0.01);
  });

  it('draws from [minval, maxval)', () => {
    const s = sampleStats(new RandomUniform({ minval: -1, maxval: 3, seed: 2 }).apply([400, 300]));
    expect(s.min).toBeGreaterThanOrEqual(-1);
    expect(s.min).toBeLessThan(-1 + 1e-3);
    expect(s.max).toBeLessThan(3);
    expect(s.max).toBeGreaterThan(3 - 1e-3);
    expect(Math.abs(s.mean - 1)).toBeLessThan((5 * 1.155) / Math.sqrt(N));
    expect(Math.abs(s.std - 4 / Math.sqrt(12))).toBeLessThan((4 / Math.sqrt(12)) * 0.01);
  });

  it('accepts maxval <= minval as Keras (minval + (maxval - minval)·u)', () => {
    expect(new RandomUniform({ minval: 2, maxval: 2 }).apply([3]).toArray()).toEqual([2, 2, 2]);
    const s = sampleStats(new RandomUniform({ minval: 1, maxval: -1, seed: 1 }).apply([1000]));
    expect(s.min).toBeGreaterThanOrEqual(-1);
    expect(s.max).toBeLessThanOrEqual(1);
  });

  it('writes seed, minval, maxval and round-trips', () => {
    const init = new RandomUniform({ minval: -2, maxval: 1, seed: 9 });
    expect(init.getConfig()).toEqual({ seed: 9, minval: -2, maxval: 1 });
    expect(RandomUniform.fromConfig(init.getConfig()).apply([4]).data).toEqual(init.apply([4]).data);
  });

  it.each([['minval', { minval: NaN }], ['maxval', { maxval: '1' }]])('rejects a bad %s', (arg, options) => {
    expect(() => new RandomUniform(options as never)).toThrow(ValueError);
    expect(() => new RandomUniform(options as never)).toThrow(new RegExp(`RandomUniform: ${arg} must be a finite number, received ${arg}=`));
  });
});
