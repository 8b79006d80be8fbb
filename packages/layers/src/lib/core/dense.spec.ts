import { MaxNorm } from '@strata/constraints';
import { ShapeError, Tensor, ValueError, grad, matmul, randomUniform, reshape, sum, mul, tensor, variableGrads } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { getMask, setMask } from '../engine/masks';
import { deserialize, serialize } from '../registry';
import { checkLayerContract } from '../testing/check-layer-contract';
import { Dense } from './dense';
import { input } from './input-layer';

interface Fixture {
  keras_version: string;
  kernel: number[];
  bias: number[];
  input: number[];
  input_shape: number[];
  outputs: { activation: string | null; output: number[] }[];
  rank3: { input: number[]; input_shape: number[]; output: number[] };
  p: number[];
  gradients: { activation: string | null; kernel: number[]; bias: number[]; input: number[] }[];
  seed_config: Record<string, unknown>;
  regularized: { config: Record<string, unknown>; losses: number[] };
}

const fx = JSON.parse(readFileSync(join(__dirname, '__fixtures__/dense.json'), 'utf8')) as Fixture;
const KERNEL = tensor(fx.kernel, [4, 3]);
const BIAS = tensor(fx.bias, [3]);
const X = tensor(fx.input, fx.input_shape);
const P = tensor(fx.p, [2, 3]);

function fixedDense(activation: string | null, extra: Record<string, unknown> = {}): Dense {
  const layer = new Dense({ units: 3, activation, ...extra });
  layer.maybeBuild([null, 4]);
  layer.setWeights([KERNEL, BIAS]);
  return layer;
}

