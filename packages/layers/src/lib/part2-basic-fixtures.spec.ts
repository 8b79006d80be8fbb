// Compares the merging, activation, noise and reshaping layers with what Keras 3 itself computed
// (tools/fixtures/layers_part2_basic.py, jax backend).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Tensor, ones, tensor } from '@strata/tensor';
import { expectClose } from '@strata/tensor/testing';
import { getMask, setMask } from './engine/masks';
import { Shape } from './engine/shape';
import { deserialize, serialize } from './registry';

interface Flat {
  shape: number[];
  data: number[] | boolean[];
}

interface Case {
  family: string;
  class_name: string;
  config: Record<string, unknown>;
  input_shapes: number[][];
  inputs: number[][];
  input_masks?: (Flat | null)[];
  call_mask?: Flat;
  weights?: Flat[];
  output_shape: number[];
  output: number[];
  output_mask: boolean[] | null;
  symbolic_output_shape: Shape;
}

interface TrainingCase {
  class_name: string;
  config: Record<string, unknown>;
  input_shape: number[];
  mean: number;
  std: number;
  values?: number[];
  fractions?: number[];
}

const fixture = JSON.parse(readFileSync(join(__dirname, '__fixtures__/part2-basic.json'), 'utf8')) as {
  keras_version: string;
  cases: Case[];
  training: TrainingCase[];
};

const fromKeras = (c: { class_name: string; config: Record<string, unknown> }) =>
  deserialize({ module: 'keras.layers', class_name: c.class_name, config: c.config, registered_name: null });

const boolTensor = (m: Flat) => tensor(m.data as boolean[], m.shape, 'bool');

function stats(t: Tensor): { mean: number; std: number } {
  const n = t.size;
  let s = 0;
  for (const v of t.data) s += v;
  const mean = s / n;
  let q = 0;
  for (const v of t.data) q += (v - mean) ** 2;
  return { mean, std: Math.sqrt(q / n) };
}

describe('part 2 layers against Keras fixtures', () => {
  it('were written by Keras 3.15.1 on the jax backend', () => {
    expect(fixture.keras_version).toBe('3.15.1');
    expect(fixture.cases.length).toBeGreaterThan(60);
  });

  describe.each(['merging', 'activations', 'regularization', 'reshaping'])('%s', (family) => {
    const cases = fixture.cases.filter((c) => c.family === family);

    it.each(cases.map((c) => [`${c.class_name} ${c.config['name']}`, c] as const))('%s: reads and writes the Keras config', (_n, c) => {
      const layer = fromKeras(c);
      expect(layer.className).toBe(c.class_name);
      expect(layer.getConfig()).toEqual(c.config);
      expect(serialize(layer)).toMatchObject({ module: 'keras.layers', class_name: c.class_name, config: c.config, registered_name: null });
    });

    it.each(cases.map((c) => [`${c.class_name} ${c.config['name']}`, c] as const))('%s: computes the Keras output and mask', (_n, c) => {
      const layer = fromKeras(c);
      const xs = c.inputs.map((data, i) => tensor(data, c.input_shapes[i]));
      c.input_masks?.forEach((m, i) => setMask(xs[i], m ? boolTensor(m) : null));
      const multi = c.family === 'merging';
      if (c.weights) {
        layer.maybeBuild(c.input_shapes[0]);
        layer.setWeights(c.weights.map((w) => tensor(w.data as number[], w.shape)));
      }
      const y = layer.apply(multi ? xs : xs[0], c.call_mask ? { mask: boolTensor(c.call_mask) } : {});
      expect(y.shape).toEqual(c.output_shape);
      expectClose(y, c.output, 2e-5, 2e-6);
      const mask = getMask(y);
      if (c.output_mask === null) expect(mask).toBeNull();
      else expect(Array.from(mask!.data, Boolean)).toEqual(c.output_mask);
    });

    it.each(cases.map((c) => [`${c.class_name} ${c.config['name']}`, c] as const))('%s: gives the Keras output shape for an unknown batch', (_n, c) => {
      const shapes: Shape[] = c.input_shapes.map((s) => [null, ...s.slice(1)]);
      expect(fromKeras(c).computeOutputShape(c.family === 'merging' ? shapes : shapes[0])).toEqual(c.symbolic_output_shape);
    });
  });

  describe.each(fixture.training.map((c) => [c.class_name, c] as const))('%s in training', (_n, c) => {
    it('matches the statistics of Keras\'s noise on an all-ones input', () => {
      const layer = fromKeras(c);
      expect(layer.getConfig()).toEqual(c.config);
      const y = layer.apply(ones(c.input_shape), { training: true });
      const { mean, std } = stats(y);
      // Different generators: the statistics agree within sampling noise (20000 draws).
      expect(Math.abs(mean - c.mean)).toBeLessThan(0.03);
      expect(Math.abs(std - c.std)).toBeLessThan(0.03);
      if (c.values) {
        const distinct = [...new Set(Array.from(y.data))].sort((a, b) => a - b);
        expect(distinct).toHaveLength(c.values.length);
        expectClose(distinct, c.values, 1e-6, 1e-6);
        c.fractions!.forEach((f, i) => {
          const share = Array.from(y.data).filter((v) => v === distinct[i]).length / y.size;
          expect(Math.abs(share - f)).toBeLessThan(0.02);
        });
      }
    });
  });
});
