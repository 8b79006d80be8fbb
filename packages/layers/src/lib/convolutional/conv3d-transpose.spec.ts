import { ValueError, ones, randomUniform } from '@strata/tensor';
import { checkGradients } from '@strata/tensor/testing';
import { checkLayerContract } from '../testing/check-layer-contract';
import { Conv3DTranspose } from './conv3d-transpose';

describe('Conv3DTranspose', () => {
  it('passes the layer contract (valid with strides, same, channels_first)', () => {
    checkLayerContract(() => new Conv3DTranspose({ filters: 2, kernelSize: 2, strides: 2 }), { inputShape: [1, 2, 3, 2, 2], weights: 2, trainableWeights: 2, wrongRankShape: [2, 3, 2, 2] });
    checkLayerContract(() => new Conv3DTranspose({ filters: 2, kernelSize: 3, padding: 'same', dataFormat: 'channels_first', useBias: false }), { inputShape: [1, 2, 2, 3, 2], weights: 1 });
  });

  it('tiles the kernel over the output with strides equal to the kernel size', () => {
    const layer = new Conv3DTranspose({ filters: 1, kernelSize: 2, strides: 2, kernelInitializer: 'ones', biasInitializer: 'ones' });
    const y = layer.apply(ones([1, 2, 1, 1, 3]));
    // Every output cell receives one tap from each of the 3 input channels, plus bias 1.
    expect(y.shape).toEqual([1, 4, 2, 2, 1]);
    expect([...y.data].every((v) => v === 4)).toBe(true);
    expect(layer.kernel.shape).toEqual([2, 2, 2, 1, 3]);
  });

  it('has gradients that agree with finite differences (input, kernel, bias)', () => {
    const layer = new Conv3DTranspose({ filters: 1, kernelSize: 2, strides: [1, 2, 1], padding: 'same' });
    const x = randomUniform([1, 2, 1, 2, 1], { seed: 3, minval: -1, maxval: 1 });
    layer.maybeBuild(x.shape);
    checkGradients((k, b, xx) => {
      layer.kernel.swapValue(k);
      layer.bias!.swapValue(b);
      return layer.apply(xx);
    }, [randomUniform([2, 2, 2, 1, 1], { seed: 4, minval: -1, maxval: 1 }), randomUniform([1], { seed: 5 }), x]);
  });

  it('rejects an outputPadding not below the strides', () => {
    expect(() => new Conv3DTranspose({ filters: 1, kernelSize: 2, outputPadding: [0, 1, 0] })).toThrow(ValueError);
    expect(() => new Conv3DTranspose({ filters: 1, kernelSize: 2, outputPadding: [0, 1, 0] })).toThrow(
      'Conv3DTranspose: outputPadding must be strictly less than strides on every axis, received outputPadding=[0, 1, 0] and strides=[1, 1, 1]',
    );
  });
});
