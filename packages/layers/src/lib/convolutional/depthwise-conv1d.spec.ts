import { ValueError, randomUniform, tensor } from '@strata/tensor';
import { checkGradients } from '@strata/tensor/testing';
import { checkLayerContract } from '../testing/check-layer-contract';
import { DepthwiseConv1D } from './depthwise-conv1d';

describe('DepthwiseConv1D', () => {
  it('passes the layer contract (multiplier, same with strides, channels_first)', () => {
    checkLayerContract(() => new DepthwiseConv1D({ kernelSize: 3, depthMultiplier: 2 }), { inputShape: [2, 6, 3], weights: 2, trainableWeights: 2, wrongRankShape: [6, 3] });
    checkLayerContract(() => new DepthwiseConv1D({ kernelSize: 2, strides: 2, padding: 'same' }), { inputShape: [2, 7, 3], weights: 2 });
    checkLayerContract(() => new DepthwiseConv1D({ kernelSize: 3, dataFormat: 'channels_first', useBias: false }), { inputShape: [1, 2, 5], weights: 1, wrongRankShape: [2, 5] });
  });

  it('convolves every channel with its own window', () => {
    const layer = new DepthwiseConv1D({ kernelSize: 2 });
    layer.maybeBuild([1, 2, 2]);
    layer.setWeights([tensor([[[1], [1]], [[1], [-1]]]), tensor([0.5, 1])]);
    // Channel 0: 1·1 + 2·1; channel 1: 10·1 + 20·(-1).
    expect(layer.apply(tensor([[[1, 10], [2, 20]]])).toArray()).toEqual([[[3.5, -9]]]);
  });

  it('orders the outputs channel-major: output c·M + m is channel c through window m', () => {
    const layer = new DepthwiseConv1D({ kernelSize: 1, depthMultiplier: 2, useBias: false });
    layer.maybeBuild([1, 1, 2]);
    expect(layer.weights.map((w) => [w.name, w.shape])).toEqual([['kernel', [1, 2, 2]]]);
    layer.setWeights([tensor([[[1, 2], [3, 4]]])]);
    expect(layer.apply(tensor([[[1, 10]]])).toArray()).toEqual([[[1, 2, 30, 40]]]);
    expect(layer.computeOutputShape([null, 5, 2])).toEqual([null, 5, 4]);
  });

  it('accepts strides > 1 together with dilationRate > 1, as Keras does for depthwise convolutions', () => {
    const layer = new DepthwiseConv1D({ kernelSize: 2, strides: 2, dilationRate: 2 });
    expect(layer.apply(randomUniform([1, 9, 2], { seed: 1 })).shape).toEqual([1, 4, 2]);
  });

  it('has gradients that agree with finite differences (input, kernel, bias)', () => {
    const layer = new DepthwiseConv1D({ kernelSize: 2, depthMultiplier: 2, padding: 'same', activation: 'tanh' });
    const x = randomUniform([1, 3, 2], { seed: 3, minval: -1, maxval: 1 });
    layer.maybeBuild(x.shape);
    checkGradients((k, b, xx) => {
      layer.kernel.swapValue(k);
      layer.bias!.swapValue(b);
      return layer.apply(xx);
    }, [randomUniform([2, 2, 2], { seed: 4, minval: -1, maxval: 1 }), randomUniform([4], { seed: 5 }), x]);
  });

  it('rejects a depthMultiplier that is not a positive integer', () => {
    expect(() => new DepthwiseConv1D({ kernelSize: 2, depthMultiplier: 0 })).toThrow(ValueError);
    expect(() => new DepthwiseConv1D({ kernelSize: 2, depthMultiplier: 0 })).toThrow(
      'DepthwiseConv1D: depthMultiplier must be a positive integer, received depthMultiplier=0',
    );
  });
});
