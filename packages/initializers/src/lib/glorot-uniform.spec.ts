import { GlorotUniform } from './glorot-uniform';
import { sampleStats } from './testing/sample-stats';
import { VarianceScaling } from './variance-scaling';

describe('GlorotUniform', () => {
  it("is VarianceScaling with scale 1, mode 'fan_avg', distribution 'uniform'", () => {
    const init = new GlorotUniform();
    expect(init).toBeInstanceOf(VarianceScaling);
    expect([init.scale, init.mode, init.distribution]).toEqual([1, 'fan_avg', 'uniform']);
  });

  it('draws with std sqrt(6 / 700) / sqrt(3) on [400, 300]', () => {
    const s = sampleStats(new GlorotUniform({ seed: 1 }).apply([400, 300]));
    const std = Math.sqrt(2 / 700);
    expect(Math.abs(s.mean)).toBeLessThan((5 * std) / Math.sqrt(120000));
    expect(Math.abs(s.std - std)).toBeLessThan(0.015 * std);
    // Uniform on [-limit, limit) with limit = sqrt(3) · std.
    const limit = Math.sqrt(3) * std;
    expect(s.min).toBeGreaterThanOrEqual(Math.fround(-limit));
    expect(s.max).toBeLessThan(Math.fround(limit));
    expect(s.max).toBeGreaterThan(0.999 * limit);
  });

  it('writes only seed and axes, as Keras, and round-trips', () => {
    const init = new GlorotUniform({ seed: 3, inputAxes: [0], outputAxes: [1] });
    expect(init.getConfig()).toEqual({ seed: 3, input_axes: [0], output_axes: [1] });
    expect(new GlorotUniform().getConfig()).toEqual({ seed: null, input_axes: null, output_axes: null });
    const back = GlorotUniform.fromConfig(init.getConfig());
    expect(back).toBeInstanceOf(GlorotUniform);
    expect(back.apply([5, 4]).data).toEqual(init.apply([5, 4]).data);
  });
});
