import { ShapeError, Tensor, ValueError, Variable, ones, randomUniform, tensor } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import { input } from '../core/input-layer';
import { deserialize, serialize } from '../registry';
import { checkLayerContract } from '../testing/check-layer-contract';
import { AdditiveAttention } from './additive-attention';

const bool = (values: boolean[][]) => tensor(values.map((r) => r.map(Number)), undefined, 'bool');

function withValue<T>(v: Variable, value: Tensor, f: () => T): T {
  const prev = v.swapValue(value);
  try {
    return f();
  } finally {
    v.swapValue(prev);
  }
}

describe('AdditiveAttention', () => {
  it('passes the layer contract (with and without scale)', () => {
    checkLayerContract(() => new AdditiveAttention(), { inputShape: [[2, 3, 4], [2, 5, 4]], weights: 1, trainableWeights: 1, wrongRankShape: [4] });
    checkLayerContract(() => new AdditiveAttention({ useScale: false }), { inputShape: [[2, 3, 4], [2, 5, 6], [2, 5, 4]], weights: 0 });
  });

  it('creates scale (dim) with Glorot uniform values, Keras defaults useScale=true', () => {
    const layer = new AdditiveAttention();
    expect(layer.useScale).toBe(true);
    layer.maybeBuild([[null, 3, 4], [null, 5, 4]]);
    expect(layer.weights.map((w) => [w.name, w.shape])).toEqual([['scale', [4]]]);
    const limit = Math.sqrt(6 / 8);
    expect(Array.from(layer.getWeights()[0].data).every((x) => Math.abs(x) <= limit)).toBe(true);
  });

  it('scores with Σ scale_d · tanh(query_d + key_d) (hand-checked)', () => {
    const layer = new AdditiveAttention();
    layer.maybeBuild([[1, 1, 2], [1, 2, 2]]);
    layer.setWeights([tensor([1, 2])]);
    const v = tensor([[[1, 0], [0, 1]]]);
    const [out, scores] = layer.applyMulti([tensor([[[0, 0]]]), v], { returnAttentionScores: true });
    // key 0: tanh(1) + 2·tanh(0); key 1: tanh(0) + 2·tanh(1).
    const [a, b] = [Math.exp(Math.tanh(1)), Math.exp(2 * Math.tanh(1))];
    expectClose(scores, [[[a / (a + b), b / (a + b)]]], 1e-6);
    expectClose(out, [[[a / (a + b), b / (a + b)]]], 1e-6);
  });

  it("writes Keras's config: Attention's without score_mode", () => {
    const layer = new AdditiveAttention({ dropout: 0.25, seed: 5, name: 'add' });
    const config = layer.getConfig();
    expect(config).toEqual({
      name: 'add', trainable: true, dtype: { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null },
      use_scale: true, dropout: 0.25, seed: 5,
    });
    expect(deserialize(serialize(layer)).getConfig()).toEqual(config);
  });

  it('masks as Attention does, and returns two outputs symbolically', () => {
    const layer = new AdditiveAttention({ useScale: false });
    const [out, scores] = layer.applyMulti([tensor([[[1], [2]]]), tensor([[[3], [5]]])], {
      mask: [bool([[true, false]]), bool([[false, true]])], returnAttentionScores: true,
    });
    expect(out.toArray()).toEqual([[[5], [0]]]);
    expect(scores.toArray()).toEqual([[[0, 1], [0, 1]]]);
    const sym = new AdditiveAttention().applyMulti([input({ shape: [3, 4] }), input({ shape: [5, 4] })], { returnAttentionScores: true });
    expect(sym.map((s) => s.shape)).toEqual([[null, 3, 4], [null, 3, 5]]);
  });

  it('broadcasts a query or key of width 1 over the features, as Keras does', () => {
    const layer = new AdditiveAttention({ useScale: false });
    expect(layer.apply([ones([1, 2, 1]), ones([1, 3, 4])]).shape).toEqual([1, 2, 4]);
  });

  it('has gradients that match finite differences (inputs and scale)', () => {
    const q = randomUniform([2, 3, 2], { minval: -1, maxval: 1, seed: 4 });
    const v = randomUniform([2, 4, 3], { minval: -1, maxval: 1, seed: 5 });
    const k = randomUniform([2, 4, 2], { minval: -1, maxval: 1, seed: 6 });
    const layer = new AdditiveAttention();
    layer.maybeBuild([q.shape, v.shape, k.shape]);
    // No fully masked row: there float32 rounding of (score - 1e9) hides the gradient from finite differences.
    const mask = [null, bool([[true, true, false, true], [true, false, true, true]])];
    checkGradients((a, b, c) => layer.apply([a, b, c], { mask, useCausalMask: true }), [q, v, k]);
    checkGradients((s) => withValue(layer.scale as Variable, s, () => layer.apply([q, v, k], { mask })), [tensor([0.5, -0.3])]);
  });

  it('rejects bad arguments and inputs', () => {
    expect(() => new AdditiveAttention({ dropout: 2 })).toThrow(ValueError);
    expect(() => new AdditiveAttention({ dropout: 2 })).toThrow(/AdditiveAttention: dropout must be a number between 0 and 1, received dropout=2/);
    expect(() => new AdditiveAttention({ useScale: 'yes' as never })).toThrow(/useScale='yes'/);
    const layer = new AdditiveAttention();
    expect(() => layer.maybeBuild([[null, 3, null], [null, 5, 4]])).toThrow(ValueError);
    expect(() => layer.maybeBuild([[null, 3, null], [null, 5, 4]])).toThrow(/last axis of the query must be known/);
    expect(() => new AdditiveAttention().apply([ones([1, 2, 3]), ones([1, 3, 4])])).toThrow(ShapeError);
    expect(() => new AdditiveAttention().apply([ones([1, 2, 3]), ones([1, 3, 4])])).toThrow(/query and key must have the same last dimension/);
    expect(() => new AdditiveAttention().apply(ones([1, 2, 3]))).toThrow(ValueError);
    expect(() => new AdditiveAttention().apply(ones([1, 2, 3]))).toThrow(/AdditiveAttention '.*': inputs must be a list/);
  });
});
