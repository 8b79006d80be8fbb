import { ShapeError, Tensor, ValueError, randomUniform, tensor } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import { checkLayerContract } from '../testing/check-layer-contract';
import { GRU } from './gru';

describe('GRU', () => {
  it('passes the layer contract (3 weights), reset after and before', () => {
    for (const mode of [{}, { returnSequences: true, returnState: true }, { resetAfter: false, goBackwards: true }]) {
      checkLayerContract(() => new GRU({ units: 3, ...mode }), { inputShape: [2, 4, 5], weights: 3, wrongRankShape: [2, 4, 5, 1] });
    }
  });

  it('computes two steps by hand', () => {
    const gru = new GRU({ units: 1, returnSequences: true });
    gru.maybeBuild([1, 2, 1]);
    gru.setWeights([tensor([[1, 1, 1]]), tensor([[1, 1, 1]]), tensor([[0, 0, 0], [0, 0, 0.5]])]);
    expectClose(gru.apply(tensor([[[1], [0.5]]])), [0.23604163086408017, 0.4059335984625424]);
    const before = new GRU({ units: 1, resetAfter: false });
    before.maybeBuild([1, 2, 1]);
    before.setWeights([tensor([[1, 1, 1]]), tensor([[1, 1, 1]]), tensor([0, 0, 0])]);
    expectClose(before.apply(tensor([[[1], [0.5]]])), [0.32325811321802056]);
  });

  it.each([
    ['reset after', {}],
    ['reset before, backwards', { resetAfter: false, goBackwards: true, returnSequences: true }],
  ])('has correct gradients through time for the input and the three weights (%s)', (_name, mode) => {
    const gru = new GRU({ units: 2, biasInitializer: 'random_uniform', ...mode });
    const x = randomUniform([2, 3, 2], { minval: -1, maxval: 1, seed: 6 });
    gru.apply(x);
    const vars = gru.weights;
    const f = (xx: Tensor, ...ws: Tensor[]) => {
      const saved = vars.map((v, i) => v.swapValue(ws[i]));
      try {
        return gru.apply(xx);
      } finally {
        vars.forEach((v, i) => v.swapValue(saved[i]));
      }
    };
    checkGradients(f, [x, ...gru.getWeights()]);
  });

  it.each([
    ['reset after', {}],
    ['reset before', { resetAfter: false }],
    ['reset after, input dropout only', { recurrentDropout: 0 }],
  ])('has correct gradients in training under dropout and recurrent dropout, masks held fixed (%s)', (_name, mode) => {
    const layer = new GRU({ units: 2, dropout: 0.3, recurrentDropout: 0.4, seed: 7, returnSequences: true, biasInitializer: 'random_uniform', ...mode });
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

  it("writes Keras's GRU config, reset_after before seed", () => {
    const config = new GRU({ units: 3, resetAfter: false, seed: 9 }).getConfig();
    expect(Object.keys(config).slice(9)).toEqual([
      'units', 'activation', 'recurrent_activation', 'use_bias', 'kernel_initializer', 'recurrent_initializer', 'bias_initializer',
      'kernel_regularizer', 'recurrent_regularizer', 'bias_regularizer', 'activity_regularizer', 'kernel_constraint',
      'recurrent_constraint', 'bias_constraint', 'dropout', 'recurrent_dropout', 'reset_after', 'seed',
    ]);
    expect(GRU.fromConfig(config).getConfig()).toEqual(config);
  });

  it.each([
    [{ units: -2 }, /GRU: units must be a positive integer, received units=-2/],
    [{ units: 2, dropout: 7 }, /GRU: dropout must be a number between 0 and 1, received dropout=7/],
  ])('rejects %j', (args, message) => {
    expect(() => new GRU(args as never)).toThrow(ValueError);
    expect(() => new GRU(args as never)).toThrow(message);
  });

  it('rejects an input that is not (batch, time, features)', () => {
    expect(() => new GRU({ units: 2 }).apply(tensor([1, 2]))).toThrow(ShapeError);
    expect(() => new GRU({ units: 2 }).apply(tensor([1, 2]))).toThrow(/expected ndim=3, found ndim=1/);
  });
});
