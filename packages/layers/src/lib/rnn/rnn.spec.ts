import { ShapeError, Tensor, ValueError, Variable, add, flip, matmul, ones, randomUniform, reshape, slice, tensor, zeros } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import fc from 'fast-check';
import { InputLayer } from '../core/input-layer';
import { Masking } from '../core/masking';
import { LayerArgs } from '../engine/layer-args';
import { getMask } from '../engine/masks';
import { Shape } from '../engine/shape';
import { deserialize, registerSerializable, serialize } from '../registry';
import { checkLayerContract } from '../testing/check-layer-contract';
import { GRU } from './gru';
import { LSTM } from './lstm';
import { LSTMCell } from './lstm-cell';
import { RNN } from './rnn';
import { RNNCell } from './rnn-cell';
import { SimpleRNN } from './simple-rnn';

/** Keras's documentation example: `h = x · kernel + hPrev · recurrentKernel`, a cell without a fused path. */
class MinimalRNNCell extends RNNCell {
  static override readonly className: string = 'MinimalRNNCell';
  readonly units: number;
  readonly stateSize: number;
  kernel!: Variable;
  recurrentKernel!: Variable;

  constructor(args: LayerArgs & { units: number }) {
    super(args);
    this.units = args.units;
    this.stateSize = args.units;
  }

  override build(shape: Shape): void {
    this.kernel = this.addWeight({ name: 'kernel', shape: [shape[1] as number, this.units], initializer: 'random_uniform' });
    this.recurrentKernel = this.addWeight({ name: 'recurrent_kernel', shape: [this.units, this.units], initializer: 'random_uniform' });
  }

  override step(x: Tensor, [h]: Tensor[]): [Tensor, Tensor[]] {
    const y = add(matmul(x, this.kernel.value), matmul(h, this.recurrentKernel.value));
    return [y, [y]];
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), units: this.units };
  }
}
registerSerializable(MinimalRNNCell, { package: 'rnn-spec' });

/** The reference loop: the cell stepped by hand over time indices `order`. */
function manual(cell: { call(x: Tensor, s: Tensor[]): [Tensor, Tensor[]] }, x: Tensor, states: Tensor[], order: number[]): Tensor[] {
  const [batch, , features] = x.shape;
  return order.map((t) => {
    const [y, next] = cell.call(reshape(slice(x, [0, t, 0], [batch, 1, features]), [batch, features]), states);
    states = next;
    return y;
  });
}

const x = randomUniform([2, 5, 3], { minval: -1, maxval: 1, seed: 11 });

