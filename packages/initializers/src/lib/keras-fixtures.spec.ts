// Compares Strata with what Keras 3 itself wrote (tools/fixtures/initializers.py).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KerasObject } from '@strata/tensor';
import { computeFans } from './compute-fans';
import { deserialize, serialize } from './registry';
import { RandomUniform } from './random-uniform';
import { TruncatedNormal } from './truncated-normal';
import { VarianceScaling } from './variance-scaling';
import { sampleStats } from './testing/sample-stats';

interface Sample {
  name: string;
  config: KerasObject;
  shape: number[];
  mean: number;
  std: number;
  min: number;
  max: number;
}
interface Fixtures {
  keras_version: string;
  configs: KerasObject[];
  samples: Sample[];
  fans: { shape: number[]; input_axes?: number[]; output_axes?: number[] | null; fan_in: number; fan_out: number }[];
  stft: { config: KerasObject; shape: number[]; values: number[] }[];
  identity: { gain: number; shape: number[]; values: number[][] }[];
}

const fixtures: Fixtures = JSON.parse(readFileSync(join(__dirname, '__fixtures__/initializers.json'), 'utf8'));

describe('Keras 3 fixtures', () => {
  it('were written by Keras 3.15.1', () => {
    expect(fixtures.keras_version).toBe('3.15.1');
  });

  describe.each(fixtures.configs.map((c) => [`${c.class_name} ${JSON.stringify(c.config)}`, c] as const))(
    'config %s',
    (_, obj) => {
      it('deserializes and serializes back unchanged, key for key', () => {
        const init = deserialize(obj);
        expect(init.constructor).toHaveProperty('className', obj.class_name);
        // JSON text comparison also pins the key order Keras writes.
        expect(JSON.stringify(serialize(init))).toBe(JSON.stringify(obj));
      });
    },
  );

  it('covers every built-in class', () => {
    const names = new Set(fixtures.configs.map((c) => c.class_name));
    expect([...names].sort()).toEqual(
      ['Constant', 'GlorotNormal', 'GlorotUniform', 'HeNormal', 'HeUniform', 'Identity', 'LecunNormal', 'LecunUniform',
        'Ones', 'Orthogonal', 'RandomNormal', 'RandomUniform', 'STFT', 'TruncatedNormal', 'VarianceScaling', 'Zeros'],
    );
  });

  describe.each(fixtures.samples.map((s) => [s.name, s.shape, s] as const))('samples of %s %j', (_, shape, keras) => {
    it("match Keras's sample statistics within sampling error", () => {
      const init = deserialize(keras.config);
      const s = sampleStats(init.apply(shape));
      const n = shape.reduce((a, b) => a * b, 1);
      // Both means have standard error std/sqrt(n); the sample std's relative error is ~1/sqrt(2n).
      expect(Math.abs(s.mean - keras.mean)).toBeLessThan((8 * keras.std) / Math.sqrt(n));
      expect(Math.abs(s.std - keras.std)).toBeLessThan(0.02 * keras.std);
      const bounded =
        init instanceof RandomUniform ||
        init instanceof TruncatedNormal ||
        (init instanceof VarianceScaling && init.distribution !== 'untruncated_normal');
      // Bounded distributions reach their bounds; the extremes of unbounded ones vary by ~0.3 std.
      const tol = bounded ? 0.01 * keras.std : 1.5 * keras.std;
      expect(Math.abs(s.min - keras.min)).toBeLessThan(tol);
      expect(Math.abs(s.max - keras.max)).toBeLessThan(tol);
    });
  });

  it.each(fixtures.fans.map((f) => [f.shape, f] as const))('fans of %j equal compute_fans', (shape, f) => {
    expect(computeFans(shape, f.input_axes, f.output_axes)).toEqual({ fanIn: f.fan_in, fanOut: f.fan_out });
  });

  it.each(fixtures.stft.map((c) => [JSON.stringify(c.config.config), c.shape, c] as const))(
    'STFT %s %j equals Keras to float32 precision',
    (_, shape, c) => {
      const out = deserialize(c.config).apply(shape);
      expect(out.shape).toEqual(shape);
      const got = Array.from(out.data);
      got.forEach((v, i) => expect(Math.abs(v - c.values[i])).toBeLessThan(1e-5));
    },
  );

  it.each(fixtures.identity.map((c) => [c.gain, c.shape, c] as const))('Identity gain=%d %j equals Keras', (gain, shape, c) => {
    const out = deserialize({ class_name: 'Identity', config: { gain } }).apply(shape);
    expect(out.toArray()).toEqual(c.values);
  });
});
