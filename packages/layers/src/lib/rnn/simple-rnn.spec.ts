import { ShapeError, Tensor, ValueError, randomUniform, tensor } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import { checkLayerContract } from '../testing/check-layer-contract';
import { SimpleRNN } from './simple-rnn';

describe('SimpleRNN', () => {
  it('passes the layer contract (3 weights)', () => {
    checkLayerContract(() => new SimpleRNN({ units: 3 }), { inputShape: [2, 4, 5], weights: 3, wrongRankShape: [2, 5] });
    checkLayerContract(() => new SimpleRNN({ units: 2, returnSequences: true, returnState: true, goBackwards: true }), { inputShape: [3, 2, 2], weights: 3 });
  });

  it('computes h_t = tanh(x_t·W + h_(t-1)·U + b) by hand', () => {
    const rnn = new SimpleRNN({ units: 1, returnSequences: true });
    rnn.maybeBuild([1, 2, 1]);
    rnn.setWeights([tensor([[2]]), tensor([[0.5]]), tensor([0.1])]);
    expectClose(rnn.apply(tensor([[[1], [0.5]]])), [0.9704519366134539, 0.9194141286660413]);
  });

  it('has correct gradients through time for the input and the three weights', () => {
    const rnn = new SimpleRNN({ units: 2, returnSequences: true, biasInitializer: 'ones' });
    const x = randomUniform([2, 3, 2], { minval: -1, maxval: 1, seed: 8 });
    rnn.apply(x);
    const vars = rnn.weights;
    const f = (xx: Tensor, ...ws: Tensor[]) => {
      const saved = vars.map((v, i) => v.swapValue(ws[i]));
      try {
        return rnn.apply(xx);
      } finally {
        vars.forEach((v, i) => v.swapValue(saved[i]));
      }
    };
    checkGradients(f, [x, ...rnn.getWeights()]);
  });

  it.each([
    ['forward', {}],
    ['backwards', { goBackwards: true }],
  ])('has correct gradients in training under dropout and recurrent dropout, masks held fixed (%s)', (_name, mode) => {
    const layer = new SimpleRNN({ units: 2, dropout: 0.3, recurrentDropout: 0.4, seed: 7, returnSequences: true, biasInitializer: 'random_uniform', ...mode });
    const x = randomUniform([2, 3, 2], { minval: -1, maxval: 1, seed: 4 });
    // The masks are drawn once per call; keeping them makes every evaluation see the same ones.
    jest.spyOn(layer.cell, 'resetDropoutMask').mockImplementation(() => undefined);
    jest.spyOn(layer.cell, 'resetRecurrentDropoutMask').mockImplementation(() => undefined);
    const dropped = layer.apply(x, { training: true });
    expect(Array.from(dropped.data)).not.toEqual(Array.from(layer.apply(x).data));
    const vars = layer.weights;
    const f = (xx: Tensor, ...ws: Tensor[]) => {
      const saved = vars.map((v, i) => v.swapValue(ws[i]));
      try {
        return layer.apply(xx, { training: true });
      } finally {
        vars.forEach((v, i) => v.swapValue(saved[i]));
      }
    };
    checkGradients(f, [x, ...layer.getWeights()]);
  });

  it("writes Keras's SimpleRNN config, which has no seed", () => {
    const config = new SimpleRNN({ units: 3, seed: 4 }).getConfig();
    expect(Object.keys(config).slice(9)).toEqual([
      'units', 'activation', 'use_bias', 'kernel_initializer', 'recurrent_initializer', 'bias_initializer', 'kernel_regularizer',
      'recurrent_regularizer', 'bias_regularizer', 'activity_regularizer', 'kernel_constraint', 'recurrent_constraint', 'bias_constraint',
      'dropout', 'recurrent_dropout',
    ]);
    expect(SimpleRNN.fromConfig(config).getConfig()).toEqual(config);
  });

  it.each([
    [{ units: 0 }, /SimpleRNN: units must be a positive integer, received units=0/],
    [{ units: 2, recurrentDropout: 3 }, /SimpleRNN: recurrentDropout must be a number between 0 and 1, received recurrentDropout=3/],
  ])('rejects %j', (args, message) => {
    expect(() => new SimpleRNN(args as never)).toThrow(ValueError);
    expect(() => new SimpleRNN(args as never)).toThrow(message);
  });

  it('rejects an input that is not (batch, time, features)', () => {
    expect(() => new SimpleRNN({ units: 2 }).apply(tensor([[1]]))).toThrow(ShapeError);
    expect(() => new SimpleRNN({ units: 2 }).apply(tensor([[1]]))).toThrow(/expected ndim=3, found ndim=2/);
  });
});
