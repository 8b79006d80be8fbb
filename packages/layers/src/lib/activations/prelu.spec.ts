import { ShapeError, ValueError, ones, randomUniform, tensor, zeros } from '@strata/tensor';
import { checkGradients } from '@strata/tensor/testing';
import { input } from '../core/input-layer';
import { checkLayerContract } from '../testing/check-layer-contract';
import { PReLU } from './prelu';

describe('PReLU', () => {
  it('passes the layer contract', () => {
    checkLayerContract(() => new PReLU({ alphaInitializer: 'random_uniform' }), { inputShape: [2, 3, 4], weights: 1, trainableWeights: 1, wrongRankShape: [2, 3] });
    checkLayerContract(() => new PReLU({ sharedAxes: [1, 2] }), { inputShape: [2, 2, 2, 3], weights: 1 });
  });

  it('scales negative inputs by the learned alpha', () => {
    const layer = new PReLU();
    layer.maybeBuild([null, 2]);
    layer.setWeights([tensor([0.5, 2])]);
    expect(layer.apply(tensor([[-2, -3], [4, 5]])).toArray()).toEqual([[-1, -6], [4, 5]]);
  });

  it('starts at alpha = 0 (a ReLU) and shares alpha along sharedAxes', () => {
    expect(new PReLU().apply(tensor([[-2, 3]])).toArray()).toEqual([[0, 3]]);
    const shared = new PReLU({ sharedAxes: 1 });
    shared.apply(zeros([2, 5, 3]));
    expect(shared.alpha.shape).toEqual([1, 3]);
    expect(shared.getConfig()).toMatchObject({ shared_axes: [1] });
  });

  it('checks the non-shared axes of later inputs', () => {
    const layer = new PReLU({ sharedAxes: [1] });
    layer.apply(zeros([2, 5, 3]));
    expect(layer.apply(zeros([1, 7, 3])).shape).toEqual([1, 7, 3]);
    expect(() => layer.apply(zeros([1, 7, 4]))).toThrow(ShapeError);
  });

  it('has gradients for the input and for alpha', () => {
    const layer = new PReLU({ alphaInitializer: 'ones' });
    layer.maybeBuild([null, 4]);
    layer.setWeights([tensor([0.1, 0.5, -0.3, 2])]);
    checkGradients((x) => layer.apply(x), [randomUniform([3, 4], { minval: -1, maxval: 1, seed: 6 })]);
  });

  it('writes the Keras config', () => {
    expect(new PReLU({ name: 'p' }).getConfig()).toEqual({
      name: 'p', trainable: true,
      dtype: { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null },
      alpha_initializer: { module: 'keras.initializers', class_name: 'Zeros', config: {}, registered_name: null },
      alpha_regularizer: null, alpha_constraint: null, shared_axes: null,
    });
  });

  it('adds the alpha regularization penalty to losses', () => {
    const layer = new PReLU({ alphaInitializer: 'ones', alphaRegularizer: 'l2' });
    layer.apply(ones([1, 3]));
    expect(layer.losses).toHaveLength(1);
    expect(layer.losses[0].item()).toBeCloseTo(0.03, 6);
  });

  it.each([[[0], '\\[0\\]'], [-1, '-1'], [[1.5], '\\[1\\.5\\]']])('rejects sharedAxes=%p', (axes, shown) => {
    expect(() => new PReLU({ sharedAxes: axes as never })).toThrow(ValueError);
    expect(() => new PReLU({ sharedAxes: axes as never })).toThrow(
      new RegExp(`^PReLU: sharedAxes must be positive integers \\(axis 0 is the batch axis\\), received sharedAxes=${shown}$`),
    );
  });

  it('rejects sharedAxes beyond the input rank, and unknown non-shared sizes', () => {
    expect(() => new PReLU({ sharedAxes: [3], name: 'p' }).apply(zeros([2, 3]))).toThrow(ShapeError);
    expect(() => new PReLU({ sharedAxes: [3], name: 'p' }).apply(zeros([2, 3]))).toThrow(
      "PReLU 'p': sharedAxes must name axes of the input, received sharedAxes=[3] for input shape (2, 3)",
    );
    expect(() => new PReLU({ name: 'p' }).apply(input({ shape: [null, 3] }))).toThrow(
      "PReLU 'p': every non-shared axis after the batch axis must be known, received input shape (None, None, 3)",
    );
    expect(new PReLU({ sharedAxes: 1 }).apply(input({ shape: [null, 3] })).shape).toEqual([null, null, 3]);
  });
});
