import fc from 'fast-check';
import { ShapeError, Tensor, ValueError, Variable, ones, randomUniform, sum, tensor, zeros } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import { input } from '../core/input-layer';
import { getMask, setMask } from '../engine/masks';
import { deserialize, serialize } from '../registry';
import { checkLayerContract } from '../testing/check-layer-contract';
import { MultiHeadAttention } from './multi-head-attention';

const bool = (values: boolean[][] | boolean[][][]) =>
  tensor(JSON.parse(JSON.stringify(values).replace(/true/g, '1').replace(/false/g, '0')), undefined, 'bool');
const E = Math.E;

function withValue<T>(v: Variable, value: Tensor, f: () => T): T {
  const prev = v.swapValue(value);
  try {
    return f();
  } finally {
    v.swapValue(prev);
  }
}

/** One head of size 1 on 1 feature, every projection the identity: plain softmax(q·k) attention. */
function identityMha(args: Record<string, unknown> = {}): MultiHeadAttention {
  const layer = new MultiHeadAttention({ numHeads: 1, keyDim: 1, ...args });
  layer.maybeBuild([[null, 2, 1], [null, 2, 1]]);
  layer.setWeights(layer.weights.map((w) => (w.name === 'kernel' ? ones(w.shape) : zeros(w.shape))));
  return layer;
}

