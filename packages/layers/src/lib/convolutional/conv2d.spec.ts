import { MaxNorm } from '@strata/constraints';
import { ShapeError, ValueError, ones, randomUniform, sum, square, tensor, transpose } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import { input } from '../core/input-layer';
import { checkLayerContract } from '../testing/check-layer-contract';
import { Conv2D } from './conv2d';

// A 3×3 image holding 1..9.
const IMAGE = tensor([[[[1], [2], [3]], [[4], [5], [6]], [[7], [8], [9]]]]);

describe('Conv2D', () => {
  it('passes the layer contract (valid, same with strides, dilation, groups, channels_first)', () => {
    checkLayerContract(() => new Conv2D({ filters: 3, kernelSize: 2 }), { inputShape: [2, 4, 5, 3], weights: 2, trainableWeights: 2, wrongRankShape: [4, 5, 3] });
    checkLayerContract(() => new Conv2D({ filters: 2, kernelSize: [3, 2], strides: [2, 1], padding: 'same', activation: 'relu' }), { inputShape: [1, 5, 5, 2], weights: 2 });
    checkLayerContract(() => new Conv2D({ filters: 2, kernelSize: 2, dilationRate: 2 }), { inputShape: [1, 5, 5, 1], weights: 2 });
    checkLayerContract(() => new Conv2D({ filters: 4, kernelSize: 2, groups: 2, dataFormat: 'channels_first' }), { inputShape: [1, 4, 3, 3], weights: 2, wrongRankShape: [4, 3, 3] });
    checkLayerContract(() => new Conv2D({ filters: 1, kernelSize: 1, useBias: false }), { inputShape: [1, 2, 2, 2], weights: 1 });
  });

  it('sums 2×2 windows with a ones kernel, plus the bias', () => {
    const layer = new Conv2D({ filters: 1, kernelSize: 2, kernelInitializer: 'ones', biasInitializer: 'ones' });
    // 1+2+4+5 = 12, 2+3+5+6 = 16, 4+5+7+8 = 24, 5+6+8+9 = 28; bias 1.
    expect(layer.apply(IMAGE).toArray()).toEqual([[[[13], [17]], [[25], [29]]]]);
  });

  it("pads 'same' windows with the smaller half first and strides over them", () => {
    const layer = new Conv2D({ filters: 1, kernelSize: 2, strides: 2, padding: 'same', kernelInitializer: 'ones', useBias: false });
    // Windows start at rows/cols 0 and 2: [1+2+4+5, 3+6], [7+8, 9].
    expect(layer.apply(IMAGE).toArray()).toEqual([[[[12], [9]], [[15], [9]]]]);
  });

  it('skips taps with dilationRate', () => {
    const layer = new Conv2D({ filters: 1, kernelSize: 2, dilationRate: 2, kernelInitializer: 'ones', useBias: false });
    // Taps at the four corners: 1 + 3 + 7 + 9.
    expect(layer.apply(IMAGE).toArray()).toEqual([[[[20]]]]);
  });

  it('gives the same numbers in channels_first, transposed', () => {
    const last = new Conv2D({ filters: 3, kernelSize: 2, padding: 'same' });
    const first = new Conv2D({ filters: 3, kernelSize: 2, padding: 'same', dataFormat: 'channels_first' });
    const x = randomUniform([2, 4, 5, 2], { seed: 8 });
    const y = last.apply(x);
    first.maybeBuild([null, 2, 4, 5]);
    first.setWeights(last.getWeights());
    const yFirst = first.apply(transpose(x, [0, 3, 1, 2]));
    expect(yFirst.shape).toEqual([2, 3, 4, 5]);
    expectClose(yFirst, transpose(y, [0, 3, 1, 2]), 1e-6, 1e-6);
  });

  it('applies the activation to the output in its data format (softmax over the last axis, as Keras)', () => {
    const first = new Conv2D({ filters: 3, kernelSize: 2, padding: 'same', dataFormat: 'channels_first', activation: 'softmax' });
    const y = first.apply(randomUniform([2, 2, 4, 5], { seed: 9 }));
    expectClose(sum(y, 3), ones([2, 3, 4]), 1e-5, 1e-5);
  });

  it('works on symbolic inputs with an unknown batch', () => {
    const x = input({ shape: [28, 28, 3] });
    const y = new Conv2D({ filters: 8, kernelSize: 3, strides: 2 }).apply(x);
    expect(y.shape).toEqual([null, 13, 13, 8]);
  });

  it('reports kernel, bias and activity penalties and puts constraints on the variables', () => {
    const layer = new Conv2D({
      filters: 1, kernelSize: 2, kernelInitializer: 'ones', biasInitializer: 'ones',
      kernelRegularizer: { class_name: 'L2', config: { l2: 0.5 } }, biasRegularizer: 'l1',
      activityRegularizer: { class_name: 'L1', config: { l1: 0.1 } }, kernelConstraint: 'MaxNorm',
    });
    layer.apply(IMAGE);
    const losses = layer.losses.map((t) => t.item());
    // Activity: 0.1 · (13 + 17 + 25 + 29) / batch 1; kernel: 0.5 · 4; bias: 0.01 · 1.
    expect(losses[0]).toBeCloseTo(8.4, 5);
    expect(losses[1]).toBeCloseTo(2, 6);
    expect(losses[2]).toBeCloseTo(0.01, 6);
    expect(layer.kernel.constraint).toBeInstanceOf(MaxNorm);
  });

  it('has gradients that agree with finite differences (input, kernel, bias)', () => {
    const layer = new Conv2D({ filters: 2, kernelSize: 2, strides: 2, padding: 'same', groups: 2, activation: 'tanh', dataFormat: 'channels_first' });
    const x = randomUniform([1, 2, 3, 3], { seed: 3, minval: -1, maxval: 1 });
    layer.maybeBuild(x.shape);
    checkGradients((k, b, xx) => {
      layer.kernel.swapValue(k);
      layer.bias!.swapValue(b);
      return layer.apply(xx);
    }, [randomUniform([2, 2, 1, 2], { seed: 4, minval: -1, maxval: 1 }), randomUniform([2], { seed: 5 }), x]);
    checkGradients((xx) => sum(square(layer.apply(xx))), [x]);
  });

  it('rejects a kernelSize of the wrong length', () => {
    expect(() => new Conv2D({ filters: 1, kernelSize: [3] })).toThrow(ValueError);
    expect(() => new Conv2D({ filters: 1, kernelSize: [3] })).toThrow(
      'Conv2D: kernelSize must be a positive integer or an array of 2 positive integers, received kernelSize=[3]',
    );
  });

  it('rejects strides > 1 on one axis with dilationRate > 1 on another', () => {
    expect(() => new Conv2D({ filters: 1, kernelSize: 2, strides: [1, 2], dilationRate: [2, 1] })).toThrow(ValueError);
    expect(() => new Conv2D({ filters: 1, kernelSize: 2, strides: [1, 2], dilationRate: [2, 1] })).toThrow(
      'Conv2D: strides > 1 is not supported together with dilationRate > 1, received strides=[1, 2] and dilationRate=[2, 1]',
    );
  });

  it('rejects an image smaller than the kernel with valid padding', () => {
    const layer = new Conv2D({ filters: 1, kernelSize: [2, 4], name: 'small' });
    expect(() => layer.apply(IMAGE)).toThrow(ShapeError);
    expect(() => layer.apply(IMAGE)).toThrow(/Conv2D 'small': computed output size would be zero or negative, received input shape \(1, 3, 3, 1\), window \[2, 4\]/);
    expect(() => layer.computeOutputShape([null, 3, 3, 1])).toThrow(ShapeError);
    // Also on a later call of a built layer.
    const built = new Conv2D({ filters: 1, kernelSize: 3, name: 'built' });
    built.apply(randomUniform([1, 4, 4, 1], { seed: 1 }));
    expect(() => built.apply(randomUniform([1, 2, 4, 1], { seed: 1 }))).toThrow(ShapeError);
    expect(() => built.apply(randomUniform([1, 2, 4, 1], { seed: 1 }))).toThrow(/Conv2D 'built': computed output size would be zero or negative/);
    expect(layer.computeOutputShape([null, null, 4, 1])).toEqual([null, null, 1, 1]);
  });

  it('rejects groups that do not divide the input channels', () => {
    const layer = new Conv2D({ filters: 2, kernelSize: 1, groups: 2, dataFormat: 'channels_first', name: 'g' });
    expect(() => layer.apply(randomUniform([1, 3, 2, 2], { seed: 1 }))).toThrow(ShapeError);
    expect(() => layer.apply(randomUniform([1, 3, 2, 2], { seed: 1 }))).toThrow(/Conv2D 'g': the input channels must be divisible by groups \(groups=2\)/);
  });
});
