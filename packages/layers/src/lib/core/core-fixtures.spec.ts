// Compares the core layers with what Keras 3 itself wrote (tools/fixtures/layers_core.py, jax backend).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Tensor, ones, tensor } from '@strata/tensor';
import { expectClose } from '@strata/tensor/testing';
import { Shape } from '../engine/shape';
import { deserialize, serialize } from '../registry';

interface Case {
  class_name: string;
  config: Record<string, unknown>;
  input_shape: number[];
  input: number[];
  output_shape: number[];
  output: number[];
  symbolic_output_shape: Shape;
  losses?: number[];
}

interface TrainingCase {
  class_name: string;
  config: Record<string, unknown>;
  input_shape: number[];
  zero_fraction: number;
  kept_value: number;
  kept_values_equal: boolean;
}

const fixture = JSON.parse(readFileSync(join(__dirname, '__fixtures__/core.json'), 'utf8')) as {
  keras_version: string;
  cases: Case[];
  dropout_training: TrainingCase[];
};

const fromKeras = (c: { class_name: string; config: Record<string, unknown> }) =>
  deserialize({ module: 'keras.layers', class_name: c.class_name, config: c.config, registered_name: null });

describe('core layers against Keras fixtures', () => {
  it('were written by Keras 3.15.1', () => {
    expect(fixture.keras_version).toBe('3.15.1');
  });

  describe.each(fixture.cases.map((c) => [`${c.class_name} ${c.config['name']}`, c] as const))('%s', (_name, c) => {
    it('reads the Keras config and writes it back key for key', () => {
      const layer = fromKeras(c);
      expect(layer.className).toBe(c.class_name);
      expect(layer.getConfig()).toEqual(c.config);
      expect(serialize(layer)).toEqual({ module: 'keras.layers', class_name: c.class_name, config: c.config, registered_name: null });
    });

    it('computes the Keras output (inference)', () => {
      const layer = fromKeras(c);
      const y = layer.apply(tensor(c.input, c.input_shape));
      expect(y.shape).toEqual(c.output_shape);
      expectClose(y, c.output, 1e-6, 1e-7);
      const losses = c.losses ?? [];
      expect(layer.losses).toHaveLength(losses.length);
      layer.losses.forEach((l, i) => expectClose(l, losses[i], 1e-6, 1e-7));
    });

    it('gives the Keras output shape for an unknown batch', () => {
      expect(fromKeras(c).computeOutputShape([null, ...c.input_shape.slice(1)])).toEqual(c.symbolic_output_shape);
    });
  });

  describe.each(fixture.dropout_training.map((c) => [`${c.class_name} ${c.config['name']}`, c] as const))('%s in training', (_name, c) => {
    it('drops the fraction Keras drops and scales the kept entries as Keras', () => {
      const layer = fromKeras(c);
      expect(layer.getConfig()).toEqual(c.config);
      const y: Tensor = layer.apply(ones(c.input_shape), { training: true });
      const values = Array.from(y.data);
      const zeroFraction = values.filter((v) => v === 0).length / values.length;
      // Different generators: the fractions agree within sampling noise (a few standard deviations).
      expect(Math.abs(zeroFraction - c.zero_fraction)).toBeLessThan(0.04);
      expect(Math.abs(zeroFraction - Number(c.config['rate']))).toBeLessThan(0.03);
      const kept = values.filter((v) => v !== 0);
      expect(c.kept_values_equal).toBe(true);
      expect(new Set(kept).size).toBe(1);
      expectClose(kept[0], c.kept_value, 1e-6, 0);
    });
  });
});
