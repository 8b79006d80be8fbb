import { ShapeError, ValueError, randomUniform, tensor, transpose } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import { checkLayerContract } from '../testing/check-layer-contract';
import { SeparableConv2D } from './separable-conv2d';

describe('SeparableConv2D', () => {
  it('passes the layer contract (valid, same with strides, channels_first)', () => {
    checkLayerContract(() => new SeparableConv2D({ filters: 3, kernelSize: 3 }), { inputShape: [1, 5, 6, 2], weights: 3, trainableWeights: 3, wrongRankShape: [5, 6, 2] });
    checkLayerContract(() => new SeparableConv2D({ filters: 2, kernelSize: 2, strides: 2, padding: 'same', depthMultiplier: 2 }), { inputShape: [1, 5, 5, 2], weights: 3 });
    checkLayerContract(() => new SeparableConv2D({ filters: 2, kernelSize: [3, 2], useBias: false, dataFormat: 'channels_first' }), { inputShape: [1, 2, 4, 5], weights: 2 });
  });

  it('equals a depthwise sum followed by a 1×1 mix', () => {
    const layer = new SeparableConv2D({ filters: 1, kernelSize: 2, depthwiseInitializer: 'ones', useBias: false });
    layer.maybeBuild([1, 2, 2, 2]);
    layer.setWeights([layer.depthwiseKernel.value, tensor([[[[1], [-1]]]])]);
    // Channel sums 10 and 100, mixed as 10 - 100.
    expect(layer.apply(tensor([[[[1, 10], [2, 20]], [[3, 30], [4, 40]]]])).toArray()).toEqual([[[[-90]]]]);
    expect(layer.pointwiseKernel.shape).toEqual([1, 1, 2, 1]);
  });

  it('gives the same numbers in channels_first, transposed', () => {
    const last = new SeparableConv2D({ filters: 3, kernelSize: 2, padding: 'same', biasInitializer: 'ones' });
    const first = new SeparableConv2D({ filters: 3, kernelSize: 2, padding: 'same', dataFormat: 'channels_first' });
    const x = randomUniform([2, 3, 4, 2], { seed: 3 });
    const y = last.apply(x);
    first.maybeBuild([null, 2, 3, 4]);
    first.setWeights(last.getWeights());
    expectClose(first.apply(transpose(x, [0, 3, 1, 2])), transpose(y, [0, 3, 1, 2]), 1e-6, 1e-6);
  });

  it('has gradients that agree with finite differences (input and all three weights)', () => {
    const layer = new SeparableConv2D({ filters: 2, kernelSize: 2, strides: 2, padding: 'same' });
    const x = randomUniform([1, 3, 3, 1], { seed: 3, minval: -1, maxval: 1 });
    layer.maybeBuild(x.shape);
    checkGradients((dk, pk, b, xx) => {
      layer.depthwiseKernel.swapValue(dk);
      layer.pointwiseKernel.swapValue(pk);
      layer.bias!.swapValue(b);
      return layer.apply(xx);
    }, [randomUniform([2, 2, 1, 1], { seed: 4, minval: -1, maxval: 1 }), randomUniform([1, 1, 1, 2], { seed: 6, minval: -1, maxval: 1 }), randomUniform([2], { seed: 5 }), x]);
  });

  it('rejects filters that are not positive integers', () => {
    expect(() => new SeparableConv2D({ filters: 0, kernelSize: 2 })).toThrow(ValueError);
    expect(() => new SeparableConv2D({ filters: 0, kernelSize: 2 })).toThrow('SeparableConv2D: filters must be a positive integer, received filters=0');
  });

  it('rejects an image smaller than the window with valid padding', () => {
    const layer = new SeparableConv2D({ filters: 1, kernelSize: 3, name: 'sep' });
    expect(() => layer.maybeBuild([null, 2, 8, 1])).toThrow(ShapeError);
    expect(() => layer.maybeBuild([null, 2, 8, 1])).toThrow(/SeparableConv2D 'sep': computed output size would be zero or negative/);
  });
});
