import { ShapeError, Tensor, ValueError, add, concat, div, flip, mul, randomUniform, tensor } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import { Dense } from '../core/dense';
import { getMask } from '../engine/masks';
import { checkLayerContract } from '../testing/check-layer-contract';
import { Bidirectional, MergeMode } from './bidirectional';
import { GRU } from './gru';
import { LSTM } from './lstm';
import { SimpleRNN } from './simple-rnn';

const x = randomUniform([2, 4, 3], { minval: -1, maxval: 1, seed: 21 });

/** The two directions run by hand with the wrapper's weights. */
function directions(bi: Bidirectional, units: number, returnSequences: boolean): [Tensor, Tensor] {
  const fwd = new LSTM({ units, returnSequences });
  const bwd = new LSTM({ units, returnSequences, goBackwards: true });
  fwd.apply(x);
  bwd.apply(x);
  const ws = bi.getWeights();
  fwd.setWeights(ws.slice(0, 3));
  bwd.setWeights(ws.slice(3));
  return [fwd.apply(x), bwd.apply(x)];
}

describe('Bidirectional', () => {
  it('passes the layer contract (6 weights)', () => {
    checkLayerContract(() => new Bidirectional({ layer: new LSTM({ units: 3 }) }), { inputShape: [2, 4, 3], weights: 6, wrongRankShape: [2, 3] });
    checkLayerContract(() => new Bidirectional({ layer: new GRU({ units: 2, returnSequences: true, returnState: true }), mergeMode: null }), {
      inputShape: [2, 4, 3], weights: 6,
    });
  });

  it.each([
    ['concat', (a: Tensor, b: Tensor) => concat([a, b], -1)],
    ['sum', add],
    ['mul', mul],
    ['ave', (a: Tensor, b: Tensor) => div(add(a, b), 2)],
  ] as const)('merges with %s, the backward outputs flipped back into time order', (mode, merge) => {
    const bi = new Bidirectional({ layer: new LSTM({ units: 2, returnSequences: true }), mergeMode: mode as MergeMode });
    const y = bi.apply(x);
    const [f, b] = directions(bi, 2, true);
    expectClose(y, merge(f, flip(b, 1)), 1e-6, 1e-7);
  });

  it('returns both outputs with mergeMode null, then the forward and backward states with returnState', () => {
    const bi = new Bidirectional({ layer: new LSTM({ units: 2, returnState: true }), mergeMode: null });
    const outs = bi.applyMulti(x);
    expect(outs.map((o) => o.shape)).toEqual([[2, 2], [2, 2], [2, 2], [2, 2], [2, 2], [2, 2]]);
    const [f, b] = directions(bi, 2, false);
    expectClose(outs[0], f, 1e-6, 1e-7);
    expectClose(outs[1], b, 1e-6, 1e-7);
    expect(bi.computeOutputShape([null, 4, 3])).toEqual([[null, 2], [null, 2], [null, 2], [null, 2], [null, 2], [null, 2]]);
  });

  it('keeps weights in Keras order: forward kernel, recurrent kernel, bias, then backward', () => {
    const bi = new Bidirectional({ layer: new LSTM({ units: 2, name: 'enc' }) });
    bi.apply(x);
    expect(bi.weights).toEqual([...bi.forwardLayer.weights, ...bi.backwardLayer.weights]);
    expect([bi.forwardLayer.name, bi.backwardLayer.name]).toEqual(['forward_enc', 'backward_enc']);
    expect(bi.backwardLayer.goBackwards).toBe(true);
  });

  it('splits initialState: the forward states, then the backward ones', () => {
    const bi = new Bidirectional({ layer: new SimpleRNN({ units: 2 }), mergeMode: null });
    const h0 = randomUniform([2, 2], { seed: 1 });
    const h1 = randomUniform([2, 2], { seed: 2 });
    const [f, b] = bi.applyMulti(x, { initialState: [h0, h1] });
    expectClose(f, bi.forwardLayer.apply(x, { initialState: [h0] }), 1e-6, 1e-7);
    expectClose(b, bi.backwardLayer.apply(x, { initialState: [h1] }), 1e-6, 1e-7);
  });

  it('passes the mask through with returnSequences and makes both directions output zeros at masked steps', () => {
    const bi = new Bidirectional({ layer: new GRU({ units: 2, returnSequences: true }) });
    expect((bi.forwardLayer as GRU).zeroOutputForMask).toBe(true);
    const mask = tensor([[1, 1, 0, 0], [1, 1, 1, 1]], [2, 4], 'bool');
    const y = bi.apply(x, { mask });
    expect(getMask(y)).toBe(mask);
    expect(Array.from(y.data.slice(8, 16))).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('has gradients through both directions', () => {
    const bi = new Bidirectional({ layer: new SimpleRNN({ units: 2, returnSequences: true }), mergeMode: 'mul' });
    checkGradients((xx) => bi.apply(xx), [x]);
  });

  it('uses a given backward layer as is', () => {
    const backward = new GRU({ units: 2, goBackwards: true, activation: 'relu' });
    const bi = new Bidirectional({ layer: new GRU({ units: 2 }), backwardLayer: backward });
    expect(bi.backwardLayer).toBe(backward);
    expect(bi.apply(x).shape).toEqual([2, 4]);
  });

  it.each([
    [{ layer: new LSTM({ units: 2 }), mergeMode: 'max' }, /Bidirectional: mergeMode must be one of 'concat', 'sum', 'mul', 'ave' or null, received mergeMode='max'/],
    [{ layer: new Dense({ units: 2 }) }, /Bidirectional: layer must be a recurrent layer \(an RNN such as LSTM, GRU or SimpleRNN\), received layer=Dense 'dense\w*'/],
    [{ layer: 'lstm' }, /received layer='lstm'/],
    [{ layer: new LSTM({ units: 2 }), backwardLayer: new LSTM({ units: 2 }) }, /different goBackwards values, received forward goBackwards=false and backward goBackwards=false/],
    [{ layer: new LSTM({ units: 2 }), backwardLayer: new LSTM({ units: 2, goBackwards: true, returnSequences: true }) }, /the same returnSequences, received false \(forward\) and true \(backward\)/],
  ])('rejects bad arguments (%#)', (args, message) => {
    expect(() => new Bidirectional(args as never)).toThrow(ValueError);
    expect(() => new Bidirectional(args as never)).toThrow(message);
  });

  it('rejects a sequence that is not rank 3 and resetStates on a stateless layer', () => {
    const bi = new Bidirectional({ layer: new LSTM({ units: 2 }) });
    expect(() => bi.apply(tensor([[1, 2, 3]]))).toThrow(ShapeError);
    expect(() => bi.apply(tensor([[1, 2, 3]]))).toThrow(/expected ndim=3, found ndim=2/);
    expect(() => bi.resetStates()).toThrow(/resetStates needs a stateful layer, received stateful=false/);
  });
});
