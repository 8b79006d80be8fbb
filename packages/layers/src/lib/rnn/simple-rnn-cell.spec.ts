import { relu } from '@strata/activations';
import { Tensor, ValueError, ones, randomUniform, tensor, zeros } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import { Layer } from '../engine/layer';
import { checkLayerContract } from '../testing/check-layer-contract';
import { SimpleRNNCell } from './simple-rnn-cell';

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

describe('SimpleRNNCell', () => {
  it('computes h = tanh(x·W + h·U + b) by hand', () => {
    const cell = new SimpleRNNCell({ units: 1 });
    cell.maybeBuild([1, 1]);
    cell.setWeights([tensor([[2]]), tensor([[0.5]]), tensor([0.1])]);
    const [y1, [h1]] = cell.call(tensor([[1]]), [zeros([1, 1])]);
    expectClose(h1, [0.9704519366134539]); // tanh(2.1)
    expect(y1).toBe(h1);
    expectClose(cell.call(tensor([[0.5]]), [h1])[0], [0.9194141286660413]); // tanh(1 + 0.5 * h1 + 0.1)
  });

  it('passes the layer contract', () => {
    checkLayerContract(() => new SimpleRNNCell({ units: 3 }), { inputShape: [[2, 4], [2, 3]], weights: 3 });
  });

  it('runs any activation: relu fused, a plain function op by op, with the same result', () => {
    const fused = new SimpleRNNCell({ units: 2, activation: 'relu' });
    const ops = new SimpleRNNCell({ units: 2, activation: (x: Tensor) => relu(x) });
    fused.maybeBuild([2, 3]);
    ops.maybeBuild([2, 3]);
    ops.setWeights(fused.getWeights());
    const x = randomUniform([2, 3], { minval: -1, maxval: 1, seed: 9 });
    const h = randomUniform([2, 2], { seed: 8 });
    expectClose(fused.call(x, [h])[0], ops.call(x, [h])[0], 1e-6, 1e-7);
  });

  it('has correct gradients for input, state and weights', () => {
    const cell = new SimpleRNNCell({ units: 2, biasInitializer: 'ones' });
    cell.maybeBuild([2, 3]);
    const f = withWeights(cell, 2, (x, h) => cell.call(x, cell.call(x, [h])[1])[0]);
    checkGradients(f, [randomUniform([2, 3], { minval: -1, maxval: 1, seed: 1 }), randomUniform([2, 2], { seed: 2 }), ...cell.getWeights()]);
  });

  it('applies its dropout masks whenever it has them in training, even at rate 1 (as Keras)', () => {
    const cell = new SimpleRNNCell({ units: 2, dropout: 1, kernelInitializer: 'ones', recurrentInitializer: 'zeros' });
    cell.maybeBuild([1, 3]);
    expect(Array.from(cell.call(ones([1, 3]), [zeros([1, 2])], true)[0].data)).toEqual([0, 0]);
    cell.resetDropoutMask();
    expect(Array.from(cell.call(ones([1, 3]), [zeros([1, 2])], false)[0].data).map((v) => +v.toFixed(5))).toEqual([0.99505, 0.99505]);
  });

  it('writes the Keras config and reads it back', () => {
    const cell = new SimpleRNNCell({ units: 3, useBias: false, seed: 4 });
    const config = cell.getConfig();
    expect(config).toMatchObject({ units: 3, activation: 'tanh', use_bias: false, seed: 4, dropout: 0, recurrent_dropout: 0 });
    expect(SimpleRNNCell.fromConfig(config).getConfig()).toEqual(config);
  });

  it.each([
    [{ units: 0 }, /SimpleRNNCell: units must be a positive integer, received units=0/],
    [{ units: 2, dropout: -1 }, /SimpleRNNCell: dropout must be a number between 0 and 1, received dropout=-1/],
  ])('rejects %j', (args, message) => {
    expect(() => new SimpleRNNCell(args as never)).toThrow(ValueError);
    expect(() => new SimpleRNNCell(args as never)).toThrow(message);
  });
});
