import { LecunNormal } from './lecun-normal';
import { sampleStats } from './testing/sample-stats';
import { VarianceScaling } from './variance-scaling';

describe('LecunNormal', () => {
  it("is VarianceScaling with scale 1, mode 'fan_in', distribution 'truncated_normal'", () => {
    const init = new LecunNormal();
    expect(init).toBeInstanceOf(VarianceScaling);
    expect([init.scale, init.mode, init.distribution]).toEqual([1, 'fan_in', 'truncated_normal']);
  });

  it('draws with std sqrt(1 / 400) on [400, 300]', () => {
    const s = sampleStats(new LecunNormal({ seed: 1 }).apply([400, 300]));
    const std = Math.sqrt(1 / 400);
    expect(Math.abs(s.mean)).toBeLessThan((5 * std) / Math.sqrt(120000));
    expect(Math.abs(s.std - std)).toBeLessThan(0.015 * std);
    // Truncated at two pre-truncation standard deviations: 2 · std / 0.8796.
    const bound = (2 * std) / 0.87962566103423978;
    expect(Math.max(-s.min, s.max)).toBeLessThanOrEqual(Math.fround(bound) * (1 + 1e-6));
    expect(Math.max(-s.min, s.max)).toBeGreaterThan(0.99 * bound);
  });

  it('writes only seed and axes, as Keras, and round-trips', () => {
    const init = new LecunNormal({ seed: 3, inputAxes: [0], outputAxes: [1] });
    expect(init.getConfig()).toEqual({ seed: 3, input_axes: [0], output_axes: [1] });
    expect(new LecunNormal().getConfig()).toEqual({ seed: null, input_axes: null, output_axes: null });
    const back = LecunNormal.fromConfig(init.getConfig());
    expect(back).toBeInstanceOf(LecunNormal);
    expect(back.apply([5, 4]).data).toEqual(init.apply([5, 4]).data);
  });
});
