import { Tensor, ValueError, div, ones, randomUniform, tensor } from '@strata/tensor';
import { checkGradients } from '@strata/tensor/testing';
import { checkLayerContract } from '../testing/check-layer-contract';
import { GaussianDropout } from './gaussian-dropout';

function meanStd(t: Tensor): [number, number] {
  const v = Array.from(t.data);
  const m = v.reduce((a, b) => a + b, 0) / v.length;
  return [m, Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / v.length)];
}

describe('GaussianDropout', () => {
  it('passes the layer contract, in inference and in training', () => {
    checkLayerContract(() => new GaussianDropout({ rate: 0.3 }), { inputShape: [2, 3], weights: 0 });
    checkLayerContract(() => new GaussianDropout({ rate: 0.3, seed: 1 }), { inputShape: [2, 3], weights: 0, training: true });
  });

  it('is the identity at inference and for rate 0', () => {
    const x = tensor([[1, 2, 3]]);
    expect(new GaussianDropout({ rate: 0.5 }).apply(x).toArray()).toEqual([[1, 2, 3]]);
    expect(new GaussianDropout({ rate: 0 }).apply(x, { training: true }).toArray()).toEqual([[1, 2, 3]]);
  });

  it('multiplies by N(1, rate / (1 - rate)) noise in training', () => {
    const x = randomUniform([100, 100], { minval: 1, maxval: 2, seed: 1 });
    const [m, s] = meanStd(div(new GaussianDropout({ rate: 0.2, seed: 2 }).apply(x, { training: true }), x));
    expect(Math.abs(m - 1)).toBeLessThan(0.01);
    expect(Math.abs(s - 0.5)).toBeLessThan(0.01); // sqrt(0.2 / 0.8)
  });

  it('has the noise as gradient in training', () => {
    checkGradients((x) => new GaussianDropout({ rate: 0.3, seed: 3 }).apply(x, { training: true }), [randomUniform([2, 3], { seed: 1 })]);
  });

  it('writes the Keras config', () => {
    expect(new GaussianDropout({ rate: 0.3, seed: 4 }).getConfig()).toMatchObject({ rate: 0.3, seed: 4 });
  });

  it.each([[1.5, '1\\.5'], [-0.1, '-0\\.1'], [NaN, 'NaN']])('rejects rate=%p', (rate, shown) => {
    expect(() => new GaussianDropout({ rate })).toThrow(ValueError);
    expect(() => new GaussianDropout({ rate })).toThrow(new RegExp(`^GaussianDropout: rate must be a number between 0 and 1, received rate=${shown}$`));
  });

  it('rejects a seed that is not an integer', () => {
    expect(() => new GaussianDropout({ rate: 0.1, seed: '1' as never })).toThrow("GaussianDropout: seed must be an integer or null, received seed='1'");
  });

  it('fails in training with rate 1 (Keras divides by zero there)', () => {
    const layer = new GaussianDropout({ rate: 1, name: 'g' });
    expect(layer.apply(ones([2])).toArray()).toEqual([1, 1]);
    expect(() => layer.apply(ones([2]), { training: true })).toThrow(ValueError);
    expect(() => layer.apply(ones([2]), { training: true })).toThrow(
      "GaussianDropout 'g': rate must be below 1 in training (the noise stddev is infinite), received rate=1",
    );
  });
});
