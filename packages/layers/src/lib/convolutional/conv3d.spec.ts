import { ShapeError, ValueError, arange, randomUniform, reshape } from '@strata/tensor';
import { checkGradients } from '@strata/tensor/testing';
import { checkLayerContract } from '../testing/check-layer-contract';
import { Conv3D } from './conv3d';

describe('Conv3D', () => {
  it('passes the layer contract (valid, same with strides, groups, channels_first)', () => {
    checkLayerContract(() => new Conv3D({ filters: 2, kernelSize: 2 }), { inputShape: [1, 3, 4, 3, 2], weights: 2, trainableWeights: 2, wrongRankShape: [3, 4, 3, 2] });
    checkLayerContract(() => new Conv3D({ filters: 3, kernelSize: [2, 3, 1], strides: 2, padding: 'same' }), { inputShape: [2, 3, 3, 2, 1], weights: 2 });
    checkLayerContract(() => new Conv3D({ filters: 2, kernelSize: 2, groups: 2, dataFormat: 'channels_first', useBias: false }), { inputShape: [1, 4, 2, 3, 3], weights: 1 });
  });

  it('sums 2×2×2 windows with a ones kernel', () => {
    // x[d, h, w] = 4d + 2h + w over a 2×2×2 cube holds 0..7; one window sums to 28, plus bias 1.
    const x = reshape(arange(8), [1, 2, 2, 2, 1]);
    const layer = new Conv3D({ filters: 2, kernelSize: 2, kernelInitializer: 'ones', biasInitializer: 'ones' });
    expect(layer.apply(x).toArray()).toEqual([[[[[29, 29]]]]]);
  });

  it('creates kernel (kd, kh, kw, channels / groups, filters)', () => {
    const layer = new Conv3D({ filters: 6, kernelSize: [1, 2, 3], groups: 3 });
    layer.maybeBuild([null, 4, 4, 4, 3]);
    expect(layer.weights.map((w) => [w.name, w.shape])).toEqual([['kernel', [1, 2, 3, 1, 6]], ['bias', [6]]]);
  });

  it('has gradients that agree with finite differences (input, kernel, bias)', () => {
    const layer = new Conv3D({ filters: 2, kernelSize: 2, padding: 'same', strides: [1, 2, 1], activation: 'sigmoid' });
    const x = randomUniform([1, 2, 3, 2, 1], { seed: 3, minval: -1, maxval: 1 });
    layer.maybeBuild(x.shape);
    checkGradients((k, b, xx) => {
      layer.kernel.swapValue(k);
      layer.bias!.swapValue(b);
      return layer.apply(xx);
    }, [randomUniform([2, 2, 2, 1, 2], { seed: 4, minval: -1, maxval: 1 }), randomUniform([2], { seed: 5 }), x]);
  });

  it('rejects a kernelSize with a zero', () => {
    expect(() => new Conv3D({ filters: 1, kernelSize: [2, 0, 2] })).toThrow(ValueError);
    expect(() => new Conv3D({ filters: 1, kernelSize: [2, 0, 2] })).toThrow(
      'Conv3D: kernelSize must be a positive integer or an array of 3 positive integers, received kernelSize=[2, 0, 2]',
    );
  });

  it('rejects a volume too small for the kernel', () => {
    const layer = new Conv3D({ filters: 1, kernelSize: 3, name: 'vol' });
    expect(() => layer.apply(randomUniform([1, 3, 2, 3, 1], { seed: 1 }))).toThrow(ShapeError);
    expect(() => layer.apply(randomUniform([1, 3, 2, 3, 1], { seed: 1 }))).toThrow(/Conv3D 'vol': computed output size would be zero or negative/);
  });
});