describe('MultiHeadAttention', () => {
  it('passes the layer contract (8 weights; key, gate, no bias, output shape, attention axes)', () => {
    const mha = (a: Record<string, unknown> = {}) => () => new MultiHeadAttention({ numHeads: 2, keyDim: 3, ...a });
    checkLayerContract(mha(), { inputShape: [[2, 3, 4], [2, 5, 4]], weights: 8, trainableWeights: 8, wrongRankShape: [2, 4] });
    checkLayerContract(mha({ valueDim: 2 }), { inputShape: [[2, 3, 4], [2, 5, 3], [2, 5, 6]], weights: 8 });
    checkLayerContract(mha({ useGate: true, slidingWindow: 2 }), { inputShape: [[2, 3, 4], [2, 3, 4]], weights: 10 });
    checkLayerContract(mha({ useBias: false, outputShape: [2, 3] }), { inputShape: [[2, 3, 4], [2, 5, 4]], weights: 4 });
    checkLayerContract(mha({ attentionAxes: [2] }), { inputShape: [[2, 3, 2, 4], [2, 3, 5, 4]], weights: 8, wrongRankShape: [2, 4] });
  });

  it("creates Keras's weights in Keras's order and shapes", () => {
    const layer = new MultiHeadAttention({ numHeads: 2, keyDim: 3, valueDim: 5, useGate: true });
    layer.maybeBuild([[null, 7, 4], [null, 6, 8], [null, 6, 9]]);
    expect(layer.weights.map((w) => w.shape)).toEqual([
      [4, 2, 3], [2, 3], // query
      [9, 2, 3], [2, 3], // key
      [4, 2, 5], [2, 5], // gate
      [8, 2, 5], [2, 5], // value
      [2, 5, 4], [4], // attention_output
    ]);
    expect(layer.weights.map((w) => w.path)).toEqual([
      'query/kernel', 'query/bias', 'key/kernel', 'key/bias', 'gate/kernel', 'gate/bias',
      'value/kernel', 'value/bias', 'attention_output/kernel', 'attention_output/bias',
    ]);
    expect(layer.countParams()).toBe(4 * 6 + 6 + 9 * 6 + 6 + 4 * 10 + 10 + 8 * 10 + 10 + 10 * 4 + 4);
    layer.trainable = false;
    expect(layer.trainableWeights).toEqual([]);
  });

  it('computes softmax(q·k/√keyDim)·v with identity projections (hand-checked), causal too', () => {
    const x = tensor([[[1], [2]]]);
    const [out, scores] = identityMha().applyMulti([x, x], { returnAttentionScores: true });
    const [a, b] = [1 / (1 + E), 1 / (1 + E * E)]; // softmax([1, 2])[0], softmax([2, 4])[0]
    expectClose(scores, [[[[a, 1 - a], [b, 1 - b]]]], 1e-6);
    expectClose(out, [[[a + 2 * (1 - a)], [b + 2 * (1 - b)]]], 1e-6);
    expectClose(identityMha().apply([x, x], { useCausalMask: true }), [[[1], [b + 2 * (1 - b)]]], 1e-6);
  });

  it("handles a fully masked row as Keras's jax backend: averaged when fused, zero weights with returned scores", () => {
    const layer = identityMha();
    layer.setWeights(layer.getWeights().map((w, i) => (i === 7 ? tensor([0.5]) : w))); // output bias 0.5
    const x = tensor([[[1], [3]]]);
    const attentionMask = bool([[[false, false], [true, true]]]);
    // Fused path (no dropout, no scores): softmax of equal fills -> the mean of the values.
    expectClose(layer.apply([x, x], { attentionMask }).data[0], 2 + 0.5, 1e-6);
    const [out, scores] = layer.applyMulti([x, x], { attentionMask, returnAttentionScores: true });
    expect(Array.from(scores.data.slice(0, 2))).toEqual([0, 0]);
    expectClose(out.data[0], 0.5, 1e-6);
  });

  it('merges the masks the inputs carry and gives the output the query mask', () => {
    const q = tensor([[[1], [2]]]);
    const v = tensor([[[3], [5]]]);
    setMask(v, bool([[false, true]]));
    setMask(q, bool([[true, false]]));
    const [out, scores] = identityMha().applyMulti([q, v], { returnAttentionScores: true });
    expectClose(scores, [[[[0, 1], [0, 0]]]], 1e-6);
    expectClose(out.data[0], 5, 1e-6);
    expect(getMask(out)?.toArray()).toEqual([[true, false]]);
    expect(getMask(scores)).toBeNull();
  });

  it('computes symbolic shapes, two outputs with returnAttentionScores (true shapes, also for S != T)', () => {
    const layer = new MultiHeadAttention({ numHeads: 3, keyDim: 2, outputShape: 7 });
    const outs = layer.applyMulti([input({ shape: [4, 5] }), input({ shape: [6, 5] })], { returnAttentionScores: true });
    expect(outs.map((o) => o.shape)).toEqual([[null, 4, 7], [null, 3, 4, 6]]);
    const axes = new MultiHeadAttention({ numHeads: 2, keyDim: 2, attentionAxes: [1, 2] });
    expect(axes.computeOutputShape([[null, 3, 4, 5], [null, 2, 6, 5]], { returnAttentionScores: true })).toEqual([
      [null, 3, 4, 5], [null, 2, 3, 4, 2, 6],
    ]);
    const eager = axes.applyMulti([ones([1, 3, 4, 5]), ones([1, 2, 6, 5])], { returnAttentionScores: true });
    expect(eager.map((o) => o.shape)).toEqual([[1, 3, 4, 5], [1, 2, 3, 4, 2, 6]]);
  });

  it("writes Keras's build_config shapes_dict and config (attention axes normalized once built)", () => {
    const layer = new MultiHeadAttention({ numHeads: 2, keyDim: 3, attentionAxes: -2, name: 'mha' });
    expect(layer.getConfig()['attention_axes']).toEqual([-2]);
    layer.apply([ones([2, 3, 4]), ones([2, 5, 4]), ones([2, 5, 6])]);
    expect(layer.getConfig()['attention_axes']).toEqual([1]);
    const json = serialize(layer);
    expect(json.build_config).toEqual({ shapes_dict: { query_shape: [2, 3, 4], value_shape: [2, 5, 4], key_shape: [2, 5, 6] } });
    const restored = deserialize(JSON.parse(JSON.stringify(json)));
    expect(restored.built).toBe(true);
    expect(restored.getWeights().map((w) => w.shape)).toEqual(layer.getWeights().map((w) => w.shape));
  });

  it('passes regularizers, constraints and the activity regularizer to the projections', () => {
    const layer = new MultiHeadAttention({
      numHeads: 2, keyDim: 2, kernelRegularizer: 'l2', biasRegularizer: 'l1', activityRegularizer: 'l2', kernelConstraint: 'non_neg',
    });
    expect(layer.activityRegularizer).toBeNull();
    layer.apply([ones([2, 3, 4]), ones([2, 3, 4])]);
    expect(layer.losses).toHaveLength(4 + 8);
    expect(layer.weights.map((w) => w.constraint !== null)).toEqual([true, false, true, false, true, false, true, false]);
  });

  it('drops attention probabilities in training only, returning them before dropout', () => {
    const make = () => {
      const l = new MultiHeadAttention({ numHeads: 2, keyDim: 2, dropout: 0.5, seed: 9, kernelInitializer: { class_name: 'Ones', config: {} } });
      l.maybeBuild([[null, 4, 3], [null, 4, 3]]);
      return l;
    };
    const x = randomUniform([2, 4, 3], { seed: 1 });
    const layer = make();
    const [inference, scores] = layer.applyMulti([x, x], { returnAttentionScores: true });
    const [trained, trainScores] = layer.applyMulti([x, x], { returnAttentionScores: true, training: true });
    expectClose(trainScores, scores, 1e-6);
    expect(Array.from(trained.data)).not.toEqual(Array.from(inference.data));
    // Seeded: a fresh layer draws the same dropout masks.
    expectClose(make().apply([x, x], { training: true }), make().apply([x, x], { training: true }));
  });

  it('has gradients that match finite differences (inputs with masks, both paths, and weights)', () => {
    const q = randomUniform([2, 3, 4], { minval: -1, maxval: 1, seed: 11 });
    const v = randomUniform([2, 4, 4], { minval: -1, maxval: 1, seed: 12 });
    const k = randomUniform([2, 4, 3], { minval: -1, maxval: 1, seed: 13 });
    const layer = new MultiHeadAttention({ numHeads: 2, keyDim: 2, useGate: true, biasInitializer: 'glorot_uniform' });
    layer.maybeBuild([q.shape, v.shape, k.shape]);
    const mask = [bool([[true, true, false], [true, true, true]]), bool([[true, false, true, true], [true, true, true, true]]), null];
    checkGradients((a, b, c) => layer.apply([a, b, c], { mask, useCausalMask: true }), [q, v, k]);
    checkGradients((a) => layer.applyMulti([a, v, k], { mask, returnAttentionScores: true })[0], [q]);
    for (const i of [0, 3, 4, 8, 9]) {
      const w = layer.weights[i];
      checkGradients((x) => withValue(w, x, () => layer.apply([q, v, k], { mask })), [w.value]);
    }
  });

  it('gives attention scores that sum to 1 over the key steps, 0 on rows the causal window masks fully (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 999 }), (t, s, heads, seed) => {
        const layer = new MultiHeadAttention({ numHeads: heads, keyDim: 2, slidingWindow: seed % 3 === 0 ? 2 : null });
        const q = randomUniform([2, t, 3], { minval: -2, maxval: 2, seed });
        const v = randomUniform([2, s, 3], { minval: -2, maxval: 2, seed: seed + 7 });
        const [, scores] = layer.applyMulti([q, v], { returnAttentionScores: true, useCausalMask: seed % 2 === 0 });
        expect(scores.shape).toEqual([2, heads, t, s]);
        const rows = Array.from(sum(scores, -1).data);
        expect(rows.every((r) => Math.abs(r - 1) < 1e-5 || r === 0)).toBe(true);
      }),
      { seed: 42, numRuns: 50 },
    );
  });

  it('round-trips its config over the argument space (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          numHeads: fc.integer({ min: 1, max: 8 }), keyDim: fc.integer({ min: 1, max: 64 }), valueDim: fc.option(fc.integer({ min: 1, max: 64 })),
          dropout: fc.double({ min: 0, max: 1, noNaN: true }), useBias: fc.boolean(), useGate: fc.boolean(),
          outputShape: fc.option(fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 3 })),
          attentionAxes: fc.option(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 2 })),
          slidingWindow: fc.option(fc.integer({ min: 1, max: 9 })), seed: fc.option(fc.integer({ min: 0, max: 1000 })),
        }),
        (args) => {
          const layer = new MultiHeadAttention(args);
          const config = JSON.parse(JSON.stringify(layer.getConfig()));
          expect(MultiHeadAttention.fromConfig(config).getConfig()).toEqual(config);
        },
      ),
      { seed: 42, numRuns: 50 },
    );
  });

  describe('rejects bad arguments', () => {
    it.each([
      [{ numHeads: 0, keyDim: 2 }, /numHeads must be a positive integer, received numHeads=0/],
      [{ numHeads: 2, keyDim: 2.5 }, /keyDim must be a positive integer, received keyDim=2\.5/],
      [{ numHeads: 2 }, /keyDim=undefined/],
      [{ numHeads: 2, keyDim: 2, valueDim: -1 }, /valueDim must be a positive integer or null, received valueDim=-1/],
      [{ numHeads: 2, keyDim: 2, dropout: 1.5 }, /dropout=1\.5/],
      [{ numHeads: 2, keyDim: 2, useBias: 'no' }, /useBias='no'/],
      [{ numHeads: 2, keyDim: 2, useGate: 1 }, /useGate=1/],
      [{ numHeads: 2, keyDim: 2, outputShape: 3.5 }, /outputShape=3\.5/],
      [{ numHeads: 2, keyDim: 2, outputShape: [] }, /outputShape=\[\]/],
      [{ numHeads: 2, keyDim: 2, attentionAxes: 'a' }, /attentionAxes must be an integer, an array of integers or null, received attentionAxes='a'/],
      [{ numHeads: 2, keyDim: 2, slidingWindow: 0 }, /slidingWindow must be null or a positive integer, received slidingWindow=0/],
      [{ numHeads: 2, keyDim: 2, seed: 'x' }, /seed='x'/],
    ])('%j', (args, message) => {
      expect(() => new MultiHeadAttention(args as never)).toThrow(ValueError);
      expect(() => new MultiHeadAttention(args as never)).toThrow(message);
    });

    it.each([[[0]], [[-1]], [[3]], [[1, 1]]])('attentionAxes=%j for a rank-3 query, when built', (axes) => {
      const layer = new MultiHeadAttention({ numHeads: 2, keyDim: 2, attentionAxes: axes });
      expect(() => layer.maybeBuild([[null, 3, 4], [null, 3, 4]])).toThrow(ValueError);
      expect(() => layer.maybeBuild([[null, 3, 4], [null, 3, 4]])).toThrow(/attentionAxes must name distinct axes of the query between 1 and 1/);
    });
  });

  describe('rejects bad inputs', () => {
    const q = ones([2, 3, 4]);
    const v = ones([2, 5, 4]);
    const mha = () => new MultiHeadAttention({ numHeads: 2, keyDim: 2 });
    it('not a list of 2 or 3 tensors', () => {
      expect(() => mha().apply(q)).toThrow(ValueError);
      expect(() => mha().apply(q)).toThrow(/inputs must be a list \[query, value\] or \[query, value, key\], received a single input of shape \(2, 3, 4\)/);
      expect(() => mha().apply([q, v, v, v])).toThrow(/received a list of length 4/);
    });

    it('ranks below 3 or unequal, value and key that differ beyond the features, unknown features', () => {
      expect(() => mha().apply([ones([2, 4]), ones([2, 4])])).toThrow(ShapeError);
      expect(() => mha().apply([ones([2, 4]), ones([2, 4])])).toThrow(/same rank, at least 3/);
      expect(() => mha().apply([q, ones([2, 5, 1, 4])])).toThrow(/same rank, at least 3/);
      expect(() => mha().apply([q, v, ones([2, 6, 4])])).toThrow(ShapeError);
      expect(() => mha().apply([q, v, ones([2, 6, 4])])).toThrow(
        /all dimensions of value and key, except the last one, must be equal, received query.shape=\(2, 3, 4\), value.shape=\(2, 5, 4\), key.shape=\(2, 6, 4\)/,
      );
      expect(() => mha().maybeBuild([[null, 3, null], [null, 5, 4]])).toThrow(ValueError);
      expect(() => mha().maybeBuild([[null, 3, null], [null, 5, 4]])).toThrow(/last axis of query, value and key must be known/);
    });

    it('a query of another width than the layer was built for', () => {
      const layer = mha();
      layer.apply([q, v]);
      expect(() => layer.apply([ones([2, 3, 5]), v])).toThrow(ShapeError);
      expect(() => layer.apply([ones([2, 3, 5]), v])).toThrow(/layer 'query'.*expected axis -1 of input shape to have value 4/);
    });

    it('bad masks', () => {
      const layer = mha();
      expect(() => layer.apply([q, v], { attentionMask: bool([[[true]]]).data as never })).toThrow(ValueError);
      expect(() => layer.apply([q, v], { attentionMask: [1] as never })).toThrow(/attentionMask must be a Tensor \(B, T, S\) or null/);
      expect(() => layer.apply([q, v], { attentionMask: ones([2, 4, 5], 'bool') })).toThrow(ShapeError);
      expect(() => layer.apply([q, v], { attentionMask: ones([2, 4, 5], 'bool') })).toThrow(/attention mask must broadcast to the attention scores \(2, 2, 3, 5\)/);
      expect(() => layer.apply([q, v], { mask: ones([2, 3], 'bool') })).toThrow(ValueError);
      expect(() => layer.apply([q, v], { mask: ones([2, 3], 'bool') })).toThrow(/mask must be a list \[queryMask, valueMask, keyMask\], received mask=Tensor of shape \(2, 3\)/);
      expect(() => layer.apply([q, v], { mask: [null, ones([2, 3], 'bool')] })).toThrow(ShapeError);
      expect(() => layer.apply([q, v], { mask: [null, ones([2, 3], 'bool')] })).toThrow(/received valueMask.shape=\(2, 3\)/);
    });
  });
});
