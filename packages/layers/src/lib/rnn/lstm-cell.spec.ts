import { Tensor, ValueError, randomUniform, tanh, tensor, zeros } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import fc from 'fast-check';
import { Layer } from '../engine/layer';
import { checkLayerContract } from '../testing/check-layer-contract';
import { LSTMCell } from './lstm-cell';

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

// units 1, features 1: only the candidate reads x; every recurrent weight is 1; forget bias 1.
function tinyCell(): LSTMCell {
  const cell = new LSTMCell({ units: 1 });
  cell.maybeBuild([1, 1]);
  cell.setWeights([tensor([[0, 0, 1, 0]]), tensor([[1, 1, 1, 1]]), tensor([0, 1, 0, 0])]);
  return cell;
}

describe('LSTMCell', () => {
  it('computes two steps by hand: c = f*cPrev + i*tanh(z_c), h = o*tanh(c)', () => {
    const cell = tinyCell();
    const [y1, [h1, c1]] = cell.call(tensor([[1]]), [zeros([1, 1]), zeros([1, 1])]);
    // i = o = sigmoid(0) = 0.5, f = sigmoid(1), c = 0.5 * tanh(1), h = 0.5 * tanh(c)
    expectClose(c1, [0.3807970779778824]);
    expectClose(h1, [0.18169974219452625]);
    expect(y1).toBe(h1);
    const [, [h2, c2]] = cell.call(tensor([[0.5]]), [h1, c1]);
    expectClose(c2, [0.6145639179269791]);
    expectClose(h2, [0.2984602219199836]);
  });

  it('lays its weights out as Keras: kernel (in, 4u), recurrent_kernel (u, 4u), bias (4u) with forget block ones', () => {
    const cell = new LSTMCell({ units: 2 });
    cell.maybeBuild([3, 5]);
    expect(cell.weights.map((w) => [w.name, w.shape])).toEqual([
      ['kernel', [5, 8]],
      ['recurrent_kernel', [2, 8]],
      ['bias', [8]],
    ]);
    expect(Array.from(cell.getWeights()[2].data)).toEqual([0, 0, 1, 1, 0, 0, 0, 0]);
    const plain = new LSTMCell({ units: 2, unitForgetBias: false, biasInitializer: 'ones' });
    plain.maybeBuild([3, 5]);
    expect(Array.from(plain.getWeights()[2].data)).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
  });

  it('passes the layer contract through applyMulti([x, h, c])', () => {
    checkLayerContract(() => new LSTMCell({ units: 3 }), { inputShape: [[2, 4], [2, 3], [2, 3]], weights: 3 });
  });

  it('gives the same numbers on its fused and op-by-op paths', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.boolean(), (batch, features, units, useBias) => {
        const fused = new LSTMCell({ units, useBias });
        // Another function object than `tanh`: the cell cannot fuse it and runs Keras's formulas op by op.
        const ops = new LSTMCell({ units, useBias, activation: (x: Tensor) => tanh(x) });
        fused.maybeBuild([batch, features]);
        ops.maybeBuild([batch, features]);
        ops.setWeights(fused.getWeights());
        const x = randomUniform([batch, features], { minval: -2, maxval: 2, seed: batch + features });
        const h = randomUniform([batch, units], { minval: -1, maxval: 1, seed: 3 });
        const c = randomUniform([batch, units], { minval: -1, maxval: 1, seed: 4 });
        const [, [h1, c1]] = fused.call(x, [h, c]);
        const [, [h2, c2]] = ops.call(x, [h, c]);
        expectClose(h1, h2, 1e-5, 1e-6);
        expectClose(c1, c2, 1e-5, 1e-6);
      }),
      { seed: 42, numRuns: 30 },
    );
  });

  it.each([
    ['fused', undefined],
    ['op-by-op', (x: Tensor) => tanh(x)],
  ])('has correct gradients for input, states and weights (%s path)', (_name, activation) => {
    const cell = new LSTMCell({ units: 2, activation });
    cell.maybeBuild([2, 3]);
    const f = withWeights(cell, 3, (x, h, c) => {
      const [, [h1, c1]] = cell.call(x, [h, c]);
      const [, [h2]] = cell.call(x, [h1, c1]);
      return h2;
    });
    const inputs = [randomUniform([2, 3], { minval: -1, maxval: 1, seed: 1 }), randomUniform([2, 2], { seed: 2 }), randomUniform([2, 2], { seed: 5 })];
    checkGradients(f, [...inputs, ...cell.getWeights()]);
  });

  it('uses implementation 1 (a dropout mask per gate) under recurrent dropout, as Keras', () => {
    expect(new LSTMCell({ units: 2 }).implementation).toBe(2);
    expect(new LSTMCell({ units: 2, recurrentDropout: 0.2 }).implementation).toBe(1);
    const cell = new LSTMCell({ units: 2, dropout: 0.5, recurrentDropout: 0.5, seed: 1 });
    cell.maybeBuild([3, 4]);
    expect(cell.getDropoutMask(zeros([3, 4]))).toHaveLength(4);
    expect(cell.getRecurrentDropoutMask(zeros([3, 2]))).toHaveLength(4);
  });

  it('writes the Keras config (LSTMCell key order) and reads it back', () => {
    const cell = new LSTMCell({ units: 3, dropout: 0.25, seed: 5, unitForgetBias: false });
    const config = cell.getConfig();
    expect(Object.keys(config)).toEqual([
      'name', 'trainable', 'dtype', 'units', 'activation', 'recurrent_activation', 'use_bias', 'unit_forget_bias',
      'kernel_initializer', 'recurrent_initializer', 'bias_initializer', 'kernel_regularizer', 'recurrent_regularizer',
      'bias_regularizer', 'kernel_constraint', 'recurrent_constraint', 'bias_constraint', 'dropout', 'recurrent_dropout', 'seed',
    ]);
    expect(LSTMCell.fromConfig(config).getConfig()).toEqual(config);
  });

  it.each([
    [{ units: 0 }, /LSTMCell: units must be a positive integer, received units=0/],
    [{ units: 1.5 }, /units=1.5/],
    [{ units: 2, dropout: 1.5 }, /LSTMCell: dropout must be a number between 0 and 1, received dropout=1.5/],
    [{ units: 2, recurrentDropout: -0.1 }, /recurrentDropout must be a number between 0 and 1, received recurrentDropout=-0.1/],
    [{ units: 2, seed: 0.5 }, /LSTMCell: seed must be an integer or null, received seed=0.5/],
    [{ units: 2, implementation: 3 }, /LSTMCell: implementation must be 1 or 2, received implementation=3/],
  ])('rejects %j', (args, message) => {
    expect(() => new LSTMCell(args as never)).toThrow(ValueError);
    expect(() => new LSTMCell(args as never)).toThrow(message);
  });
});
