import fc from 'fast-check';
import { ShapeError, Tensor, ValueError, Variable, ones, randomUniform, sum, tensor } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import { input } from '../core/input-layer';
import { getMask, setMask } from '../engine/masks';
import { checkLayerContract } from '../testing/check-layer-contract';
import { Attention } from './attention';

const bool = (values: boolean[][]) => tensor(values.map((r) => r.map(Number)), undefined, 'bool');
const E = Math.E;

/** Runs `f` with `v` temporarily holding `value`, so gradients reach `value`. */
function withValue<T>(v: Variable, value: Tensor, f: () => T): T {
  const prev = v.swapValue(value);
  try {
    return f();
  } finally {
    v.swapValue(prev);
  }
}

describe('Attention', () => {
  it('passes the layer contract (dot, scaled, concat, with a key of another width than the value)', () => {
    checkLayerContract(() => new Attention(), { inputShape: [[2, 3, 4], [2, 5, 4]], weights: 0, wrongRankShape: [4] });
    checkLayerContract(() => new Attention({ useScale: true }), { inputShape: [[2, 3, 4], [2, 5, 6], [2, 5, 4]], weights: 1 });
    checkLayerContract(() => new Attention({ useScale: true, scoreMode: 'concat' }), {
      inputShape: [[2, 3, 4], [2, 5, 4]], weights: 2, trainableWeights: 2, wrongRankShape: [4],
    });
  });

  it('creates scale and concat_score_weight as scalars initialized to 1, in Keras order', () => {
    const layer = new Attention({ useScale: true, scoreMode: 'concat' });
    layer.maybeBuild([[null, 3, 4], [null, 5, 4]]);
    expect(layer.weights.map((w) => [w.name, w.shape])).toEqual([['scale', []], ['concat_score_weight', []]]);
    expect(layer.getWeights().map((w) => w.item())).toEqual([1, 1]);
  });

  it('weights the values by softmax(query · keyᵀ) (hand-checked)', () => {
    const q = tensor([[[1, 0]]]);
    const v = tensor([[[1, 0], [0, 1]]]);
    // scores [1, 0] -> weights [e, 1] / (e + 1).
    const [out, scores] = new Attention().applyMulti([q, v], { returnAttentionScores: true });
    expectClose(scores, [[[E / (E + 1), 1 / (E + 1)]]], 1e-6);
    expectClose(out, [[[E / (E + 1), 1 / (E + 1)]]], 1e-6);
    const scaled = new Attention({ useScale: true });
    scaled.maybeBuild([q.shape, v.shape]);
    scaled.setWeights([tensor(2)]);
    expectClose(scaled.apply([q, v]), [[[E * E / (E * E + 1), 1 / (E * E + 1)]]], 1e-6);
  });

  it("scores with concatScoreWeight · Σ tanh(query + key) in 'concat' mode (hand-checked)", () => {
    const layer = new Attention({ scoreMode: 'concat' });
    layer.maybeBuild([[1, 1, 2], [1, 2, 2]]);
    layer.setWeights([tensor(2)]);
    const s = 2 * Math.tanh(1);
    const [, scores] = layer.applyMulti([tensor([[[0, 0]]]), tensor([[[1, 0], [0, 0]]])], { returnAttentionScores: true });
    expectClose(scores, [[[Math.exp(s) / (Math.exp(s) + 1), 1 / (Math.exp(s) + 1)]]], 1e-6);
  });

  it('applies value and query masks: masked values get no weight, masked queries output zeros', () => {
    const q = tensor([[[1], [2]]]);
    const v = tensor([[[3], [5]]]);
    const [out, scores] = new Attention().applyMulti([q, v], {
      mask: [bool([[true, false]]), bool([[true, false]])], returnAttentionScores: true,
    });
    expect(scores.toArray()).toEqual([[[1, 0], [1, 0]]]);
    expect(out.toArray()).toEqual([[[3], [0]]]);
  });

  it('gives a fully masked value row uniform weights, as Keras (it subtracts 1e9 rather than replacing)', () => {
    const [, scores] = new Attention().applyMulti([tensor([[[1]]]), tensor([[[3], [5]]])], {
      mask: [null, bool([[false, false]])], returnAttentionScores: true,
    });
    expectClose(scores, [[[0.5, 0.5]]], 1e-6);
  });

  it('masks future steps with useCausalMask (hand-checked)', () => {
    const x = tensor([[[1], [2]]]);
    const [out, scores] = new Attention().applyMulti([x, x], { useCausalMask: true, returnAttentionScores: true });
    // Row 0 sees only step 0; row 1: softmax([2, 4]).
    const w = 1 / (1 + E * E);
    expectClose(scores, [[[1, 0], [w, 1 - w]]], 1e-6);
    expectClose(out, [[[1], [w + 2 * (1 - w)]]], 1e-6);
  });

  it('uses the masks the inputs carry and gives the output the query mask (the scores none)', () => {
    const q = tensor([[[1], [2]]]);
    const v = tensor([[[3], [5]]]);
    setMask(q, bool([[true, false]]));
    setMask(v, bool([[false, true]]));
    const [out, scores] = new Attention().applyMulti([q, v], { returnAttentionScores: true });
    expect(out.toArray()).toEqual([[[5], [0]]]);
    expect(getMask(out)?.toArray()).toEqual([[true, false]]);
    expect(getMask(scores)).toBeNull();
  });

  it('drops attention weights in training only, returning the dropped weights as Keras', () => {
    const layer = new Attention({ dropout: 0.5, seed: 3 });
    const q = ones([2, 4, 3]);
    const v = ones([2, 8, 3]);
    const [, inference] = layer.applyMulti([q, v], { returnAttentionScores: true });
    expectClose(inference, ones([2, 4, 8]).data.map(() => 1 / 8));
    const [, dropped] = layer.applyMulti([q, v], { returnAttentionScores: true, training: true });
    const values = new Set(Array.from(dropped.data));
    expect(values).toEqual(new Set([0, 0.25]));
  });

  it('gives symbolic outputs the shapes of the eager ones, two of them with returnAttentionScores', () => {
    const layer = new Attention();
    const outs = layer.applyMulti([input({ shape: [3, 4] }), input({ shape: [5, 6] }), input({ shape: [5, 4] })], {
      returnAttentionScores: true,
    });
    expect(outs.map((o) => o.shape)).toEqual([[null, 3, 6], [null, 3, 5]]);
    expect(layer.computeOutputShape([[null, 3, 4], [null, 5, 4]])).toEqual([null, 3, 4]);
    expect(layer.computeOutputShape([[null, 3, 4], [null, 5, 6], [null, 5, 4]], { returnAttentionScores: true })).toEqual([[null, 3, 6], [null, 3, 5]]);
  });

  it('has gradients that match finite differences (inputs, masks, causal, scale and concat weights)', () => {
    const q = randomUniform([2, 3, 2], { minval: -1, maxval: 1, seed: 1 });
    const v = randomUniform([2, 4, 3], { minval: -1, maxval: 1, seed: 2 });
    const k = randomUniform([2, 4, 2], { minval: -1, maxval: 1, seed: 3 });
    const mask = [bool([[true, true, false], [true, true, true]]), bool([[true, false, true, true], [true, true, true, false]])];
    for (const scoreMode of ['dot', 'concat'] as const) {
      const layer = new Attention({ useScale: true, scoreMode });
      layer.maybeBuild([q.shape, v.shape, k.shape]);
      layer.setWeights(layer.weights.map(() => tensor(0.8)));
      checkGradients((a, b, c) => layer.apply([a, b, c], { mask }), [q, v, k]);
      checkGradients((a, b) => layer.apply([a, b, k], { useCausalMask: true }), [q, v]);
      checkGradients((s) => withValue(layer.scale as Variable, s, () => layer.apply([q, v, k], { mask })), [tensor(0.8)]);
    }
  });

  it('gives attention weights that sum to 1 over the value steps (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 5 }), fc.boolean(), fc.integer({ min: 0, max: 1000 }), (tq, tv, causal, seed) => {
        const q = randomUniform([2, tq, 3], { minval: -3, maxval: 3, seed });
        const v = randomUniform([2, tv, 3], { minval: -3, maxval: 3, seed: seed + 1 });
        const [, scores] = new Attention({ scoreMode: seed % 2 ? 'dot' : 'concat' }).applyMulti([q, v], {
          returnAttentionScores: true, useCausalMask: causal,
        });
        expectClose(sum(scores, -1), ones([2, tq]), 1e-5, 1e-5);
      }),
      { seed: 42, numRuns: 50 },
    );
  });

  describe('rejects bad arguments', () => {
    it.each([
      [{ scoreMode: 'cosine' }, /scoreMode='cosine'/],
      [{ useScale: 1 }, /useScale=1/],
      [{ dropout: 1.5 }, /dropout=1\.5/],
      [{ dropout: -0.1 }, /dropout=-0\.1/],
      [{ seed: 1.5 }, /seed=1\.5/],
    ])('%j', (args, message) => {
      expect(() => new Attention(args as never)).toThrow(ValueError);
      expect(() => new Attention(args as never)).toThrow(message);
    });
  });

  describe('rejects bad inputs', () => {
    const q = ones([2, 3, 4]);
    const v = ones([2, 5, 4]);
    it('a single tensor or a list of the wrong length', () => {
      expect(() => new Attention().apply(q)).toThrow(ValueError);
      expect(() => new Attention().apply(q)).toThrow(/inputs must be a list \[query, value\] or \[query, value, key\], received a single input of shape \(2, 3, 4\)/);
      expect(() => new Attention().apply([q])).toThrow(/received a list of length 1/);
      expect(() => new Attention().apply([q, v, v, v])).toThrow(ValueError);
      expect(() => new Attention().apply([q, v, v, v])).toThrow(/received a list of length 4/);
    });

    it('a mask that is not a list of 2 or 3 masks', () => {
      const m = bool([[true, true, true], [true, true, true]]);
      expect(() => new Attention().apply([q, v], { mask: m })).toThrow(ValueError);
      expect(() => new Attention().apply([q, v], { mask: m })).toThrow(/mask must be a list \[queryMask, valueMask\], received mask=Tensor of shape \(2, 3\)/);
      expect(() => new Attention().apply([q, v], { mask: [m] })).toThrow(/mask must be a list of length 2 or 3/);
    });

    it('masks of the wrong shape', () => {
      const bad = bool([[true, true]]);
      expect(() => new Attention().apply([q, v], { mask: [bad, null] })).toThrow(ShapeError);
      expect(() => new Attention().apply([q, v], { mask: [bad, null] })).toThrow(/query mask .* received queryMask.shape=\(1, 2\)/);
      expect(() => new Attention().apply([q, v], { mask: [null, bad] })).toThrow(/received valueMask.shape=\(1, 2\)/);
    });

    it('query and key of different widths, key and value of different lengths, rank 1', () => {
      expect(() => new Attention().apply([q, ones([2, 5, 3])])).toThrow(ShapeError);
      expect(() => new Attention().apply([q, ones([2, 5, 3])])).toThrow(/query and key must have the same last dimension, received query.shape=\(2, 3, 4\), value.shape=\(2, 5, 3\)/);
      expect(() => new Attention().apply([q, v, ones([2, 6, 4])])).toThrow(ShapeError);
      expect(() => new Attention().apply([q, v, ones([2, 6, 4])])).toThrow(/value and key must have the same number of steps/);
      expect(() => new Attention().apply([ones([4]), v])).toThrow(ShapeError);
      expect(() => new Attention().apply([ones([4]), v])).toThrow(/rank >= 2/);
    });
  });
});
