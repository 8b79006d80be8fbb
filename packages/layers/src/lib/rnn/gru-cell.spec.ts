import { Tensor, ValueError, randomUniform, tanh, tensor, zeros } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import fc from 'fast-check';
import { Layer } from '../engine/layer';
import { checkLayerContract } from '../testing/check-layer-contract';
import { GRUCell } from './gru-cell';

/** `f` as a function of its `n` inputs followed by the layer's weights, so checkGradients covers the weights too. */
function withWeights(layer: Layer, n: number, f: (...xs: Tensor[]) => Tensor) {
  return (...xs: Tensor[]) => {
    const saved = layer.weights.map((v, i) => v.swapValue(xs[n + i]));
    try {
      return f(...xs.slice(0, n));
    } finally {
      layer.weights.forEach((v, i) => v.swapValue(saved[i]));
    }
  };
}

describe('GRUCell', () => {
  it('computes two reset-after steps by hand: hh = tanh(x_h + r * (h·U_h + b_h))', () => {
    const cell = new GRUCell({ units: 1 });
    cell.maybeBuild([1, 1]);
    cell.setWeights([tensor([[1, 1, 1]]), tensor([[1, 1, 1]]), tensor([[0, 0, 0], [0, 0, 0.5]])]);
    const [y1, [h1]] = cell.call(tensor([[1]]), [zeros([1, 1])]);
    // z = r = sigmoid(1), hh = tanh(1 + r * 0.5), h = (1 - z) * hh
    expectClose(h1, [0.23604163086408017]);
    expect(y1).toBe(h1);
    const [, [h2]] = cell.call(tensor([[0.5]]), [h1]);
    expectClose(h2, [0.4059335984625424]);
  });

  it('computes two reset-before steps by hand: hh = tanh(x_h + (r * h)·U_h)', () => {
    const cell = new GRUCell({ units: 1, resetAfter: false });
    cell.maybeBuild([1, 1]);
    cell.setWeights([tensor([[1, 1, 1]]), tensor([[1, 1, 1]]), tensor([0, 0, 0])]);
    const [, [h1]] = cell.call(tensor([[1]]), [zeros([1, 1])]);
    expectClose(h1, [0.20482421480982513]);
    const [, [h2]] = cell.call(tensor([[0.5]]), [h1]);
    expectClose(h2, [0.32325811321802056]);
  });

  it('lays its weights out as Keras: bias (2, 3u) with resetAfter, (3u) without', () => {
    const after = new GRUCell({ units: 2 });
    after.maybeBuild([1, 4]);
    expect(after.weights.map((w) => w.shape)).toEqual([[4, 6], [2, 6], [2, 6]]);
    const before = new GRUCell({ units: 2, resetAfter: false });
    before.maybeBuild([1, 4]);
    expect(before.weights.map((w) => w.shape)).toEqual([[4, 6], [2, 6], [6]]);
  });

  it('passes the layer contract through applyMulti([x, h])', () => {
    checkLayerContract(() => new GRUCell({ units: 3 }), { inputShape: [[2, 4], [2, 3]], weights: 3 });
    checkLayerContract(() => new GRUCell({ units: 2, resetAfter: false, useBias: false }), { inputShape: [2, 4], weights: 2 });
  });

  it('gives the same numbers on its fused and op-by-op paths', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.boolean(), fc.boolean(), (batch, features, units, resetAfter, useBias) => {
        const fused = new GRUCell({ units, resetAfter, useBias, biasInitializer: 'random_normal' });
        const ops = new GRUCell({ units, resetAfter, useBias, activation: (x: Tensor) => tanh(x) });
        fused.maybeBuild([batch, features]);
        ops.maybeBuild([batch, features]);
        ops.setWeights(fused.getWeights());
        const x = randomUniform([batch, features], { minval: -2, maxval: 2, seed: batch + features });
        const h = randomUniform([batch, units], { minval: -1, maxval: 1, seed: 3 });
        expectClose(fused.call(x, [h])[0], ops.call(x, [h])[0], 1e-5, 1e-6);
      }),
      { seed: 42, numRuns: 30 },
    );
  });

  it.each([
    ['fused, reset after', true, undefined],
    ['fused, reset before', false, undefined],
    ['op-by-op, reset after', true, (x: Tensor) => tanh(x)],
    ['op-by-op, reset before', false, (x: Tensor) => tanh(x)],
  ])('has correct gradients for input, state and weights (%s)', (_name, resetAfter, activation) => {
    const cell = new GRUCell({ units: 2, resetAfter, activation, biasInitializer: 'random_uniform' });
    cell.maybeBuild([2, 3]);
    const f = withWeights(cell, 2, (x, h) => cell.call(x, cell.call(x, [h])[1])[0]);
    const inputs = [randomUniform([2, 3], { minval: -1, maxval: 1, seed: 1 }), randomUniform([2, 2], { seed: 2 })];
    checkGradients(f, [...inputs, ...cell.getWeights()]);
  });

  it('writes the Keras config (GRUCell key order) and reads it back', () => {
    const cell = new GRUCell({ units: 3, resetAfter: false, recurrentActivation: 'hard_sigmoid' });
    const config = cell.getConfig();
    expect(Object.keys(config).slice(3)).toEqual([
      'units', 'activation', 'recurrent_activation', 'use_bias', 'kernel_initializer', 'recurrent_initializer', 'bias_initializer',
      'kernel_regularizer', 'recurrent_regularizer', 'bias_regularizer', 'kernel_constraint', 'recurrent_constraint', 'bias_constraint',
      'dropout', 'recurrent_dropout', 'reset_after', 'seed',
    ]);
    expect(config['recurrent_activation']).toBe('hard_sigmoid');
    expect(GRUCell.fromConfig(config).getConfig()).toEqual(config);
  });

  it.each([
    [{ units: -1 }, /GRUCell: units must be a positive integer, received units=-1/],
    [{ units: 2, dropout: 2 }, /GRUCell: dropout must be a number between 0 and 1, received dropout=2/],
    [{ units: 2, recurrentDropout: '0.1' }, /recurrentDropout must be a number between 0 and 1, received recurrentDropout='0.1'/],
  ])('rejects %j', (args, message) => {
    expect(() => new GRUCell(args as never)).toThrow(ValueError);
    expect(() => new GRUCell(args as never)).toThrow(message);
  });
});
