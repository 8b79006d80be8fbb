import fc from 'fast-check';
import { ValueError } from '@strata/tensor';
import { VarianceScaling } from './variance-scaling';
import { sampleStats } from './testing/sample-stats';

const TRUNC = 0.87962566103423978;
const SHAPE = [400, 300]; // fan_in 400, fan_out 300, fan_avg 350

// Checks the sample's standard deviation against sqrt(scale / n) and its bounds against the distribution's.
function expectSpread(init: VarianceScaling, n: number, shape = SHAPE) {
  const s = sampleStats(init.apply(shape));
  const std = Math.sqrt(init.scale / n);
  const size = shape.reduce((a, b) => a * b, 1);
  expect(Math.abs(s.mean)).toBeLessThan((5 * std) / Math.sqrt(size));
  expect(Math.abs(s.std - std)).toBeLessThan(0.015 * std);
  return { s, std };
}

describe('VarianceScaling', () => {
  it('truncated_normal: std sqrt(scale/fan_in), all within 2·sqrt(scale/fan_in)/0.8796', () => {
    const { s, std } = expectSpread(new VarianceScaling({ scale: 2, seed: 1 }), 400);
    const bound = (2 * std) / TRUNC;
    expect(Math.max(-s.min, s.max)).toBeLessThanOrEqual(Math.fround(bound) * (1 + 1e-6));
    expect(Math.max(-s.min, s.max)).toBeGreaterThan(bound * 0.99);
  });

  it('untruncated_normal: std sqrt(scale/fan_out), unbounded', () => {
    const { s, std } = expectSpread(new VarianceScaling({ mode: 'fan_out', distribution: 'untruncated_normal', seed: 2 }), 300);
    expect(s.max).toBeGreaterThan(3 * std);
  });

  it('uniform: within ±sqrt(3·scale/fan_avg)', () => {
    const init = new VarianceScaling({ scale: 0.5, mode: 'fan_avg', distribution: 'uniform', seed: 3 });
    const { s } = expectSpread(init, 350);
    const limit = Math.sqrt((3 * 0.5) / 350);
    expect(s.min).toBeGreaterThanOrEqual(Math.fround(-limit));
    expect(s.max).toBeLessThan(Math.fround(limit));
    expect(s.max).toBeGreaterThan(limit * 0.999);
  });

  it('uses conv fans: [3, 3, 64, 128] has fan_in 576', () => {
    expectSpread(new VarianceScaling({ scale: 2, distribution: 'uniform', seed: 4 }), 576, [3, 3, 64, 128]);
  });

  it('uses inputAxes and outputAxes for the fans when both are given', () => {
    // [20, 30, 200]: fan_in = 20·30 = 600, fan_out = 200, fan_avg = 400 (conv fans would give 6000 and 4000).
    const init = new VarianceScaling({ mode: 'fan_avg', distribution: 'uniform', inputAxes: [0, 1], outputAxes: [-1], seed: 5 });
    expectSpread(init, 400, [20, 30, 200]);
  });

  it('divides by at least 1 (scalars, empty fans)', () => {
    const s = sampleStats(new VarianceScaling({ scale: 3, distribution: 'uniform', seed: 1 }).apply([]));
    expect(Math.abs(s.max)).toBeLessThan(3);
    expect(new VarianceScaling({ seed: 1 }).apply([0, 5]).shape).toEqual([0, 5]);
  });

  it("stores 'normal' as 'truncated_normal' and lowercases the distribution, as Keras", () => {
    expect(new VarianceScaling({ distribution: 'normal' }).distribution).toBe('truncated_normal');
    expect(new VarianceScaling({ distribution: 'Uniform' }).distribution).toBe('uniform');
  });

  it('writes the Keras config and round-trips', () => {
    const init = new VarianceScaling({ scale: 2, mode: 'fan_out', distribution: 'uniform', seed: 7, inputAxes: [0], outputAxes: [1] });
    expect(init.getConfig()).toEqual({
      seed: 7, scale: 2, mode: 'fan_out', distribution: 'uniform', input_axes: [0], output_axes: [1],
    });
    expect(new VarianceScaling().getConfig()).toEqual({
      seed: null, scale: 1, mode: 'fan_in', distribution: 'truncated_normal', input_axes: null, output_axes: null,
    });
  });

  it('serialize → deserialize is the identity over (scale, mode, distribution, seed)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1e3, noNaN: true }),
        fc.constantFrom('fan_in', 'fan_out', 'fan_avg' as const),
        fc.constantFrom('truncated_normal', 'untruncated_normal', 'uniform' as const),
        fc.option(fc.integer({ min: -(2 ** 31), max: 2 ** 31 }), { nil: null }),
        (scale, mode, distribution, seed) => {
          const init = new VarianceScaling({ scale, mode, distribution, seed });
          const back = VarianceScaling.fromConfig(JSON.parse(JSON.stringify(init.getConfig())));
          expect(back.getConfig()).toEqual(init.getConfig());
          if (seed !== null) expect(back.apply([3, 2]).data).toEqual(init.apply([3, 2]).data);
        },
      ),
      { seed: 42, numRuns: 50 },
    );
  });

  it.each([[0], [-1], [NaN], [Infinity], ['2']])('rejects scale=%p', (scale) => {
    const make = () => new VarianceScaling({ scale: scale as number });
    expect(make).toThrow(ValueError);
    expect(make).toThrow(/VarianceScaling: scale must be a positive number, received scale=/);
  });

  it('rejects an unknown mode', () => {
    const make = () => new VarianceScaling({ mode: 'fan' as never });
    expect(make).toThrow(ValueError);
    expect(make).toThrow(/VarianceScaling: mode must be one of 'fan_in', 'fan_out', 'fan_avg', received mode='fan'/);
  });

  it('rejects an unknown distribution', () => {
    const make = () => new VarianceScaling({ distribution: 'gaussian' });
    expect(make).toThrow(ValueError);
    expect(make).toThrow(/VarianceScaling: distribution must be one of .*received distribution='gaussian'/);
  });

  it('rejects axes that are not integer arrays, and axes outside the shape when applied', () => {
    expect(() => new VarianceScaling({ inputAxes: [0.5] })).toThrow(ValueError);
    expect(() => new VarianceScaling({ inputAxes: [0.5] })).toThrow(/VarianceScaling: input_axes must be an array of integers or null, received input_axes=\[0.5\]/);
    expect(() => new VarianceScaling({ outputAxes: 1 as never })).toThrow(/received output_axes=1/);
    const init = new VarianceScaling({ inputAxes: [0], outputAxes: [3] });
    expect(() => init.apply([2, 2])).toThrow(ValueError);
    expect(() => init.apply([2, 2])).toThrow(/output_axes=\[3\]/);
  });

  it('rejects a bad shape', () => {
    expect(() => new VarianceScaling().apply([2, -3])).toThrow(/VarianceScaling: shape must be .*shape=\[2, -3\]/);
  });
});
