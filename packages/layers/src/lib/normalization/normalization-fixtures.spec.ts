// Compares the normalization layers with what Keras 3 itself computed
// (tools/fixtures/layers_normalization.py, jax backend): outputs, JAX gradients, moving statistics, configs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Tensor, grads, mul, sum, tensor } from '@strata/tensor';
import { expectClose } from '@strata/tensor/testing';
import { Layer } from '../engine/layer';
import { deserialize } from '../registry';

interface Case {
  label: string;
  class_name: string;
  config: Record<string, unknown>;
  input_shape: number[];
  input: number[];
  p: number[];
  weights: number[][];
  weight_names: string[];
  training: boolean;
  mask: boolean[] | null;
  output: number[];
  grad_input: number[];
  grad_weights: number[][];
  trainable_names: string[];
  second_input?: number[];
  weights_after?: number[][];
}

const fixture = JSON.parse(readFileSync(join(__dirname, '__fixtures__/normalization.json'), 'utf8')) as {
  keras_version: string;
  cases: Case[];
  configs: Record<string, unknown>[];
};

const CLASS_OF: Record<string, string> = { bn: 'BatchNormalization', ln: 'LayerNormalization', gn: 'GroupNormalization', un: 'UnitNormalization' };

/** The layer of a case, built from Keras's config and holding the case's weights. */
function layerOf(c: Case): Layer {
  const layer = deserialize({ module: 'keras.layers', class_name: c.class_name, config: c.config, registered_name: null });
  layer.maybeBuild(c.input_shape);
  expect(layer.weights.map((w) => w.name)).toEqual(c.weight_names);
  layer.setWeights(c.weights.map((w, i) => tensor(w, layer.weights[i].shape)));
  return layer;
}

function maskOf(c: Case): Tensor | undefined {
  return c.mask ? tensor(c.mask, c.input_shape.slice(0, -1), 'bool') : undefined;
}

describe('normalization layers against Keras fixtures', () => {
  it(`were written by Keras 3.15.1 (fixture says ${fixture.keras_version})`, () => {
    expect(fixture.keras_version).toBe('3.15.1');
  });

  it('cover every layer class', () => {
    const classes = new Set(fixture.cases.map((c) => c.class_name));
    expect([...classes].sort()).toEqual(Object.values(CLASS_OF).sort());
  });

  describe.each(fixture.cases.map((c) => [c.label, c] as const))('%s', (_label, c) => {
    const x = tensor(c.input, c.input_shape);

    it('gives the Keras output', () => {
      const y = layerOf(c).apply(x, { training: c.training, mask: maskOf(c) });
      expect(y.shape).toEqual(c.input_shape);
      expectClose(y, tensor(c.output, c.input_shape), 2e-5, 2e-5, `${c.label} output`);
    });

    it('gives the JAX gradients of sum(output * P) with respect to the input and the trainable weights', () => {
      const layer = layerOf(c);
      const p = tensor(c.p, c.input_shape);
      const trainable = layer.trainableWeights;
      expect(trainable.map((w) => w.name)).toEqual(c.trainable_names);
      // Each trainable weight's value is swapped for a tracked stand-in while the layer runs.
      const g = grads((xIn: Tensor, ...ws: Tensor[]) => {
        const saved = trainable.map((v, i) => v.swapValue(ws[i]));
        try {
          return sum(mul(layer.apply(xIn, { training: c.training, mask: maskOf(c) }), p));
        } finally {
          trainable.forEach((v, i) => v.swapValue(saved[i]));
        }
      })([x, ...trainable.map((v) => v.value)]);
      expectClose(g[0], tensor(c.grad_input, c.input_shape), 2e-4, 2e-4, `${c.label} d/dinput`);
      c.grad_weights.forEach((gw, i) => expectClose(g[i + 1], tensor(gw, trainable[i].shape), 2e-4, 2e-4, `${c.label} d/d${c.trainable_names[i]}`));
    });

    if (c.weights_after) {
      it('updates the moving statistics as Keras after two training calls', () => {
        const layer = layerOf(c);
        layer.apply(x, { training: true, mask: maskOf(c) });
        layer.apply(tensor(c.second_input!, c.input_shape), { training: true, mask: maskOf(c) });
        layer.getWeights().forEach((w, i) => expectClose(w, tensor(c.weights_after![i], w.shape), 1e-5, 1e-6, `${c.label} ${c.weight_names[i]}`));
      });
    }

    it('writes the config Keras wrote', () => {
      const layer = layerOf(c);
      expect(layer.getConfig()).toEqual(c.config);
    });
  });

  it('read and re-write every non-default config unchanged', () => {
    for (const config of fixture.configs) {
      const className = CLASS_OF[(config['name'] as string).split('_')[0]];
      const layer = deserialize({ module: 'keras.layers', class_name: className, config, registered_name: null });
      expect(layer.getConfig()).toEqual(config);
    }
  });
});