describe('RNN', () => {
  it('runs a custom RNNCell over time, as the cell stepped by hand', () => {
    const rnn = new RNN({ cell: new MinimalRNNCell({ units: 4 }), returnSequences: true });
    const y = rnn.apply(x);
    const steps = manual(rnn.cell as MinimalRNNCell, x, [zeros([2, 4])], [0, 1, 2, 3, 4]);
    steps.forEach((s, t) => expectClose(slice(y, [0, t, 0], [2, 1, 4]), s.data, 1e-6, 1e-6));
    expect(rnn.weights).toHaveLength(2);
  });

  it('passes the layer contract with a custom cell (registered) and with a built-in cell', () => {
    checkLayerContract(() => new RNN({ cell: new MinimalRNNCell({ units: 3 }) }), { inputShape: [2, 4, 3], weights: 2, wrongRankShape: [2, 3] });
    checkLayerContract(() => new RNN({ cell: new LSTMCell({ units: 3 }), returnState: true, returnSequences: true }), {
      inputShape: [2, 4, 3], weights: 3, wrongRankShape: [2, 3],
    });
  });

  it('back-propagates through time for cells without a fused path', () => {
    const rnn = new RNN({ cell: new MinimalRNNCell({ units: 2 }), returnSequences: true, goBackwards: true });
    rnn.apply(x);
    const [k, r] = rnn.weights;
    const f = (xx: Tensor, kk: Tensor, rr: Tensor) => {
      const saved = [k.swapValue(kk), r.swapValue(rr)];
      try {
        return rnn.apply(xx);
      } finally {
        k.swapValue(saved[0]);
        r.swapValue(saved[1]);
      }
    };
    checkGradients(f, [x, k.value, r.value]);
  });

  it('accepts any object with stateSize and call(input, states) as a cell', () => {
    const w = tensor([[1], [2], [3]]);
    const cell = {
      stateSize: 1,
      built: 0,
      build() {
        this.built++;
      },
      call(input: Tensor, [h]: Tensor[]): [Tensor, Tensor[]] {
        const y = add(matmul(input, w), h); // a running sum of x · w
        return [y, [y]];
      },
    };
    const rnn = new RNN({ cell });
    const y = rnn.apply(ones([1, 4, 3]));
    expect(Array.from(y.data)).toEqual([24]);
    expect(cell.built).toBe(1);
    expect(() => rnn.getConfig()).toThrow(/only a cell that is a Layer can be serialized/);
  });

  it('goes backwards: the last output is the forward run on the flipped sequence, outputs in processing order', () => {
    const lstm = new LSTM({ units: 3, returnSequences: true, goBackwards: true });
    const back = lstm.apply(x);
    const fwd = new LSTM({ units: 3, returnSequences: true });
    fwd.apply(x);
    fwd.setWeights(lstm.getWeights());
    expectClose(back, fwd.apply(flip(x, 1)), 1e-6, 1e-7);
  });

  it('starts from initialState, also given symbolically (the states become inputs of the node)', () => {
    const lstm = new LSTM({ units: 3, returnState: true });
    const h0 = randomUniform([2, 3], { seed: 1 });
    const c0 = randomUniform([2, 3], { seed: 2 });
    const [y, h, c] = lstm.applyMulti(x, { initialState: [h0, c0] });
    const steps = manual(lstm.cell, x, [h0, c0], [0, 1, 2, 3, 4]);
    expectClose(y, steps[4], 1e-6, 1e-7);
    expect(h).toBe(y);
    expect(c.shape).toEqual([2, 3]);
    const sym = (shape: Shape) => new InputLayer({ batchShape: shape }).output;
    const outs = lstm.applyMulti(sym([null, 5, 3]), { initialState: [sym([null, 3]), sym([null, 3])] });
    expect(outs.map((o) => o.shape)).toEqual([[null, 3], [null, 3], [null, 3]]);
    expect(lstm.inboundNodes[0].inputs).toHaveLength(3);
  });

  it('rejects initial states of the wrong number or shape', () => {
    const lstm = new LSTM({ units: 3 });
    expect(() => lstm.apply(x, { initialState: [zeros([2, 3])] })).toThrow(ValueError);
    expect(() => lstm.apply(x, { initialState: [zeros([2, 3])] })).toThrow(/initialState must hold 2 tensor\(s\), one per state, received 1/);
    expect(() => lstm.apply(x, { initialState: [zeros([2, 3]), zeros([2, 4])] })).toThrow(ShapeError);
    expect(() => lstm.apply(x, { initialState: [zeros([2, 3]), zeros([2, 4])] })).toThrow(/initial state 1 must have shape \(2, 3\), received shape \(2, 4\)/);
  });

  it('keeps its states between calls when stateful, until resetStates()', () => {
    const whole = new LSTM({ units: 3 });
    const y = whole.apply(x);
    const stateful = new LSTM({ units: 3, stateful: true });
    stateful.apply(slice(x, [0, 0, 0], [2, 2, 3]));
    stateful.setWeights(whole.getWeights());
    stateful.resetStates();
    stateful.apply(slice(x, [0, 0, 0], [2, 2, 3]));
    expectClose(stateful.apply(slice(x, [0, 2, 0], [2, 3, 3])), y, 1e-6, 1e-7);
    stateful.resetStates();
    expect(Array.from(stateful.states?.[1].data ?? [])).toEqual([0, 0, 0, 0, 0, 0]);
    expectClose(stateful.apply(slice(x, [0, 0, 0], [2, 2, 3])), whole.apply(slice(x, [0, 0, 0], [2, 2, 3])), 1e-6, 1e-7);
    expect(() => stateful.apply(zeros([3, 2, 3]))).toThrow(/a stateful RNN needs the batch size of its states, expected batch size 2, received 3/);
    const dynamic = new LSTM({ units: 3, stateful: true });
    expect(() => dynamic.apply(new InputLayer({ batchShape: [null, 4, 3] }).output)).toThrow(ValueError);
    expect(() => new LSTM({ units: 3, stateful: true }).apply(new InputLayer({ batchShape: [null, 4, 3] }).output)).toThrow(
      /stateful=true the batch size must be static, found dynamic batch size: sequence.shape=\(None, 4, 3\)/,
    );
  });

  describe('masks', () => {
    // Sample 0 is right-padded after 3 steps; sample 1 has a hole at step 1.
    const mask = tensor([[1, 1, 1, 0, 0], [1, 0, 1, 1, 1]], [2, 5], 'bool');

    it('skips masked steps: a right-padded sample ends as the run on its unpadded steps', () => {
      const rnn = new SimpleRNN({ units: 2, returnSequences: true });
      const y = rnn.apply(x, { mask });
      const s0 = manual(rnn.cell, slice(x, [0, 0, 0], [1, 5, 3]), [zeros([1, 2])], [0, 1, 2]);
      const s1 = manual(rnn.cell, slice(x, [1, 0, 0], [1, 5, 3]), [zeros([1, 2])], [0, 2, 3, 4]);
      // Masked steps repeat the previous output.
      const expected = [s0[0], s0[1], s0[2], s0[2], s0[2], s1[0], s1[0], s1[1], s1[2], s1[3]].flatMap((t) => Array.from(t.data));
      expectClose(y, expected, 1e-6, 1e-7);
      expect(getMask(y)).toBe(mask);
    });

    it('outputs zeros at masked steps with zeroOutputForMask, and returns no mask without returnSequences', () => {
      const rnn = new RNN({ cell: new LSTMCell({ units: 2 }), returnSequences: true, zeroOutputForMask: true });
      const y = rnn.apply(x, { mask });
      expect(Array.from(slice(y, [0, 3, 0], [1, 2, 2]).data)).toEqual([0, 0, 0, 0]);
      expect(Array.from(slice(y, [1, 1, 0], [1, 1, 2]).data)).toEqual([0, 0]);
      const last = new LSTM({ units: 2, returnState: true });
      const outs = last.applyMulti(new Masking().apply(tensor([[[1], [0]]])));
      expect(outs.map(getMask)).toEqual([null, null, null]);
    });

    it('has gradients through masked steps', () => {
      const rnn = new LSTM({ units: 2, returnSequences: true });
      checkGradients((xx) => rnn.apply(xx, { mask }), [x]);
    });
  });

  describe('dropout', () => {
    it('draws one input mask per call, used at every step, and only in training', () => {
      // Linear cell with an identity kernel and no recurrence: each output step is x * mask.
      const rnn = new SimpleRNN({ units: 8, activation: 'linear', dropout: 0.5, seed: 3, returnSequences: true, kernelInitializer: 'identity', recurrentInitializer: 'zeros' });
      const input = ones([4, 3, 8]);
      expect(Array.from(rnn.apply(input).data).every((v) => v === 1)).toBe(true);
      const y = rnn.apply(input, { training: true });
      const step = (t: number) => Array.from(slice(y, [0, t, 0], [4, 1, 8]).data);
      expect(step(1)).toEqual(step(0));
      expect(step(2)).toEqual(step(0));
      expect(new Set(step(0))).toEqual(new Set([0, 2]));
      expect(Array.from(rnn.apply(input, { training: true }).data)).not.toEqual(Array.from(y.data));
    });

    it('draws one recurrent mask per call: h_t = 1 + m * h_(t-1) with the same m at every step', () => {
      const rnn = new SimpleRNN({ units: 16, activation: 'linear', recurrentDropout: 0.5, seed: 5, returnSequences: true, kernelInitializer: 'zeros', recurrentInitializer: 'identity', biasInitializer: 'ones' });
      const y = rnn.apply(zeros([2, 3, 4]), { training: true });
      const h = (t: number) => Array.from(slice(y, [0, t, 0], [2, 1, 16]).data);
      const m = h(1).map((v) => v - 1); // h_0 = 1
      expect(new Set(m)).toEqual(new Set([0, 2]));
      expect(h(2)).toEqual(h(1).map((v, i) => 1 + m[i] * v));
    });
  });

  it('cannot unroll over an unknown number of steps', () => {
    const sym = new InputLayer({ batchShape: [null, null, 3] }).output;
    expect(() => new LSTM({ units: 2, unroll: true }).apply(sym)).toThrow(ValueError);
    expect(() => new LSTM({ units: 2, unroll: true }).apply(sym)).toThrow(
      /cannot unroll an RNN whose time dimension is undefined, received sequence.shape=\(None, None, 3\)/,
    );
    expect(new LSTM({ units: 2, unroll: true }).apply(x).shape).toEqual([2, 2]);
  });

  it('round-trips every configuration through the registry unchanged', () => {
    const classes = { LSTM, GRU, SimpleRNN };
    fc.assert(
      fc.property(
        fc.constantFrom('LSTM', 'GRU', 'SimpleRNN'),
        fc.record({
          units: fc.integer({ min: 1, max: 16 }),
          returnSequences: fc.boolean(),
          returnState: fc.boolean(),
          goBackwards: fc.boolean(),
          stateful: fc.boolean(),
          zeroOutputForMask: fc.boolean(),
          dropout: fc.double({ min: 0, max: 1, noNaN: true }),
          recurrentDropout: fc.double({ min: 0, max: 1, noNaN: true }),
          activation: fc.constantFrom('tanh', 'relu', 'linear', 'elu'),
          useBias: fc.boolean(),
          resetAfter: fc.boolean(),
          unitForgetBias: fc.boolean(),
        }),
        (name, args) => {
          const layer = new classes[name as keyof typeof classes](args);
          const json = JSON.parse(JSON.stringify(serialize(layer)));
          expect(serialize(deserialize(json))).toEqual(json);
        },
      ),
      { seed: 42, numRuns: 50 },
    );
  });

  it.each([
    [{ cell: {} }, /RNN: cell must have a call\(input, states, training\) method, received cell=\{\}/],
    [{ cell: { call: () => null, stateSize: 0 } }, /RNN: cell.stateSize must be a positive integer or an array of them, received stateSize=0/],
    [{ cell: new LSTMCell({ units: 2 }), returnSequences: 'yes' }, /RNN: returnSequences must be a boolean, received returnSequences='yes'/],
  ])('rejects %p', (args, message) => {
    expect(() => new RNN(args as never)).toThrow(ValueError);
    expect(() => new RNN(args as never)).toThrow(message);
  });

  it('rejects a sequence that is not rank 3 for the built-in layers', () => {
    expect(() => new LSTM({ units: 2 }).apply(zeros([2, 3]))).toThrow(ShapeError);
    expect(() => new LSTM({ units: 2 }).apply(zeros([2, 3, 4, 5]))).toThrow(/expected ndim=3, found ndim=4/);
  });
});
