// Compares the recurrent layers with what Keras 3 itself computed (tools/fixtures/layers_rnn.py, jax backend).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KerasObject, Tensor, Variable, grads, mul, sum, tensor } from '@strata/tensor';
import { expectClose } from '@strata/tensor/testing';
import { Layer } from '../engine/layer';
import { Embedding } from '../core/embedding';
import { Masking } from '../core/masking';
import { deserialize, serialize } from '../registry';

interface Data {
  shape: number[];
  data: number[];
}
interface LayerCase {
  config: KerasObject;
  input: Data;
  weights: Data[];
  outputs: Data[];
  initial_state?: Data[];
}
interface ModelCase {
  input: Data;
  weights: Data[];
  outputs: Data[];
}
interface GradCase extends LayerCase {
  projection: Data;
  weight_grads: Data[];
  input_grad: Data;
}

const fixture = JSON.parse(readFileSync(join(__dirname, '__fixtures__/rnn.json'), 'utf8')) as {
  keras_version: string;
  layers: Record<string, LayerCase>;
  masked: Record<string, ModelCase>;
  gradients: Record<string, GradCase>;
  configs: Record<string, KerasObject>;
};

const t = (d: Data, dtype: 'float32' | 'int32' = 'float32') => tensor(d.data, d.shape, dtype);

/** A layer from Keras's JSON, built for the input and given Keras's fixed weights. */
function fromKeras(c: LayerCase): Layer {
  const layer = deserialize(c.config);
  layer.maybeBuild(c.input.shape);
  layer.setWeights(c.weights.map((w) => t(w)));
  return layer;
}

describe('recurrent layers against Keras fixtures', () => {
  it('were written by Keras 3.15.1', () => {
    expect(fixture.keras_version).toBe('3.15.1');
  });

  describe.each(Object.entries(fixture.layers))('%s', (_name, c) => {
    it('computes every Keras output', () => {
      const layer = fromKeras(c);
      const initialState = c.initial_state?.map((s) => t(s));
      const outs = layer.applyMulti(t(c.input), initialState ? { initialState } : {});
      expect(outs).toHaveLength(c.outputs.length);
      outs.forEach((o, i) => {
        expect(o.shape).toEqual(c.outputs[i].shape);
        expectClose(o, c.outputs[i].data, 1e-5, 1e-6, `output ${i}`);
      });
    });

    it('reads the Keras config and writes it back key for key (build_config included)', () => {
      const layer = fromKeras(c);
      expect(JSON.parse(JSON.stringify(serialize(layer)))).toEqual(c.config);
    });
  });

  const masked = (name: string) => fixture.masked[name];

  /** Runs `first` (the mask producer) then the recurrent layers in a chain, as the Keras model did. */
  function runChain(c: ModelCase, first: Layer, rnns: Layer[]): Tensor[] {
    const x = t(c.input, first instanceof Embedding ? 'int32' : 'float32');
    let y = first.apply(x);
    for (const l of rnns) y = l.apply(y); // builds every layer
    let w = 0;
    for (const l of [first, ...rnns]) {
      const n = l.weights.length;
      if (n) l.setWeights(c.weights.slice(w, w + n).map((d) => t(d)));
      w += n;
    }
    y = first.apply(x);
    return rnns.map((l) => (y = l.apply(y)));
  }

  it.each([
    ['masking_lstm_gru', () => [cfg('LSTM', { units: 3, return_sequences: true }), cfg('GRU', { units: 3 })]],
    ['masking_back_state', () => [cfg('GRU', { units: 3, return_sequences: true, go_backwards: true }), cfg('SimpleRNN', { units: 3, return_sequences: true })]],
    ['masking_zero_output', () => [rnnOf('LSTMCell', { return_sequences: true, zero_output_for_mask: true }), rnnOf('GRUCell', { zero_output_for_mask: true })]],
    ['masking_bidirectional', () => [bi(cfg('LSTM', { units: 3, return_sequences: true }), 'concat'), bi(cfg('GRU', { units: 3 }), 'sum')]],
  ])('honours a Masking mask step by step as Keras: %s', (name, make) => {
    const c = masked(name);
    const outs = runChain(c, new Masking(), make());
    outs.forEach((o, i) => expectClose(o, c.outputs[i].data, 1e-5, 1e-6, `${name} output ${i}`));
  });

  it('honours an Embedding(maskZero) mask (LSTM then GRU with resetAfter=false)', () => {
    const c = masked('embedding_lstm_gru');
    const outs = runChain(c, new Embedding({ inputDim: 6, outputDim: 3, maskZero: true }), [
      cfg('LSTM', { units: 3, return_sequences: true }),
      cfg('GRU', { units: 3, reset_after: false }),
    ]);
    outs.forEach((o, i) => expectClose(o, c.outputs[i].data, 1e-5, 1e-6, `output ${i}`));
  });

  describe.each(Object.entries(fixture.gradients))('%s gradients', (_name, c) => {
    it('equal JAX gradients of sum(out * P) for the input and every weight', () => {
      const layer = fromKeras(c);
      const p = t(c.projection);
      const vars: Variable[] = layer.weights;
      const f = (x: Tensor, ...ws: Tensor[]) => {
        const saved = vars.map((v, i) => v.swapValue(ws[i]));
        try {
          return sum(mul(layer.apply(x), p));
        } finally {
          vars.forEach((v, i) => v.swapValue(saved[i]));
        }
      };
      const [gx, ...gw] = grads(f)([t(c.input), ...vars.map((v) => v.value)]);
      expectClose(gx, c.input_grad.data, 1e-4, 1e-5, 'input gradient');
      gw.forEach((g, i) => {
        expect(g.shape).toEqual(c.weight_grads[i].shape);
        expectClose(g, c.weight_grads[i].data, 1e-4, 1e-5, `gradient of weight ${i}`);
      });
    });
  });

  describe.each(Object.entries(fixture.configs))('config %s', (_name, json) => {
    it('deserializes and serializes back unchanged', () => {
      const layer = deserialize(json);
      expect(layer.className).toBe(json.class_name);
      expect(JSON.parse(JSON.stringify(serialize(layer)))).toEqual(json);
    });
  });
});

// Small builders of the masked chains, from Keras-style configs (defaults filled by the classes).
function cfg(className: string, config: Record<string, unknown>): Layer {
  return deserialize({ module: 'keras.layers', class_name: className, config, registered_name: null });
}
function rnnOf(cellClass: string, config: Record<string, unknown>): Layer {
  const cell = { module: 'keras.layers', class_name: cellClass, config: { units: 3 }, registered_name: null };
  return cfg('RNN', { ...config, cell });
}
function bi(layer: Layer, mergeMode: string): Layer {
  return cfg('Bidirectional', { merge_mode: mergeMode, layer: serialize(layer) });
}
