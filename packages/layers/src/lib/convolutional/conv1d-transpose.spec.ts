import { ValueError, randomUniform, tensor } from '@strata/tensor';
import { checkGradients } from '@strata/tensor/testing';
import fc from 'fast-check';
import { checkLayerContract } from '../testing/check-layer-contract';
import { deconvOutputLength } from './base-conv-transpose';
import { Conv1DTranspose } from './conv1d-transpose';

// x = 1, 2; kernel taps [1, 10] from one channel to one filter; bias 0.5.
function fixed(extra: Record<string, unknown> = {}): Conv1DTranspose {
  const layer = new Conv1DTranspose({ filters: 1, kernelSize: 2, ...extra });
  layer.maybeBuild([1, 2, 1]);
  layer.setWeights([tensor([[[1]], [[10]]]), tensor([0.5])]);
  return layer;
}
const X = tensor([[[1], [2]]]);

describe('Conv1DTranspose', () => {
  it('passes the layer contract (valid, same, outputPadding, channels_first)', () => {
    checkLayerContract(() => new Conv1DTranspose({ filters: 2, kernelSize: 3 }), { inputShape: [2, 4, 3], weights: 2, trainableWeights: 2, wrongRankShape: [4, 3] });
    checkLayerContract(() => new Conv1DTranspose({ filters: 2, kernelSize: 3, strides: 2, padding: 'same' }), { inputShape: [2, 4, 3], weights: 2 });
    checkLayerContract(() => new Conv1DTranspose({ filters: 1, kernelSize: 4, strides: 3, outputPadding: 2 }), { inputShape: [1, 3, 2], weights: 2 });
    checkLayerContract(() => new Conv1DTranspose({ filters: 3, kernelSize: 2, dataFormat: 'channels_first', useBias: false }), { inputShape: [1, 2, 5], weights: 1, wrongRankShape: [2, 5] });
  });

  it('scatters each step through the kernel: overlapping with stride 1, side by side with stride 2', () => {
    // Stride 1: [1·1, 1·10 + 2·1, 2·10] + 0.5.
    expect(fixed().apply(X).toArray()).toEqual([[[1.5], [12.5], [20.5]]]);
    expect(fixed({ strides: 2 }).apply(X).toArray()).toEqual([[[1.5], [10.5], [2.5], [20.5]]]);
    // 'same' with stride 2 keeps in·s steps.
    expect(fixed({ strides: 2, padding: 'same' }).apply(X).shape).toEqual([1, 4, 1]);
    // outputPadding 1 adds one step at the end.
    expect(fixed({ strides: 2, outputPadding: 1 }).apply(X).toArray()).toEqual([[[1.5], [10.5], [2.5], [20.5], [0.5]]]);
  });

  it('creates kernel (kernelSize, filters, channels), the transpose of Conv1D\'s layout', () => {
    const layer = new Conv1DTranspose({ filters: 5, kernelSize: 3 });
    layer.maybeBuild([null, 4, 2]);
    expect(layer.weights.map((w) => [w.name, w.shape])).toEqual([['kernel', [3, 5, 2]], ['bias', [5]]]);
  });

  it("follows Keras's output length rule for every geometry (computeOutputShape equals the output shape)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }), fc.constantFrom<'valid' | 'same'>('valid', 'same'),
        fc.integer({ min: 1, max: 4 }), fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
        (k, s, padding, len, op) => {
          const outputPadding = op === undefined ? undefined : Math.min(op, s - 1);
          const layer = new Conv1DTranspose({ filters: 1, kernelSize: k, strides: s, padding, outputPadding });
          const y = layer.apply(randomUniform([1, len, 1], { seed: 2 }));
          expect(layer.computeOutputShape([null, len, 1])).toEqual([null, y.shape[1], 1]);
          expect(y.shape[1]).toBe(deconvOutputLength(len, k, s, 1, padding, outputPadding ?? null));
        },
      ),
      { seed: 42, numRuns: 50 },
    );
    expect(deconvOutputLength(null, 3, 2, 1, 'same', null)).toBeNull();
  });

  it('has gradients that agree with finite differences (input, kernel, bias)', () => {
    const layer = new Conv1DTranspose({ filters: 2, kernelSize: 3, strides: 2, padding: 'same', activation: 'tanh' });
    const x = randomUniform([1, 3, 2], { seed: 3, minval: -1, maxval: 1 });
    layer.maybeBuild(x.shape);
    checkGradients((k, b, xx) => {
      layer.kernel.swapValue(k);
      layer.bias!.swapValue(b);
      return layer.apply(xx);
    }, [randomUniform([3, 2, 2], { seed: 4, minval: -1, maxval: 1 }), randomUniform([2], { seed: 5 }), x]);
  });

  it('rejects filters that are not positive integers', () => {
    expect(() => new Conv1DTranspose({ filters: -1, kernelSize: 2 })).toThrow(ValueError);
    expect(() => new Conv1DTranspose({ filters: -1, kernelSize: 2 })).toThrow('Conv1DTranspose: filters must be a positive integer, received filters=-1');
  });

  it('rejects an outputPadding that is negative or not below the strides', () => {
    expect(() => new Conv1DTranspose({ filters: 1, kernelSize: 2, strides: 2, outputPadding: 2 })).toThrow(ValueError);
    expect(() => new Conv1DTranspose({ filters: 1, kernelSize: 2, strides: 2, outputPadding: 2 })).toThrow(
      'Conv1DTranspose: outputPadding must be strictly less than strides on every axis, received outputPadding=[2] and strides=[2]',
    );
    expect(() => new Conv1DTranspose({ filters: 1, kernelSize: 2, outputPadding: -1 })).toThrow(ValueError);
    expect(() => new Conv1DTranspose({ filters: 1, kernelSize: 2, outputPadding: -1 })).toThrow(
      'Conv1DTranspose: outputPadding must be a non-negative integer or an array of 1 non-negative integers, received outputPadding=-1',
    );
  });

  it('rejects strides > 1 together with dilationRate > 1', () => {
    expect(() => new Conv1DTranspose({ filters: 1, kernelSize: 2, strides: 2, dilationRate: 2 })).toThrow(ValueError);
    expect(() => new Conv1DTranspose({ filters: 1, kernelSize: 2, strides: 2, dilationRate: 2 })).toThrow(
      /Conv1DTranspose: strides > 1 is not supported together with dilationRate > 1/,
    );
  });
});