describe('Dense', () => {
  it('passes the layer contract (rank 2 and rank 3 inputs, with and without bias)', () => {
    checkLayerContract(() => new Dense({ units: 3 }), { inputShape: [2, 4], weights: 2, trainableWeights: 2, wrongRankShape: [4] });
    checkLayerContract(() => new Dense({ units: 5, activation: 'tanh' }), { inputShape: [2, 3, 4], weights: 2, wrongRankShape: [4] });
    checkLayerContract(() => new Dense({ units: 2, useBias: false }), { inputShape: [3, 4], weights: 1 });
  });

  it('computes activation(x @ kernel + bias) on hand-checkable values', () => {
    const layer = new Dense({ units: 2, activation: 'relu' });
    layer.maybeBuild([null, 3]);
    layer.setWeights([tensor([[1, 2], [3, 4], [5, 6]]), tensor([0.5, -1])]);
    // Row 1: [1 - 5, 2 - 6] + b = [-3.5, -5] -> relu 0; row 2: [2 + 3, 4 + 4] + b = [5.5, 7].
    expect(layer.apply(tensor([[1, 0, -1], [2, 1, 0]])).toArray()).toEqual([[0, 0], [5.5, 7]]);
    // Rank 3: the same rows, multiplied along the last axis.
    const y3 = layer.apply(tensor([[[1, 0, -1]], [[2, 1, 0]]]));
    expect(y3.shape).toEqual([2, 1, 2]);
    expect(y3.toArray()).toEqual([[[0, 0]], [[5.5, 7]]]);
  });

  it('creates kernel (inputDim, units) and bias (units) in Keras order, counted by countParams', () => {
    const layer = new Dense({ units: 32, inputShape: [16] });
    expect(() => layer.countParams()).toThrow(ValueError);
    layer.apply(randomUniform([2, 16], { seed: 1 }));
    expect(layer.weights.map((w) => [w.name, w.shape])).toEqual([['kernel', [16, 32]], ['bias', [32]]]);
    expect(layer.countParams()).toBe(16 * 32 + 32);
    expect(layer.bias!.value.toArray()).toEqual(new Array(32).fill(0));
  });

  it('matches Keras outputs for every activation (fixture from Keras ' + fx.keras_version + ')', () => {
    for (const { activation, output } of fx.outputs) {
      expectClose(fixedDense(activation).apply(X), tensor(output, [2, 3]), 1e-5, 1e-6, `activation ${activation}`);
    }
  });

  it('matches Keras on a rank-3 input', () => {
    const y = fixedDense('tanh').apply(tensor(fx.rank3.input, fx.rank3.input_shape));
    expect(y.shape).toEqual([2, 2, 3]);
    expectClose(y, tensor(fx.rank3.output, [2, 2, 3]));
  });

  it('matches the JAX gradients of sum(output * P) with respect to kernel, bias and input', () => {
    for (const g of fx.gradients) {
      const layer = fixedDense(g.activation);
      const { grads } = variableGrads(() => sum(mul(layer.apply(X), P)), [layer.kernel, layer.bias!]);
      expectClose(grads[0], tensor(g.kernel, [4, 3]), 1e-5, 1e-5, `kernel gradient, ${g.activation}`);
      expectClose(grads[1], tensor(g.bias, [3]), 1e-5, 1e-5, `bias gradient, ${g.activation}`);
      const dx = grad((x) => sum(mul(layer.apply(x), P)))(X);
      expectClose(dx, tensor(g.input, [2, 4]), 1e-5, 1e-5, `input gradient, ${g.activation}`);
    }
  });

  it('has gradients that agree with finite differences (input, kernel and bias)', () => {
    const layer = fixedDense('tanh');
    checkGradients((x) => layer.apply(x), [X]);
    // Swapping the variables' values for the probed tensors keeps them on the tape.
    checkGradients(
      (k, b, x) => {
        layer.kernel.swapValue(k);
        layer.bias!.swapValue(b);
        return layer.apply(x);
      },
      [KERNEL, BIAS, tensor(fx.rank3.input, fx.rank3.input_shape)],
    );
  });

  it("writes Keras's config for the seed example, key for key", () => {
    const layer = new Dense({
      units: 32, kernelInitializer: 'he_uniform', kernelConstraint: 'MaxNorm', activation: 'relu', kernelRegularizer: 'l2', name: 'dense',
    });
    expect(layer.getConfig()).toEqual(fx.seed_config);
    expect(Object.keys(layer.getConfig())).toEqual(Object.keys(fx.seed_config));
    expect(Dense.fromConfig(fx.seed_config).getConfig()).toEqual(fx.seed_config);
  });

  it('reads a Keras config with an activity regularizer and writes it back unchanged', () => {
    const config = fx.regularized.config;
    expect(Dense.fromConfig(config).getConfig()).toEqual(config);
    const json = serialize(Dense.fromConfig(config));
    expect(deserialize(JSON.parse(JSON.stringify(json))).getConfig()).toEqual(config);
  });

  it('reports the regularization losses Keras reports (activity, kernel, bias)', () => {
    const layer = fixedDense('relu', { kernelRegularizer: { class_name: 'L2', config: { l2: 0.01 } }, biasRegularizer: { class_name: 'L1', config: { l1: 0.1 } }, activityRegularizer: { class_name: 'L2', config: { l2: 0.05 } } });
    layer.apply(X);
    const losses = layer.losses.map((t) => t.item());
    expect(losses).toHaveLength(3);
    losses.forEach((v, i) => expect(v).toBeCloseTo(fx.regularized.losses[i], 6));
  });

  it('freezes with trainable: false and thaws when trainable is set back to true, as Keras', () => {
    const layer = new Dense({ units: 2, trainable: false });
    layer.apply(randomUniform([1, 3], { seed: 4 }));
    expect(layer.trainableWeights).toHaveLength(0);
    expect(layer.nonTrainableWeights.map((w) => w.name)).toEqual(['kernel', 'bias']);
    layer.trainable = true;
    expect(layer.trainableWeights.map((w) => w.name)).toEqual(['kernel', 'bias']);
    expect(Dense.fromConfig({ ...layer.getConfig(), trainable: false }).trainable).toBe(false);
  });

  it('puts its constraints on the weight variables for the optimizer', () => {
    const layer = new Dense({ units: 4, inputShape: [3], kernelConstraint: 'MaxNorm' });
    layer.apply(randomUniform([2, 3], { seed: 2 }));
    expect(layer.kernel.constraint).toBeInstanceOf(MaxNorm);
    expect((layer.kernel.constraint as MaxNorm).getConfig()).toEqual({ max_value: 2, axis: 0 });
    expect(layer.bias!.constraint).toBeNull();
  });

  it('rejects units that are not positive integers', () => {
    expect(() => new Dense({ units: 0 })).toThrow(ValueError);
    expect(() => new Dense({ units: 0 })).toThrow(/Dense: units must be a positive integer, received units=0/);
    expect(() => new Dense({ units: 1.5 })).toThrow(ValueError);
    expect(() => new Dense({ units: 1.5 })).toThrow(/received units=1\.5/);
  });

  it('rejects an input of rank 1', () => {
    const layer = new Dense({ units: 2, name: 'd_rank' });
    expect(() => layer.apply(tensor([1, 2, 3]))).toThrow(ShapeError);
    expect(() => layer.apply(tensor([1, 2, 3]))).toThrow(
      /Input 0 of layer 'd_rank' is incompatible with the layer: expected min_ndim=2, found ndim=1. Full shape received: \(3,\)/,
    );
  });

  it('rejects a second call whose last axis differs from the first', () => {
    const layer = new Dense({ units: 2, name: 'd_axis' });
    layer.apply(randomUniform([2, 4], { seed: 3 }));
    expect(() => layer.apply(randomUniform([2, 5], { seed: 3 }))).toThrow(ShapeError);
    expect(() => layer.apply(randomUniform([2, 5], { seed: 3 }))).toThrow(
      /Input 0 of layer 'd_axis' is incompatible with the layer: expected axis -1 of input shape to have value 4, but received input with shape \(2, 5\)/,
    );
  });

  it('builds symbolically, with an unknown batch size', () => {
    const x = input({ shape: [5, 4] });
    const y = new Dense({ units: 3 }).apply(x);
    expect(y.shape).toEqual([null, 5, 3]);
    expect(y.dtype).toBe('float32');
  });

  it('passes the input mask through', () => {
    const x = tensor([[[1, 2]], [[3, 4]]]);
    const mask = tensor([[true], [false]], undefined, 'bool');
    setMask(x, mask);
    expect(getMask(new Dense({ units: 3 }).apply(x))).toBe(mask);
  });

  it('multiplies every leading position by the same kernel (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 5 }), (a, b, d) => {
        const layer = new Dense({ units: 3, biasInitializer: 'ones' });
        const x = randomUniform([a, b, d], { seed: a * 100 + b * 10 + d });
        const y = layer.apply(x);
        const flat = layer.apply(reshape(x, [a * b, d]));
        expect(y.shape).toEqual([a, b, 3]);
        expectClose(reshape(y, [a * b, 3]), flat);
        const byHand: Tensor = matmul(reshape(x, [a * b, d]), layer.kernel.value);
        expectClose(flat, tensor(Array.from(byHand.data, (v, i) => v + layer.bias!.value.data[i % 3]), [a * b, 3]));
      }),
      { seed: 42, numRuns: 30 },
    );
  });
});
