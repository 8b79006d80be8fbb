// Compares the convolution and pooling layers with what Keras 3 itself computed and wrote
// (tools/fixtures/layers_conv.py, jax backend).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Tensor, grad, mul, sum, tensor, toOptions, variableGrads } from '@strata/tensor';
import { expectClose } from '@strata/tensor/testing';
import { Layer } from '../engine/layer';
import { setMask } from '../engine/masks';
import { Shape } from '../engine/shape';
import { deserialize, getLayerClass, serialize } from '../registry';
import { Conv2D } from './conv2d';

interface Case {
  layer: string;
  kwargs: Record<string, unknown>;
  input_shape: number[];
  input: number[];
  weight_shapes: number[][];
  weights: number[][];
  output_shape: number[];
  output: number[];
  computed_output_shape: Shape;
  mask?: boolean[][];
}

interface GradientCase {
  kwargs: Record<string, unknown>;
  input_shape: number[];
  input: number[];
  kernel_shape: number[];
  kernel: number[];
  bias: number[];
  p_shape: number[];
  p: number[];
  kernel_grad: number[];
  bias_grad: number[];
  input_grad: number[];
}

const fx = JSON.parse(readFileSync(join(__dirname, '__fixtures__/conv-layers.json'), 'utf8')) as {
  keras_version: string;
  cases: Case[];
  conv2d_gradients: GradientCase[];
  configs: { layer: string; kwargs: Record<string, unknown>; config: Record<string, unknown> }[];
};

function make(name: string, kwargs: Record<string, unknown>): Layer {
  const cls = getLayerClass(name) as unknown as new (args: unknown) => Layer;
  return new cls(toOptions(kwargs));
}

describe('convolution and pooling layers against Keras fixtures', () => {
  it('were written by Keras 3.15.1', () => {
    expect(fx.keras_version).toBe('3.15.1');
  });

  const label = (c: Case) => `${c.layer} ${JSON.stringify(c.kwargs)} on ${JSON.stringify(c.input_shape)}${c.mask ? ' with a mask' : ''}`;
  it.each(fx.cases.map((c) => [label(c), c] as const))('%s computes the Keras output', (_name, c) => {
    const layer = make(c.layer, c.kwargs);
    layer.maybeBuild(c.input_shape);
    expect(layer.weights.map((w) => w.shape)).toEqual(c.weight_shapes);
    layer.setWeights(c.weights.map((w, i) => tensor(w, c.weight_shapes[i])));
    const x = tensor(c.input, c.input_shape);
    const y = c.mask ? layer.apply(x, { mask: tensor(c.mask, undefined, 'bool') }) : layer.apply(x);
    expect(y.shape).toEqual(c.output_shape);
    expectClose(y, c.output, 1e-5, 1e-5);
    expect(layer.computeOutputShape([null, ...c.input_shape.slice(1)])).toEqual(c.computed_output_shape);
  });

  it('GlobalAveragePooling1D reads a mask carried by its input', () => {
    const c = fx.cases.find((k) => k.mask)!;
    const x = tensor(c.input, c.input_shape);
    setMask(x, tensor(c.mask!, undefined, 'bool'));
    expectClose(make(c.layer, c.kwargs).apply(x), c.output, 1e-5, 1e-5);
  });

  it.each(fx.conv2d_gradients.map((g) => [JSON.stringify(g.kwargs), g] as const))(
    'Conv2D %s matches the JAX gradients of sum(output * P) for kernel, bias and input',
    (_name, g) => {
      const layer = new Conv2D(toOptions(g.kwargs) as never);
      layer.maybeBuild(g.input_shape);
      layer.setWeights([tensor(g.kernel, g.kernel_shape), tensor(g.bias, [g.bias.length])]);
      const x = tensor(g.input, g.input_shape);
      const p = tensor(g.p, g.p_shape);
      const loss = (inp: Tensor) => sum(mul(layer.apply(inp), p));
      const { grads } = variableGrads(() => loss(x), [layer.kernel, layer.bias!]);
      expectClose(grads[0], tensor(g.kernel_grad, g.kernel_shape), 1e-4, 1e-4, 'kernel gradient');
      expectClose(grads[1], g.bias_grad, 1e-4, 1e-4, 'bias gradient');
      expectClose(grad(loss)(x), tensor(g.input_grad, g.input_shape), 1e-4, 1e-4, 'input gradient');
    },
  );

  it.each(fx.configs.map((c) => [`${c.layer} ${JSON.stringify(c.kwargs)}`, c] as const))(
    '%s writes the Keras config key for key, and reads it back',
    (_name, c) => {
      const layer = make(c.layer, c.kwargs);
      expect(layer.getConfig()).toEqual(c.config);
      expect(Object.keys(layer.getConfig())).toEqual(Object.keys(c.config));
      const json = { module: 'keras.layers', class_name: c.layer, config: c.config, registered_name: null };
      const again = deserialize(JSON.parse(JSON.stringify(json)));
      expect(again.className).toBe(c.layer);
      expect(again.getConfig()).toEqual(c.config);
      expect(serialize(again)).toEqual(json);
    },
  );
});
