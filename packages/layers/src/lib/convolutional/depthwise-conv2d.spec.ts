import { ShapeError, ValueError, ones, randomUniform, tensor, transpose } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import { checkLayerContract } from '../testing/check-layer-contract';
import { DepthwiseConv2D } from './depthwise-conv2d';

describe('DepthwiseConv2D', () => {
  it('passes the layer contract (multiplier, same with strides, dilation, channels_first)', () => {
    checkLayerContract(() => new DepthwiseConv2D({ kernelSize: 3, depthMultiplier: 2 }), { inputShape: [1, 5, 5, 2], weights: 2, trainableWeights: 2, wrongRankShape: [5, 5, 2] });
    checkLayerContract(() => new DepthwiseConv2D({ kernelSize: [2, 3], strides: 2, padding: 'same' }), { inputShape: [1, 5, 6, 3], weights: 2 });
    checkLayerContract(() => new DepthwiseConv2D({ kernelSize: 2, dilationRate: 2, dataFormat: 'channels_first' }), { inputShape: [1, 2, 5, 5], weights: 2 });
  });

  it('sums each channel over its window separately', () => {
    const layer = new DepthwiseConv2D({ kernelSize: 2, depthwiseInitializer: 'ones' });
    const x = tensor([[[[1, 10], [2, 20]], [[3, 30], [4, 40]]]]);
    expect(layer.apply(x).toArray()).toEqual([[[[10, 100]]]]);
    expect(layer.weights.map((w) => [w.name, w.shape])).toEqual([['kernel', [2, 2, 2, 1]], ['bias', [2]]]);
  });

  it('gives the same numbers in channels_first, transposed', () => {
    const last = new DepthwiseConv2D({ kernelSize: 2, depthMultiplier: 2, padding: 'same', biasInitializer: 'ones' });
    const first = new DepthwiseConv2D({ kernelSize: 2, depthMultiplier: 2, padding: 'same', dataFormat: 'channels_first' });
    const x = randomUniform([1, 3, 4, 2], { seed: 3 });
    const y = last.apply(x);
    first.maybeBuild([null, 2, 3, 4]);
    first.setWeights(last.getWeights());
    expectClose(first.apply(transpose(x, [0, 3, 1, 2])), transpose(y, [0, 3, 1, 2]), 1e-6, 1e-6);
  });

  it('has gradients that agree with finite differences (input, kernel, bias)', () => {
    const layer = new DepthwiseConv2D({ kernelSize: 2, strides: 2, padding: 'same', depthMultiplier: 2 });
    const x = randomUniform([1, 3, 3, 2], { seed: 3, minval: -1, maxval: 1 });
    layer.maybeBuild(x.shape);
    checkGradients((k, b, xx) => {
      layer.kernel.swapValue(k);
      layer.bias!.swapValue(b);
      return layer.apply(xx);
    }, [randomUniform([2, 2, 2, 2], { seed: 4, minval: -1, maxval: 1 }), randomUniform([4], { seed: 5 }), x]);
  });

  it('rejects a depthMultiplier that is not an integer', () => {
    expect(() => new DepthwiseConv2D({ kernelSize: 2, depthMultiplier: 1.5 })).toThrow(ValueError);
    expect(() => new DepthwiseConv2D({ kernelSize: 2, depthMultiplier: 1.5 })).toThrow(
      'DepthwiseConv2D: depthMultiplier must be a positive integer, received depthMultiplier=1.5',
    );
  });

  it('rejects an image smaller than the window with valid padding', () => {
    const layer = new DepthwiseConv2D({ kernelSize: 3, name: 'dw' });
    expect(() => layer.apply(ones([1, 2, 5, 1]))).toThrow(ShapeError);
    expect(() => layer.apply(ones([1, 2, 5, 1]))).toThrow(/DepthwiseConv2D 'dw': computed output size would be zero or negative/);
  });
});
