import { ShapeError, ValueError, randomUniform, tensor } from '@strata/tensor';
import { checkGradients } from '@strata/tensor/testing';
import { checkLayerContract } from '../testing/check-layer-contract';
import { Conv1D } from './conv1d';

// x = 1, 2, 3, 4 over steps; kernel taps [2, 1]; bias 0.5.
function fixed(extra: Record<string, unknown> = {}, shape = [1, 4, 1]): Conv1D {
  const layer = new Conv1D({ filters: 1, kernelSize: 2, ...extra });
  layer.maybeBuild(shape);
  layer.setWeights([tensor([[[2]], [[1]]]), tensor([0.5])]);
  return layer;
}
const X = tensor([[[1], [2], [3], [4]]]);

describe('Conv1D', () => {
  it('passes the layer contract (valid, causal, channels_first, no bias)', () => {
    checkLayerContract(() => new Conv1D({ filters: 3, kernelSize: 2 }), { inputShape: [2, 5, 4], weights: 2, trainableWeights: 2, wrongRankShape: [5, 4] });
    checkLayerContract(() => new Conv1D({ filters: 2, kernelSize: 3, padding: 'causal', dilationRate: 2 }), { inputShape: [2, 6, 3], weights: 2 });
    checkLayerContract(() => new Conv1D({ filters: 4, kernelSize: 2, groups: 2, dataFormat: 'channels_first' }), { inputShape: [2, 4, 5], weights: 2, wrongRankShape: [4, 5] });
    checkLayerContract(() => new Conv1D({ filters: 2, kernelSize: 1, useBias: false, strides: 2, padding: 'same' }), { inputShape: [1, 5, 2], weights: 1 });
  });

  it('computes 2·x[t] + x[t + 1] + 0.5 (valid) and 2·x[t - 1] + x[t] + 0.5 (causal)', () => {
    expect(fixed().apply(X).toArray()).toEqual([[[4.5], [7.5], [10.5]]]);
    expect(fixed({ padding: 'causal' }).apply(X).toArray()).toEqual([[[1.5], [4.5], [7.5], [10.5]]]);
    // 'same' pads the smaller half first: none before, one after.
    expect(fixed({ padding: 'same' }).apply(X).toArray()).toEqual([[[4.5], [7.5], [10.5], [8.5]]]);
    expect(fixed({ strides: 2 }).apply(X).toArray()).toEqual([[[4.5], [10.5]]]);
  });

  it('reads and writes channels_first as (batch, channels, steps)', () => {
    const layer = fixed({ dataFormat: 'channels_first' }, [1, 1, 4]);
    expect(layer.apply(tensor([[[1, 2, 3, 4]]])).toArray()).toEqual([[[4.5, 7.5, 10.5]]]);
    expect(layer.computeOutputShape([null, 1, 4])).toEqual([null, 1, 3]);
  });

  it('convolves each channel group with its own filters', () => {
    const layer = new Conv1D({ filters: 2, kernelSize: 1, groups: 2, useBias: false });
    layer.maybeBuild([1, 2, 2]);
    expect(layer.kernel.shape).toEqual([1, 1, 2]);
    layer.setWeights([tensor([[[3, 5]]])]);
    expect(layer.apply(tensor([[[1, 10], [2, 20]]])).toArray()).toEqual([[[3, 50], [6, 100]]]);
  });

  it('creates kernel (kernelSize, channels / groups, filters) and bias (filters)', () => {
    const layer = new Conv1D({ filters: 6, kernelSize: 3, groups: 3 });
    layer.apply(randomUniform([2, 5, 9], { seed: 1 }));
    expect(layer.weights.map((w) => [w.name, w.shape])).toEqual([['kernel', [3, 3, 6]], ['bias', [6]]]);
    expect(layer.countParams()).toBe(3 * 3 * 6 + 6);
  });

  it('has gradients that agree with finite differences (input, kernel, bias)', () => {
    const layer = new Conv1D({ filters: 2, kernelSize: 2, padding: 'causal', dilationRate: 2, activation: 'tanh' });
    const x = randomUniform([1, 4, 2], { seed: 3, minval: -1, maxval: 1 });
    layer.maybeBuild(x.shape);
    checkGradients((k, b, xx) => {
      layer.kernel.swapValue(k);
      layer.bias!.swapValue(b);
      return layer.apply(xx);
    }, [randomUniform([2, 2, 2], { seed: 4, minval: -1, maxval: 1 }), randomUniform([2], { seed: 5 }), x]);
  });

  it('rejects filters that are not positive integers', () => {
    expect(() => new Conv1D({ filters: 0, kernelSize: 2 })).toThrow(ValueError);
    expect(() => new Conv1D({ filters: 0, kernelSize: 2 })).toThrow('Conv1D: filters must be a positive integer, received filters=0');
    expect(() => new Conv1D({ filters: 2.5, kernelSize: 2 })).toThrow(/received filters=2.5/);
  });

  it('rejects groups that are not positive or do not divide filters', () => {
    expect(() => new Conv1D({ filters: 4, kernelSize: 2, groups: 0 })).toThrow(ValueError);
    expect(() => new Conv1D({ filters: 4, kernelSize: 2, groups: 0 })).toThrow('Conv1D: groups must be a positive integer, received groups=0');
    expect(() => new Conv1D({ filters: 4, kernelSize: 2, groups: 3 })).toThrow(ValueError);
    expect(() => new Conv1D({ filters: 4, kernelSize: 2, groups: 3 })).toThrow('Conv1D: filters must be divisible by groups, received filters=4 and groups=3');
  });

  it('rejects strides > 1 together with dilationRate > 1', () => {
    expect(() => new Conv1D({ filters: 1, kernelSize: 2, strides: 2, dilationRate: 2 })).toThrow(ValueError);
    expect(() => new Conv1D({ filters: 1, kernelSize: 2, strides: 2, dilationRate: 2 })).toThrow(
      'Conv1D: strides > 1 is not supported together with dilationRate > 1, received strides=[2] and dilationRate=[2]',
    );
  });

  it('rejects input channels that groups do not divide', () => {
    const layer = new Conv1D({ filters: 4, kernelSize: 2, groups: 2, name: 'c' });
    expect(() => layer.apply(randomUniform([1, 4, 3], { seed: 1 }))).toThrow(ShapeError);
    expect(() => layer.apply(randomUniform([1, 4, 3], { seed: 1 }))).toThrow(
      "Conv1D 'c': the input channels must be divisible by groups (groups=2), received input shape (1, 4, 3)",
    );
  });

  it('rejects a sequence shorter than the dilated kernel with valid padding', () => {
    const layer = new Conv1D({ filters: 1, kernelSize: 3, dilationRate: 2, name: 'short' });
    expect(() => layer.apply(randomUniform([1, 4, 1], { seed: 1 }))).toThrow(ShapeError);
    expect(() => layer.apply(randomUniform([1, 4, 1], { seed: 1 }))).toThrow(/Conv1D 'short': computed output size would be zero or negative, received input shape \(1, 4, 1\)/);
    expect(new Conv1D({ filters: 1, kernelSize: 3, dilationRate: 2, padding: 'causal' }).apply(randomUniform([1, 4, 1], { seed: 1 })).shape).toEqual([1, 4, 1]);
  });
});
