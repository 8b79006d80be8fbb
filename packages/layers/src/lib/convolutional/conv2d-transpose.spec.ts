import { ValueError, randomUniform, tensor, transpose } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import { input } from '../core/input-layer';
import { checkLayerContract } from '../testing/check-layer-contract';
import { Conv2DTranspose } from './conv2d-transpose';

describe('Conv2DTranspose', () => {
  it('passes the layer contract (valid, same with outputPadding, channels_first)', () => {
    checkLayerContract(() => new Conv2DTranspose({ filters: 3, kernelSize: [3, 2], strides: 2 }), { inputShape: [1, 3, 4, 2], weights: 2, trainableWeights: 2, wrongRankShape: [3, 4, 2] });
    checkLayerContract(() => new Conv2DTranspose({ filters: 2, kernelSize: 3, strides: 2, padding: 'same', outputPadding: 1 }), { inputShape: [1, 3, 3, 2], weights: 2 });
    checkLayerContract(() => new Conv2DTranspose({ filters: 2, kernelSize: 2, dataFormat: 'channels_first', dilationRate: 2 }), { inputShape: [1, 2, 3, 4], weights: 2 });
  });

  it('upsamples a single pixel into a copy of the kernel, scaled', () => {
    const layer = new Conv2DTranspose({ filters: 1, kernelSize: 2, useBias: false });
    layer.maybeBuild([1, 1, 1, 1]);
    layer.setWeights([tensor([[[[1]], [[2]]], [[[3]], [[4]]]])]);
    expect(layer.apply(tensor([[[[3]]]])).toArray()).toEqual([[[[3], [6]], [[9], [12]]]]);
  });

  it('doubles the size with strides 2 and same padding, symbolically too', () => {
    const y = new Conv2DTranspose({ filters: 8, kernelSize: 3, strides: 2, padding: 'same' }).apply(input({ shape: [7, 7, 16] }));
    expect(y.shape).toEqual([null, 14, 14, 8]);
    const v = new Conv2DTranspose({ filters: 8, kernelSize: 3, strides: 2 }).apply(input({ shape: [7, null, 16] }));
    expect(v.shape).toEqual([null, 15, null, 8]);
  });

  it('gives the same numbers in channels_first, transposed', () => {
    const last = new Conv2DTranspose({ filters: 2, kernelSize: [2, 3], strides: [2, 1] });
    const first = new Conv2DTranspose({ filters: 2, kernelSize: [2, 3], strides: [2, 1], dataFormat: 'channels_first' });
    const x = randomUniform([2, 3, 2, 3], { seed: 7 });
    const y = last.apply(x);
    first.maybeBuild([null, 3, 3, 2]);
    first.setWeights(last.getWeights());
    expectClose(first.apply(transpose(x, [0, 3, 1, 2])), transpose(y, [0, 3, 1, 2]), 1e-6, 1e-6);
  });

  it('has gradients that agree with finite differences (input, kernel, bias)', () => {
    const layer = new Conv2DTranspose({ filters: 2, kernelSize: 2, strides: 2, outputPadding: 1, activation: 'tanh' });
    const x = randomUniform([1, 2, 2, 1], { seed: 3, minval: -1, maxval: 1 });
    layer.maybeBuild(x.shape);
    checkGradients((k, b, xx) => {
      layer.kernel.swapValue(k);
      layer.bias!.swapValue(b);
      return layer.apply(xx);
    }, [randomUniform([2, 2, 2, 1], { seed: 4, minval: -1, maxval: 1 }), randomUniform([2], { seed: 5 }), x]);
  });

  it('rejects an outputPadding of the wrong length or not below the strides', () => {
    expect(() => new Conv2DTranspose({ filters: 1, kernelSize: 2, outputPadding: [1, 1, 1] })).toThrow(ValueError);
    expect(() => new Conv2DTranspose({ filters: 1, kernelSize: 2, outputPadding: [1, 1, 1] })).toThrow(
      'Conv2DTranspose: outputPadding must be a non-negative integer or an array of 2 non-negative integers, received outputPadding=[1, 1, 1]',
    );
    expect(() => new Conv2DTranspose({ filters: 1, kernelSize: 2, strides: [2, 1], outputPadding: 1 })).toThrow(ValueError);
    expect(() => new Conv2DTranspose({ filters: 1, kernelSize: 2, strides: [2, 1], outputPadding: 1 })).toThrow(
      /outputPadding must be strictly less than strides on every axis, received outputPadding=\[1, 1\] and strides=\[2, 1\]/,
    );
  });

  it('rejects filters that are not positive integers', () => {
    expect(() => new Conv2DTranspose({ filters: 0, kernelSize: 2 })).toThrow(ValueError);
    expect(() => new Conv2DTranspose({ filters: 0, kernelSize: 2 })).toThrow('Conv2DTranspose: filters must be a positive integer, received filters=0');
  });
});
