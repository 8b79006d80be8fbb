import { ShapeError, Tensor, ValueError, ones, randomNormal, randomUniform, tensor, zeros } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import { checkLayerContract } from '../testing/check-layer-contract';
import { AlphaDropout } from './alpha-dropout';

const ALPHA_P = -1.6732632423543772 * 1.0507009873554805;

function meanStd(t: Tensor): [number, number] {
  const v = Array.from(t.data);
  const m = v.reduce((a, b) => a + b, 0) / v.length;
  return [m, Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / v.length)];
}

describe('AlphaDropout', () => {
  it('passes the layer contract, in inference and in training', () => {
    checkLayerContract(() => new AlphaDropout({ rate: 0.3 }), { inputShape: [2, 3], weights: 0 });
    checkLayerContract(() => new AlphaDropout({ rate: 0.3, seed: 1, noiseShape: [null, 1] }), { inputShape: [2, 3], weights: 0, training: true });
  });

  it('is the identity at inference', () => {
    expect(new AlphaDropout({ rate: 0.5 }).apply(tensor([[1, 2]])).toArray()).toEqual([[1, 2]]);
  });

  it('sets dropped units to a * alpha\' + b and kept ones to a * x + b', () => {
    const rate = 0.25;
    const a = ((1 - rate) * (1 + rate * ALPHA_P ** 2)) ** -0.5;
    const b = -a * ALPHA_P * rate;
    const x = ones([50, 40]);
    const y = new AlphaDropout({ rate, seed: 5 }).apply(x, { training: true });
    const values = [...new Set(Array.from(y.data))].sort((p, q) => p - q);
    expectClose(values, [a * ALPHA_P + b, a + b], 1e-6, 1e-6);
    const dropped = Array.from(y.data).filter((v) => v === values[0]).length / y.size;
    expect(Math.abs(dropped - rate)).toBeLessThan(0.03);
  });

  it('keeps zero mean and unit variance of standard normal inputs', () => {
    const x = randomNormal([200, 100], { seed: 3 });
    const [m, s] = meanStd(new AlphaDropout({ rate: 0.2, seed: 4 }).apply(x, { training: true }));
    expect(Math.abs(m)).toBeLessThan(0.03);
    expect(Math.abs(s - 1)).toBeLessThan(0.03);
  });

  it('shares the mask along noiseShape axes of size 1', () => {
    const y = new AlphaDropout({ rate: 0.5, noiseShape: [null, 1], seed: 6 }).apply(ones([6, 4]), { training: true });
    for (const row of y.toArray() as number[][]) expect(new Set(row).size).toBe(1);
  });

  it('has gradient a on kept units and 0 on dropped ones', () => {
    checkGradients((x) => new AlphaDropout({ rate: 0.4, seed: 7 }).apply(x, { training: true }), [randomUniform([3, 4], { seed: 8 })]);
  });

  it('writes the Keras config', () => {
    expect(new AlphaDropout({ rate: 0.2, noiseShape: [null, 1], seed: 3 }).getConfig()).toMatchObject({ rate: 0.2, seed: 3, noise_shape: [null, 1] });
    expect(new AlphaDropout({ rate: 0.2 }).getConfig()).toMatchObject({ seed: null, noise_shape: null });
  });

  it.each([[2, '2'], [-1, '-1'], [undefined, 'undefined']])('rejects rate=%p', (rate, shown) => {
    expect(() => new AlphaDropout({ rate: rate as never })).toThrow(ValueError);
    expect(() => new AlphaDropout({ rate: rate as never })).toThrow(new RegExp(`^AlphaDropout: rate must be a number between 0 and 1, received rate=${shown}$`));
  });

  it.each([['a string', 'x', "'x'"], ['a zero entry', [0, 2], '\\[0, 2\\]'], ['a fraction', [1.5], '\\[1\\.5\\]']])('rejects %s as noiseShape', (_w, ns, shown) => {
    expect(() => new AlphaDropout({ rate: 0.1, noiseShape: ns as never })).toThrow(ValueError);
    expect(() => new AlphaDropout({ rate: 0.1, noiseShape: ns as never })).toThrow(
      new RegExp(`^AlphaDropout: noiseShape must be an array of positive integers or nulls, or null, received noiseShape=${shown}$`),
    );
  });

  it('rejects a seed that is not an integer', () => {
    expect(() => new AlphaDropout({ rate: 0.1, seed: 2.5 })).toThrow('AlphaDropout: seed must be an integer or null, received seed=2.5');
  });

  it('rejects, in training, a noiseShape that does not broadcast, and rate 1', () => {
    const layer = new AlphaDropout({ rate: 0.5, noiseShape: [2, 5], name: 'a' });
    expect(() => layer.apply(zeros([2, 3]), { training: true })).toThrow(ShapeError);
    expect(() => layer.apply(zeros([2, 3]), { training: true })).toThrow(
      "AlphaDropout 'a': noiseShape must broadcast to the input shape (2, 3), received noiseShape=[2, 5]",
    );
    expect(() => new AlphaDropout({ rate: 1, name: 'a' }).apply(zeros([2]), { training: true })).toThrow(
      "AlphaDropout 'a': rate must be below 1 in training (nothing would be kept), received rate=1",
    );
  });
});
