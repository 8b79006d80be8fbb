import { ValueError } from '@strata/tensor';
import { RandomNormal } from './random-normal';
import { sampleStats } from './testing/sample-stats';

const N = 400 * 300;

describe('RandomNormal', () => {
  it('defaults to N(0, 0.05²)', () => {
    const s = sampleStats(new RandomNormal({ seed: 1 }).apply([400, 300]));
    expect(Math.abs(s.mean)).toBeLessThan((5 * 0.05) / Math.sqrt(N));
    expect(Math.abs(s.std - 0.05)).toBeLessThan(0.05 * 0.01);
  });

  it('draws N(mean, stddev²)', () => {
    const s = sampleStats(new RandomNormal({ mean: 3, stddev: 2, seed: 2 }).apply([400, 300]));
    expect(Math.abs(s.mean - 3)).toBeLessThan((5 * 2) / Math.sqrt(N));
    expect(Math.abs(s.std - 2)).toBeLessThan(2 * 0.01);
    // Unlike the truncated normal, it goes past two standard deviations.
    expect(s.max).toBeGreaterThan(3 + 2 * 3);
  });

  it('accepts a negative stddev as Keras (same distribution as |stddev|)', () => {
    const s = sampleStats(new RandomNormal({ stddev: -1, seed: 1 }).apply([10000]));
    expect(Math.abs(s.std - 1)).toBeLessThan(0.05);
    expect(new RandomNormal({ stddev: -1 }).getConfig()).toMatchObject({ stddev: -1 });
  });

  it('writes seed, mean, stddev and round-trips', () => {
    const init = new RandomNormal({ mean: 1, stddev: 2, seed: 5 });
    expect(init.getConfig()).toEqual({ seed: 5, mean: 1, stddev: 2 });
    const back = RandomNormal.fromConfig(init.getConfig());
    expect(back.getConfig()).toEqual(init.getConfig());
    expect(back.apply([3]).data).toEqual(init.apply([3]).data);
  });

  it.each([['mean', { mean: 'a' }], ['stddev', { stddev: Infinity }]])('rejects a bad %s', (arg, options) => {
    expect(() => new RandomNormal(options as never)).toThrow(ValueError);
    expect(() => new RandomNormal(options as never)).toThrow(new RegExp(`RandomNormal: ${arg} must be a finite number, received ${arg}=`));
  });
});
