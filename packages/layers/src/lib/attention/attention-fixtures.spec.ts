// Compares the attention layers with what Keras 3 itself computed (tools/fixtures/layers_attention.py, jax backend).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Tensor, add, grad, mul, sum, tensor, variableGrads } from '@strata/tensor';
import { expectClose } from '@strata/tensor/testing';
import { Layer } from '../engine/layer';
import { Shape } from '../engine/shape';
import { LayerJSON, deserialize, serialize } from '../registry';

interface Arr {
  shape: number[];
  data: number[];
}

interface AttentionCase {
  class_name: string;
  config: Record<string, unknown>;
  weights: Arr[];
  with_key: boolean;
  query_mask: Arr | null;
  value_mask: Arr | null;
  use_causal_mask: boolean;
  output: Arr;
  scores: Arr;
}

interface Grads {
  weights: Arr[];
  query: Arr;
}

interface MhaCase {
  config_before_build: Record<string, unknown>;
  config: Record<string, unknown>;
  weights: Arr[];
  query: Arr;
  value: Arr;
  key: Arr | null;
  query_mask: Arr | null;
  value_mask: Arr | null;
  attention_mask: Arr | null;
  use_causal_mask: boolean;
  output: Arr | null;
  output_with_scores: Arr;
  scores: Arr;
  p?: Arr;
  grads?: Grads;
  grads_with_scores?: Grads;
}

const fx = JSON.parse(readFileSync(join(__dirname, '__fixtures__/attention.json'), 'utf8')) as {
  keras_version: string;
  inputs: { query: Arr; value: Arr; key: Arr };
  attention: AttentionCase[];
  mha: MhaCase[];
  mha_regularized: { config: Record<string, unknown>; weights: Arr[]; output: Arr; losses_sum: number };
  configs: { class_name: string; config: Record<string, unknown> }[];
  serialized: LayerJSON[];
};

const t = (a: Arr) => tensor(a.data, a.shape);
const bool = (a: Arr) => tensor(a.data, a.shape, 'bool');
const fromKeras = (className: string, config: Record<string, unknown>): Layer =>
  deserialize({ module: 'keras.layers', class_name: className, config, registered_name: null });
const close = (x: Tensor, a: Arr, what: string, rtol = 2e-5, atol = 2e-5) => {
  expect(x.shape).toEqual(a.shape);
  expectClose(x, a.data, rtol, atol, what);
};

describe('attention layers against Keras fixtures', () => {
  it('were written by Keras 3.15.1', () => {
    expect(fx.keras_version).toBe('3.15.1');
  });

  describe.each(fx.attention.map((c) => [`${c.class_name} ${c.config['name']}`, c] as const))('%s', (_name, c) => {
    const inputs = [t(fx.inputs.query), t(fx.inputs.value), ...(c.with_key ? [t(fx.inputs.key)] : [])];
    const mask = c.query_mask || c.value_mask ? [c.query_mask && bool(c.query_mask), c.value_mask && bool(c.value_mask)] : undefined;

    it('reads and writes the Keras config', () => {
      expect(fromKeras(c.class_name, c.config).getConfig()).toEqual(c.config);
    });

    it('computes the Keras output and attention scores', () => {
      const layer = fromKeras(c.class_name, c.config);
      layer.maybeBuild(inputs.map((x) => x.shape));
      layer.setWeights(c.weights.map(t));
      const args = { mask, useCausalMask: c.use_causal_mask };
      const [out, scores] = layer.applyMulti(inputs, { ...args, returnAttentionScores: true });
      close(out, c.output, 'output');
      close(scores, c.scores, 'scores');
      close(layer.apply(inputs, args), c.output, 'output without scores');
    });
  });

  describe.each(fx.mha.map((c) => [String(c.config['name']), c] as const))('MultiHeadAttention %s', (_name, c) => {
    const inputs = [t(c.query), t(c.value), ...(c.key ? [t(c.key)] : [])];
    const mask = c.query_mask || c.value_mask ? [c.query_mask && bool(c.query_mask), c.value_mask && bool(c.value_mask)] : undefined;
    const args = { mask, attentionMask: c.attention_mask ? bool(c.attention_mask) : undefined, useCausalMask: c.use_causal_mask };
    const make = () => {
      const layer = fromKeras('MultiHeadAttention', c.config_before_build);
      layer.maybeBuild(inputs.map((x) => x.shape as Shape));
      layer.setWeights(c.weights.map(t));
      return layer;
    };

    it('reads the Keras config and writes it back, before and after build', () => {
      const layer = fromKeras('MultiHeadAttention', c.config_before_build);
      expect(layer.getConfig()).toEqual(c.config_before_build);
      layer.maybeBuild(inputs.map((x) => x.shape as Shape));
      expect(layer.getConfig()).toEqual(c.config);
      expect(layer.getWeights().map((w) => w.shape)).toEqual(c.weights.map((w) => w.shape));
    });

    it('computes the Keras output with and without returned scores', () => {
      const layer = make();
      if (c.output) close(layer.apply(inputs, args), c.output, 'output');
      const [out, scores] = layer.applyMulti(inputs, { ...args, returnAttentionScores: true });
      close(out, c.output_with_scores, 'output with scores');
      close(scores, c.scores, 'scores');
    });

    if (c.grads && c.grads_with_scores && c.p) {
      const p = t(c.p);
      it.each([
        ['without scores', false, c.grads],
        ['with scores', true, c.grads_with_scores],
      ] as const)('has the jax gradients of sum(out * P) w.r.t. every weight and the query (%s)', (_w, ret, g) => {
        const layer = make();
        const f = (q: Tensor) => {
          const outs = layer.applyMulti([q, ...inputs.slice(1)], { ...args, returnAttentionScores: ret });
          return sum(mul(outs[0], p));
        };
        const { grads } = variableGrads(() => f(inputs[0]), layer.weights);
        grads.forEach((gw, i) => close(gw, g.weights[i], `grad of weight ${i}`, 1e-4, 1e-4));
        close(grad(f)(inputs[0]), g.query, 'grad of query', 1e-4, 1e-4);
      });
    }
  });

  it('applies the regularizers to every projection, as Keras (sum of the losses)', () => {
    const r = fx.mha_regularized;
    const layer = fromKeras('MultiHeadAttention', r.config);
    const q = t(fx.inputs.query);
    const v = t(fx.inputs.value);
    layer.maybeBuild([q.shape, v.shape]);
    layer.setWeights(r.weights.map(t));
    close(layer.apply([q, v]), r.output, 'output');
    expect(layer.losses).toHaveLength(12);
    expectClose(layer.losses.reduce((a, b) => add(a, b)), r.losses_sum, 1e-5, 1e-6);
  });

  it.each(fx.configs.map((c) => [String(c.config['name']), c] as const))('round-trips the Keras config of %s', (_n, c) => {
    const layer = fromKeras(c.class_name, c.config);
    expect(layer.className).toBe(c.class_name);
    expect(layer.getConfig()).toEqual(c.config);
    expect(serialize(layer)).toEqual({ module: 'keras.layers', class_name: c.class_name, config: c.config, registered_name: null });
  });

  it.each(fx.serialized.map((j) => [j.class_name, j] as const))('loads the JSON Keras wrote for a built %s, built, and writes it back', (_n, json) => {
    const layer = deserialize(json);
    expect(layer.built).toBe(true);
    expect(serialize(layer)).toEqual(json);
  });
});
