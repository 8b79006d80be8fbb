import fc from 'fast-check';
import { Tensor, ValueError, grad, sum, tensor } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import { celu, elu, leakyRelu, relu, relu6, selu, threshold } from './rectifiers';

const x5 = tensor([-10, -5, 0, 5, 10]);
// Away from every kink by more than the finite-difference step.
const smooth = tensor([-7.3, -2.3, -0.7, 0.4, 1.6, 5.5, 7.2]);

describe('relu', () => {
  test("Keras's docstring examples", () => {
    expect(relu(x5).toArray()).toEqual([0, 0, 0, 5, 10]);
    expect(relu(x5, { negativeSlope: 0.5 }).toArray()).toEqual([-5, -2.5, 0, 5, 10]);
    expect(relu(x5, { maxValue: 5 }).toArray()).toEqual([0, 0, 0, 5, 5]);
    expect(relu(x5, { threshold: 5 }).toArray()).toEqual([0, 0, 0, 0, 10]);
  });

  test('all options at once: threshold, clip, then the slope below the threshold', () => {
    // p = [0, 0, 0, 2, 6]; minus 0.1 * max(1 - x, 0) = [0.4, 0.2, 0.05, 0, 0].
    const y = relu(tensor([-3, -1, 0.5, 2, 7]), { negativeSlope: 0.1, maxValue: 6, threshold: 1 });
    expectClose(y, [-0.4, -0.2, -0.05, 2, 6]);
  });

  test('a negative threshold lets values between it and 0 through', () => {
    expectClose(relu(tensor([-2, -0.5, 3]), { threshold: -1 }), [0, -0.5, 3]);
  });

  test('default options take the plain path and give the same result', () => {
    const y = relu(smooth, { negativeSlope: 0, maxValue: null, threshold: 0 });
    expect(Array.from(y.data)).toEqual(Array.from(relu(smooth).data));
  });

  test('gradient 0 at 0 (as jax.nn.relu) and 1/2 at maxValue (a clip at its bound)', () => {
    expect(Array.from(grad((v) => sum(relu(v)))(tensor([-1, 0, 1])).data)).toEqual([0, 0, 1]);
    expect(Array.from(grad((v) => sum(relu(v, { maxValue: 5 })))(tensor([4, 5, 6])).data)).toEqual([1, 0.5, 0]);
  });

  test('integer input is computed in float32', () => {
    const y = relu(tensor([-2, 3], undefined, 'int32'));
    expect(y.dtype).toBe('float32');
    expect(y.toArray()).toEqual([0, 3]);
  });

  test('relu is idempotent', () => {
    fc.assert(
      fc.property(fc.array(fc.float({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 20 }), (vs) => {
        const y = relu(tensor(vs));
        expect(Array.from(relu(y).data)).toEqual(Array.from(y.data));
      }),
      { seed: 42, numRuns: 50 },
    );
  });

  test.each([
    [{}],
    [{ negativeSlope: 0.1 }],
    [{ maxValue: 5 }],
    [{ threshold: 1 }],
    [{ negativeSlope: 0.3, maxValue: 6, threshold: 2 }],
    [{ negativeSlope: 0.5, maxValue: 6 }],
  ])('gradients match finite differences with %j', (options) => {
    checkGradients((v) => relu(v, options), [smooth]);
  });

  test.each([
    [5, /relu: options must be an object, received options=5/],
    [{ negativeSlop: 1 }, /relu: unknown option, expected one of negativeSlope, maxValue, threshold, received negativeSlop=1/],
    [{ negative_slope: 1 }, /received negative_slope=1/],
    [{ negativeSlope: '0.1' }, /relu: negativeSlope must be a finite number, received negativeSlope='0.1'/],
    [{ negativeSlope: NaN }, /received negativeSlope=NaN/],
    [{ maxValue: 'big' }, /relu: maxValue must be a finite number, received maxValue='big'/],
    [{ threshold: Infinity }, /relu: threshold must be a finite number, received threshold=Infinity/],
  ])('rejects options %j', (options, message) => {
    const call = () => relu(x5, options as never);
    expect(call).toThrow(ValueError);
    expect(call).toThrow(message);
  });
});

describe('leakyRelu', () => {
  test('default slope 0.2, zero passes through', () => {
    expectClose(leakyRelu(tensor([-10, 0, 5])), [-2, 0, 5]);
    expectClose(leakyRelu(tensor([-10, 0, 5]), { negativeSlope: 0.01 }), [-0.1, 0, 5]);
  });

  test('gradient is 1 at 0 (x >= 0 branch, as jax.nn.leaky_relu)', () => {
    expectClose(grad((v) => sum(leakyRelu(v)))(tensor([-1, 0, 1])), [0.2, 1, 1]);
  });

  test('gradients match finite differences', () => {
    checkGradients((v) => leakyRelu(v, { negativeSlope: 0.3 }), [smooth]);
  });

  test('rejects a non-number slope', () => {
    const call = () => leakyRelu(x5, { negativeSlope: null as never });
    expect(call).toThrow(ValueError);
    expect(call).toThrow(/leakyRelu: negativeSlope must be a finite number, received negativeSlope=null/);
  });
});

describe('relu6', () => {
  test('clips to [0, 6]', () => {
    expectClose(relu6(tensor([-1, 3, 6, 8])), [0, 3, 6, 6]);
  });

  test('gradient is 0 at both ends', () => {
    expectClose(grad((v) => sum(relu6(v)))(tensor([0, 3, 6])), [0, 1, 0]);
  });

  test('gradients match finite differences', () => {
    checkGradients((v) => relu6(v), [smooth]);
  });
});

describe('elu, selu, celu', () => {
  test('elu: x above 0, alpha * (exp(x) - 1) below', () => {
    expectClose(elu(tensor([-1, 0, 2])), [Math.expm1(-1), 0, 2]);
    expectClose(elu(tensor([-1, 2]), { alpha: 0.5 }), [0.5 * Math.expm1(-1), 2]);
    expectClose(elu(tensor([-1e4])), [-1]);
  });

  test('selu uses the constants of Klambauer et al.', () => {
    const scale = 1.0507009873554805;
    const alpha = 1.6732632423543772;
    expectClose(selu(tensor([-1, 0, 1])), [scale * alpha * Math.expm1(-1), 0, scale]);
  });

  test('celu: alpha * (exp(x / alpha) - 1) below 0', () => {
    expectClose(celu(tensor([-1, 0, 2]), { alpha: 2 }), [2 * Math.expm1(-0.5), 0, 2]);
  });

  test.each([
    ['elu', (v: Tensor) => elu(v, { alpha: 0.7 })],
    ['selu', (v: Tensor) => selu(v)],
    ['celu', (v: Tensor) => celu(v, { alpha: 2 })],
  ])('%s gradients match finite differences', (_name, f) => {
    checkGradients(f, [smooth]);
  });

  test.each([
    ['elu', () => elu(x5, { alpha: 'one' as never }), /elu: alpha must be a finite number, received alpha='one'/],
    ['celu', () => celu(x5, { beta: 1 } as never), /celu: unknown option, expected one of alpha, received beta=1/],
  ])('%s rejects bad options', (_name, call, message) => {
    expect(call).toThrow(ValueError);
    expect(call).toThrow(message);
  });
});

describe('threshold', () => {
  test('x above the threshold, defaultValue at or below it', () => {
    expectClose(threshold(tensor([-1, 0.5, 2]), { threshold: 0.5, defaultValue: -1 }), [-1, -1, 2]);
  });

  test('gradients match finite differences', () => {
    checkGradients((v) => threshold(v, { threshold: 0.1, defaultValue: 3 }), [smooth]);
  });

  test.each([
    [undefined, /threshold: options \{ threshold, defaultValue \} are required, received options=undefined/],
    [{ threshold: 1 }, /threshold: defaultValue must be a finite number, received defaultValue=undefined/],
    [{ defaultValue: 1 }, /threshold: threshold must be a finite number, received threshold=undefined/],
  ])('rejects options %j', (options, message) => {
    const call = () => threshold(x5, options as never);
    expect(call).toThrow(ValueError);
    expect(call).toThrow(message);
  });
});
