// The README examples run verbatim, so they import the package by its public name.
/* eslint-disable @nx/enforce-module-boundaries */
// The README's examples, verbatim between the markers below, run as they are; the tests check
// that the README still holds exactly this code and that the results its comments claim hold.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Tensor as CheckTensor } from '@strata/tensor';
import { SymbolicTensor as CheckSymbolic, getLayerClass } from '@strata/layers';

// README example 1 start
import { randomUniform } from '@strata/tensor';
import { Dense, deserialize, input, serialize } from '@strata/layers';

const dense = new Dense({ units: 32, inputShape: [16], kernelInitializer: 'he_uniform', kernelConstraint: 'MaxNorm', activation: 'relu' });
const y = dense.apply(randomUniform([4, 16], { seed: 1 })); // eager: a Tensor of shape [4, 32], all entries >= 0
const weightShapes = dense.getWeights().map((w) => w.shape); // [[16, 32], [32]]: kernel, then bias
const symbolic = dense.apply(input({ shape: [16] }));        // graph: a SymbolicTensor of shape [null, 32]

const json = serialize(dense);            // Keras 3 layer JSON: { module: 'keras.layers', class_name: 'Dense', config, build_config }
const copy = deserialize(json) as Dense;  // built from build_config, fresh weights
copy.setWeights(dense.getWeights());      // now computes the same outputs
// README example 1 end

// README example 2 start
import { Tensor, Variable, mul } from '@strata/tensor';
import { Layer, LayerArgs, Shape, registerSerializable } from '@strata/layers';
import { checkLayerContract } from '@strata/layers/testing';

interface ScaleArgs extends LayerArgs {
  init?: number;
}

/** Multiplies each feature by a learned scale: `y = x * scale`. */
class Scale extends Layer {
  static override readonly className: string = 'Scale';
  readonly init: number;
  scale!: Variable;

  constructor(args: ScaleArgs = {}) {
    super(args);
    this.init = args.init ?? 1;
  }

  override build(inputShape: Shape): void {
    const features = inputShape[inputShape.length - 1] as number;
    this.scale = this.addWeight({ name: 'scale', shape: [features], initializer: { class_name: 'Constant', config: { value: this.init } } });
  }

  override call(x: Tensor): Tensor {
    return mul(x, this.scale.value);
  }

  override computeOutputShape(inputShape: Shape): Shape {
    return inputShape;
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), init: this.init };
  }
}

const registeredName = registerSerializable(Scale, { package: 'my-pkg' }); // 'my-pkg>Scale'

// In the plugin's tests: build, shapes, symbolic call, config and JSON round trips, weights, wrong rank.
checkLayerContract(() => new Scale({ init: 2 }), { inputShape: [2, 3], weights: 1, trainableWeights: 1 });
// README example 2 end

function readmeBlocks(): string[] {
  const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
  return [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1].trim());
}

function specBlock(n: number): string {
  const source = readFileSync(__filename, 'utf8');
  const start = `// README example ${n} start\n`;
  const from = source.indexOf(start) + start.length;
  return source.slice(from, source.indexOf(`// README example ${n} end`)).trim();
}

describe('README', () => {
  it('holds exactly the code this test runs', () => {
    expect(readmeBlocks()).toEqual([specBlock(1), specBlock(2)]);
  });

  it('example 1: the seed Dense computes, serializes and copies as its comments say', () => {
    expect(y).toBeInstanceOf(CheckTensor);
    expect(y.shape).toEqual([4, 32]);
    expect(Math.min(...y.data)).toBeGreaterThanOrEqual(0);
    expect(weightShapes).toEqual([[16, 32], [32]]);
    expect(symbolic).toBeInstanceOf(CheckSymbolic);
    expect(symbolic.shape).toEqual([null, 32]);
    expect(json.module).toBe('keras.layers');
    expect(json.class_name).toBe('Dense');
    expect(json.build_config).toEqual({ input_shape: [4, 16] });
    expect(copy).toBeInstanceOf(Dense);
    expect(copy.getConfig()).toEqual(dense.getConfig());
    const x = randomUniform([3, 16], { seed: 2 });
    expect(Array.from(copy.apply(x).data)).toEqual(Array.from(dense.apply(x).data));
  });

  it('example 2: the plugin layer registers under its package and passed the contract', () => {
    expect(registeredName).toBe('my-pkg>Scale');
    expect(getLayerClass('my-pkg>Scale')).toBe(Scale);
    const restored = deserialize(serialize(new Scale({ init: 3, name: 'scale_a' })));
    expect(restored).toBeInstanceOf(Scale);
    expect(restored.apply(randomUniform([1, 2], { seed: 1 })).shape).toEqual([1, 2]);
    expect((restored as Scale).scale.value.toArray()).toEqual([3, 3]);
  });
});
