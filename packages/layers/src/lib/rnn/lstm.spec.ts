import { ShapeError, Tensor, ValueError, randomUniform, tensor } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import { checkLayerContract } from '../testing/check-layer-contract';
import { LSTM } from './lstm';

describe('LSTM', () => {
  it('passes the layer contract (3 weights) in every output mode', () => {
    for (const mode of [{}, { returnSequences: true }, { returnState: true }, { goBackwards: true, returnSequences: true, returnState: true }]) {
      checkLayerContract(() => new LSTM({ units: 3, ...mode }), { inputShape: [2, 4, 5], weights: 3, trainableWeights: 3, wrongRankShape: [2, 5] });
    }
  });

  it('computes two steps by hand (units 1: only the candidate reads x, recurrent weights 1, forget bias 1)', () => {
    const lstm = new LSTM({ units: 1, returnState: true, returnSequences: true });
    lstm.maybeBuild([1, 2, 1]);
    lstm.setWeights([tensor([[0, 0, 1, 0]]), tensor([[1, 1, 1, 1]]), tensor([0, 1, 0, 0])]);
    const [seq, h, c] = lstm.applyMulti(tensor([[[1], [0.5]]]));
    expectClose(seq, [0.18169974219452625, 0.2984602219199836]);
    expectClose(h, [0.2984602219199836]);
    expectClose(c, [0.6145639179269791]);
  });

  it.each([
    ['forward', {}],
    ['backwards, all outputs', { goBackwards: true, returnSequences: true }],
  ])('has correct gradients through time for the input and the three weights (%s)', (_name, mode) => {
    const lstm = new LSTM({ units: 2, biasInitializer: 'random_uniform', ...mode });
    const x = randomUniform([2, 3, 2], { minval: -1, maxval: 1, seed: 4 });
    lstm.apply(x);
    const vars = lstm.weights;
    const f = (xx: Tensor, ...ws: Tensor[]) => {
      const saved = vars.map((v, i) => v.swapValue(ws[i]));
      try {
        return lstm.apply(xx);
      } finally {
        vars.forEach((v, i) => v.swapValue(saved[i]));
      }
    };
    checkGradients(f, [x, ...lstm.getWeights()]);
  });

  it.each([
    ['implementation 1', {}],
    ['implementation 2: input dropout only', { recurrentDropout: 0 }],
    ['backwards', { goBackwards: true }],
  ])('has correct gradients in training under dropout and recurrent dropout, masks held fixed (%s)', (_name, mode) => {
    const layer = new LSTM({ units: 2, dropout: 0.3, recurrentDropout: 0.4, seed: 7, returnSequences: true, biasInitializer: 'random_uniform', ...mode });
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

  it("writes Keras's LSTM config: the cell's arguments inline, in Keras's order, no cell key", () => {
    const config = new LSTM({ units: 3, name: 'l', activityRegularizer: 'l2', implementation: 1 }).getConfig();
    expect(Object.keys(config)).toEqual([
      'name', 'trainable', 'dtype', 'return_sequences', 'return_state', 'go_backwards', 'stateful', 'unroll', 'zero_output_for_mask',
      'units', 'activation', 'recurrent_activation', 'use_bias', 'kernel_initializer', 'recurrent_initializer', 'bias_initializer',
      'unit_forget_bias', 'kernel_regularizer', 'recurrent_regularizer', 'bias_regularizer', 'activity_regularizer', 'kernel_constraint',
      'recurrent_constraint', 'bias_constraint', 'dropout', 'recurrent_dropout', 'seed',
    ]);
    expect(config['activity_regularizer']).toMatchObject({ class_name: 'L2' });
    expect(LSTM.fromConfig(config).getConfig()).toEqual(config);
  });

  it('names its cell lstm_cell and exposes units and dropout rates', () => {
    const lstm = new LSTM({ units: 3, dropout: 0.1, recurrentDropout: 0.2 });
    expect([lstm.cell.name, lstm.units, lstm.dropout, lstm.recurrentDropout]).toEqual(['lstm_cell', 3, 0.1, 0.2]);
  });

  it.each([
    [{ units: 0 }, ValueError, /LSTM: units must be a positive integer, received units=0/],
    [{ units: 2, dropout: 1.01 }, ValueError, /LSTM: dropout must be a number between 0 and 1, received dropout=1.01/],
    [{ units: 2, recurrentDropout: -0.5 }, ValueError, /LSTM: recurrentDropout must be a number between 0 and 1, received recurrentDropout=-0.5/],
    [{ units: 2, useCudnn: 'yes' }, ValueError, /LSTM: useCudnn must be 'auto', true or false, received useCudnn='yes'/],
  ])('rejects %j', (args, cls, message) => {
    expect(() => new LSTM(args as never)).toThrow(cls);
    expect(() => new LSTM(args as never)).toThrow(message);
  });

  it('rejects an input that is not (batch, time, features)', () => {
    const lstm = new LSTM({ units: 2 });
    expect(() => lstm.apply(tensor([[1, 2]]))).toThrow(ShapeError);
    expect(() => lstm.apply(tensor([[1, 2]]))).toThrow(/Input 0 of layer 'lstm\w*' is incompatible with the layer: expected ndim=3, found ndim=2/);
  });
});
