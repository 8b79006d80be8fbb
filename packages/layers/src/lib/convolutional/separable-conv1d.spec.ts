import { ValueError, randomUniform, tensor } from '@strata/tensor';
import { checkGradients } from '@strata/tensor/testing';
import { checkLayerContract } from '../testing/check-layer-contract';
import { SeparableConv1D } from './separable-conv1d';

describe('SeparableConv1D', () => {
  it('passes the layer contract (multiplier, same with strides, dilation, channels_first)', () => {
    checkLayerContract(() => new SeparableConv1D({ filters: 4, kernelSize: 3, depthMultiplier: 2 }), { inputShape: [2, 6, 3], weights: 3, trainableWeights: 3, wrongRankShape: [6, 3] });
    checkLayerContract(() => new SeparableConv1D({ filters: 2, kernelSize: 2, strides: 2, padding: 'same' }), { inputShape: [2, 7, 3], weights: 3 });
    checkLayerContract(() => new SeparableConv1D({ filters: 3, kernelSize: 2, dilationRate: 2, dataFormat: 'channels_first', useBias: false }), { inputShape: [1, 2, 6], weights: 2 });
  });

  it('runs the depthwise window, then mixes channels pointwise', () => {
    const layer = new SeparableConv1D({ filters: 2, kernelSize: 2 });
    layer.maybeBuild([1, 2, 2]);
    expect(layer.weights.map((w) => [w.name, w.shape])).toEqual([['depthwise_kernel', [2, 2, 1]], ['pointwise_kernel', [1, 2, 2]], ['bias', [2]]]);
    layer.setWeights([tensor([[[1], [1]], [[1], [-1]]]), tensor([[[1, 0], [1, 2]]]), tensor([0.5, 0.5])]);
    // Depthwise: [3, -10]; pointwise: [3 - 10, -20]; bias 0.5.
    expect(layer.apply(tensor([[[1, 10], [2, 20]]])).toArray()).toEqual([[[-6.5, -19.5]]]);
  });

  it('has gradients that agree with finite differences (input and all three weights)', () => {
    const layer = new SeparableConv1D({ filters: 2, kernelSize: 2, depthMultiplier: 2, padding: 'same', activation: 'tanh' });
    const x = randomUniform([1, 3, 2], { seed: 3, minval: -1, maxval: 1 });
    layer.maybeBuild(x.shape);
    checkGradients((dk, pk, b, xx) => {
      layer.depthwiseKernel.swapValue(dk);
      layer.pointwiseKernel.swapValue(pk);
      layer.bias!.swapValue(b);
      return layer.apply(xx);
    }, [randomUniform([2, 2, 2], { seed: 4, minval: -1, maxval: 1 }), randomUniform([1, 4, 2], { seed: 6, minval: -1, maxval: 1 }), randomUniform([2], { seed: 5 }), x]);
  });

  it('rejects filters and depthMultiplier that are not positive integers', () => {
    expect(() => new SeparableConv1D({ filters: 0, kernelSize: 2 })).toThrow(ValueError);
    expect(() => new SeparableConv1D({ filters: 0, kernelSize: 2 })).toThrow('SeparableConv1D: filters must be a positive integer, received filters=0');
    expect(() => new SeparableConv1D({ filters: 1, kernelSize: 2, depthMultiplier: -2 })).toThrow(ValueError);
    expect(() => new SeparableConv1D({ filters: 1, kernelSize: 2, depthMultiplier: -2 })).toThrow(
      'SeparableConv1D: depthMultiplier must be a positive integer, received depthMultiplier=-2',
    );
  });
});
