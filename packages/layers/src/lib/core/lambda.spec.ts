import { Tensor, ValueError, add, mul, reshape, square, sum, tensor, tanh } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { getMask, setMask } from '../engine/masks';
import { Shape } from '../engine/shape';
import { deserialize, serialize } from '../registry';
import { checkLayerContract } from '../testing/check-layer-contract';
import { Lambda } from './lambda';
import { registerLambda } from './lambda-registry';
import { input } from './input-layer';

interface Fixture {
  lambda: { config: Record<string, unknown>; input: number[]; input_shape: number[]; output: number[] };
}

const fx = (JSON.parse(readFileSync(join(__dirname, '__fixtures__/embedding_masking.json'), 'utf8')) as Fixture).lambda;

const double = (x: Tensor) => mul(x, 2);
const scaledSquare = (x: Tensor, { scale = 1 }: { scale?: number } = {}) => mul(square(x), scale);
registerLambda('strata_test>double', double);
registerLambda('my_pkg>scaled_square', scaledSquare);

describe('Lambda', () => {
  it('passes the layer contract with a registered function', () => {
    checkLayerContract(() => new Lambda({ function: double }), { inputShape: [2, 3], weights: 0 });
    checkLayerContract(() => new Lambda({ function: 'my_pkg>scaled_square', arguments: { scale: 3 }, outputShape: [4] }), {
      inputShape: [2, 4], weights: 0,
    });
  });

  it('runs its function on hand-checkable values', () => {
    const layer = new Lambda({ function: (x: Tensor) => mul(x, x) });
    expect(layer.apply(tensor([[1, -2, 3]])).toArray()).toEqual([[1, 4, 9]]);
  });

  it('passes arguments, training and mask to the function', () => {
    const seen: unknown[] = [];
    const layer = new Lambda({
      function: (x: Tensor, opts: Record<string, unknown>) => {
        seen.push(opts);
        return x;
      },
      arguments: { alpha: 0.5 },
    });
    const x = tensor([[1, 2]]);
    const m = tensor([true], undefined, 'bool');
    setMask(x, m);
    layer.apply(x, { training: true });
    expect(seen).toEqual([{ alpha: 0.5, mask: m, training: true }]);
  });

  it('takes and returns lists of tensors', () => {
    const layer = new Lambda({ function: ([a, b]: Tensor[]) => [add(a, b), mul(a, b)] });
    const [s, p] = layer.applyMulti([tensor([1, 2]), tensor([3, 4])]);
    expect(s.toArray()).toEqual([4, 6]);
    expect(p.toArray()).toEqual([3, 8]);
    const shapes = new Lambda({ function: ([a, b]: Tensor[]) => [add(a, b), mul(a, b)] }).applyMulti([input({ shape: [2] }), input({ shape: [2] })]);
    expect(shapes.map((t) => t.shape)).toEqual([[null, 2], [null, 2]]);
  });

  it('matches Keras on a registered function with arguments, and reads and writes its config unchanged', () => {
    const layer = Lambda.fromConfig(fx.config);
    expectClose(layer.apply(tensor(fx.input, fx.input_shape)), tensor(fx.output, fx.input_shape));
    expect(layer.getConfig()).toEqual(fx.config);
    expect(new Lambda({ function: scaledSquare, outputShape: [3], arguments: { scale: 2 }, name: 'lam' }).getConfig()).toEqual(fx.config);
    const json = JSON.parse(JSON.stringify(serialize(layer)));
    expect(deserialize(json).getConfig()).toEqual(fx.config);
    // Keras <= 3.6 wrote the bare name.
    expect(Lambda.fromConfig({ ...fx.config, function: 'scaled_square' }).fn).toBe(scaledSquare);
  });

  it('refuses to serialize an unregistered function, explaining registerLambda', () => {
    const layer = new Lambda({ function: function cube(x: Tensor) { return mul(x, square(x)); }, name: 'lam_cube' });
    expect(() => layer.getConfig()).toThrow(ValueError);
    expect(() => layer.getConfig()).toThrow(
      /Lambda 'lam_cube': cannot serialize its function, an unregistered JavaScript function \(received cube\).*registerLambda\('my_pkg>cube', fn\)/,
    );
    expect(() => serialize(layer)).toThrow(ValueError);
    const shapeFn = new Lambda({ function: double, outputShape: (s: Shape) => s });
    expect(() => shapeFn.getConfig()).toThrow(/cannot serialize its outputShape/);
  });

  it('refuses Python lambdas and unknown names on loading', () => {
    const pythonLambda = { ...fx.config, function: { class_name: '__lambda__', config: { code: 'AAA=', defaults: null, closure: null } } };
    expect(() => Lambda.fromConfig(pythonLambda)).toThrow(ValueError);
    expect(() => Lambda.fromConfig(pythonLambda)).toThrow(/its function is a Python lambda saved as bytecode.*registerLambda\(name, fn\)/);
    expect(() => Lambda.fromConfig({ ...fx.config, function: 'nope' })).toThrow(
      /no function is registered under 'nope' \(for its function\)\. Call registerLambda\('nope', fn\) before loading\./,
    );
    expect(() => new Lambda({ function: 42 as never })).toThrow(/function must be a function, a name given to registerLambda/);
    expect(() => new Lambda({} as never)).toThrow(/Lambda: function is required, received function=undefined/);
  });

  it('uses outputShape without the batch axis, or as a function of the full shape', () => {
    const x = input({ shape: [2, 3] });
    expect(new Lambda({ function: (t: Tensor) => reshape(t, [-1, 6]), outputShape: [6] }).apply(x).shape).toEqual([null, 6]);
    expect(new Lambda({ function: double, outputShape: (s: Shape) => [s[0], 7] }).apply(x).shape).toEqual([null, 7]);
    expect(() => new Lambda({ function: double, outputShape: [2.5] })).toThrow(/outputShape entries must be non-negative integers or null, received outputShape=\[2.5\]/);
  });

  it('infers the output shape by running the function, unknown where it follows the batch', () => {
    const x = input({ shape: [5, 3] });
    expect(new Lambda({ function: (t: Tensor) => sum(t, -1) }).apply(x).shape).toEqual([null, 5]);
    expect(new Lambda({ function: (t: Tensor) => reshape(t, [-1]) }).apply(x).shape).toEqual([null]);
    expect(new Lambda({ function: (t: Tensor) => sum(t) }).apply(x).shape).toEqual([]);
    const broken = new Lambda({ function: () => { throw new Error('boom'); }, name: 'lam_broken' });
    expect(() => broken.apply(x)).toThrow(ValueError);
    expect(() => broken.apply(x)).toThrow(/Lambda 'lam_broken': could not infer the output shape .*\(boom\)\. Pass outputShape\./);
  });

  it('computes its mask with the mask function, or returns the constant mask', () => {
    const keepPositive = (inputs: Tensor) => tensor(Array.from(inputs.data, (v) => v > 0), [inputs.size], 'bool');
    registerLambda('strata_test>keep_positive', keepPositive);
    const layer = new Lambda({ function: double, mask: keepPositive });
    expect(getMask(layer.apply(tensor([1, -1])))!.toArray()).toEqual([true, false]);
    expect(getMask(new Lambda({ function: double }).apply(tensor([1, -1])))).toBeNull();
    const constant = new Lambda({ function: double, mask: tensor([false, true], undefined, 'bool') });
    expect(getMask(constant.apply(tensor([1, 2])))!.toArray()).toEqual([false, true]);
    // The constant mask and tensor arguments serialize as Keras's __tensor__ objects.
    const config = constant.getConfig();
    expect(config['mask']).toEqual({ class_name: '__tensor__', config: { value: [false, true], dtype: 'bool' } });
    expect(getMask(Lambda.fromConfig(JSON.parse(JSON.stringify(config))).apply(tensor([1, 2])))!.toArray()).toEqual([false, true]);
    expect(Lambda.fromConfig(layer.getConfig()).mask).toBe(keepPositive);
  });

  it('passes gradients through the function', () => {
    checkGradients((x) => new Lambda({ function: (t: Tensor) => tanh(mul(t, t)) }).apply(x), [tensor([[0.3, -0.7], [1.1, 0.2]])]);
  });

  it('rejects bad registrations', () => {
    expect(() => registerLambda('', double)).toThrow(/registerLambda: name must be a non-empty string, received name=''/);
    expect(() => registerLambda('x', 3 as never)).toThrow(/registerLambda: fn must be a function, received fn=3/);
  });

  it('round-trips outputShape and plain arguments through its config (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 9 })), { maxLength: 4 }),
        fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), fc.oneof(fc.integer(), fc.boolean(), fc.string())),
        (outputShape, args) => {
          const config = new Lambda({ function: double, outputShape, arguments: args }).getConfig();
          expect(Lambda.fromConfig(JSON.parse(JSON.stringify(config))).getConfig()).toEqual(config);
        },
      ),
      { seed: 42, numRuns: 50 },
    );
  });
});
