import { ValueError } from '@strata/tensor';
import { TruncatedNormal } from './truncated-normal';
import { sampleStats } from './testing/sample-stats';

// The standard deviation of N(0, 1) truncated to [-2, 2].
const TRUNC = 0.87962566103423978;
const N = 400 * 300;

describe('TruncatedNormal', () => {
  it('defaults to N(0, 0.05²) truncated to [-0.1, 0.1]', () => {
    const s = sampleStats(new TruncatedNormal({ seed: 1 }).apply([400, 300]));
    expect(s.min).toBeGreaterThanOrEqual(Math.fround(-0.1));
    expect(s.max).toBeLessThanOrEqual(Math.fround(0.1));
    expect(Math.abs(s.mean)).toBeLessThan((5 * 0.05) / Math.sqrt(N));
    expect(Math.abs(s.std - 0.05 * TRUNC)).toBeLessThan(0.05 * 0.01);
  });

  it('keeps every value within two standard deviations of the mean', () => {
    const s = sampleStats(new TruncatedNormal({ mean: -1, stddev: 0.5, seed: 3 }).apply([400, 300]));
    expect(s.min).toBeGreaterThanOrEqual(-2 - 1e-6);
    expect(s.max).toBeLessThanOrEqual(0 + 1e-6);
    // The bounds are reached: with 120000 draws the gap is ~1e-4 std.
    expect(s.min).toBeLessThan(-1.99);
    expect(s.max).toBeGreaterThan(-0.01);
    expect(Math.abs(s.mean + 1)).toBeLessThan((5 * 0.5) / Math.sqrt(N));
    expect(Math.abs(s.std - 0.5 * TRUNC)).toBeLessThan(0.5 * 0.01);
  });

  it('writes seed, mean, stddev and round-trips', () => {
    const init = new TruncatedNormal({ mean: 1, stddev: 2, seed: 5 });
    expect(init.getConfig()).toEqual({ seed: 5, mean: 1, stddev: 2 });
    expect(TruncatedNormal.fromConfig(init.getConfig()).apply([4]).data).toEqual(init.apply([4]).data);
  });

  it('rejects a bad stddev', () => {
    expect(() => new TruncatedNormal({ stddev: [1] as unknown as number })).toThrow(ValueError);
    expect(() => new TruncatedNormal({ stddev: [1] as unknown as number })).toThrow(
      /TruncatedNormal: stddev must be a finite number, received stddev=\[1\]/,
    );
  });
});
