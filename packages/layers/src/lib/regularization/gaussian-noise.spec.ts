import { Tensor, ValueError, ones, randomUniform, setSeed, sub, tensor } from '@strata/tensor';
import { checkGradients } from '@strata/tensor/testing';
import { getMask, setMask } from '../engine/masks';
import { checkLayerContract } from '../testing/check-layer-contract';
import { GaussianNoise } from './gaussian-noise';

function meanStd(t: Tensor): [number, number] {
  const v = Array.from(t.data);
  const m = v.reduce((a, b) => a + b, 0) / v.length;
  return [m, Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / v.length)];
}

describe('GaussianNoise', () => {
  it('passes the layer contract, in inference and in training', () => {
    checkLayerContract(() => new GaussianNoise({ stddev: 0.2 }), { inputShape: [2, 3], weights: 0 });
    checkLayerContract(() => new GaussianNoise({ stddev: 0.2, seed: 1 }), { inputShape: [2, 3], weights: 0, training: true });
  });

  it('is the identity at inference', () => {
    const x = tensor([[1, 2, 3]]);
    expect(new GaussianNoise({ stddev: 1 }).apply(x).toArray()).toEqual([[1, 2, 3]]);
  });

  it('adds N(0, stddev^2) noise in training', () => {
    const x = ones([100, 100]);
    const [m, s] = meanStd(sub(new GaussianNoise({ stddev: 0.3, seed: 2 }).apply(x, { training: true }), x));
    expect(Math.abs(m)).toBeLessThan(0.01);
    expect(Math.abs(s - 0.3)).toBeLessThan(0.01);
    expect(new GaussianNoise({ stddev: 0 }).apply(x, { training: true }).toArray()).toEqual(x.toArray());
  });

  it('draws new noise on each call, the same sequence for the same seed, and follows setSeed when unseeded', () => {
    const draws = (l: GaussianNoise) => [1, 2].map(() => Array.from(l.apply(ones([8]), { training: true }).data));
    const a = draws(new GaussianNoise({ stddev: 0.5, seed: 7 }));
    expect(a[0]).not.toEqual(a[1]);
    expect(draws(new GaussianNoise({ stddev: 0.5, seed: 7 }))).toEqual(a);
    setSeed(3);
    const b = draws(new GaussianNoise({ stddev: 0.5 }));
    setSeed(3);
    expect(draws(new GaussianNoise({ stddev: 0.5 }))).toEqual(b);
  });

  it('has gradient 1 in training', () => {
    checkGradients((x) => new GaussianNoise({ stddev: 0.5, seed: 3 }).apply(x, { training: true }), [randomUniform([2, 3], { seed: 1 })]);
  });

  it('passes masks through and writes the Keras config', () => {
    const x = ones([2, 3]);
    const m = tensor([true, false], undefined, 'bool');
    setMask(x, m);
    expect(getMask(new GaussianNoise({ stddev: 0.1 }).apply(x, { training: true }))).toBe(m);
    expect(new GaussianNoise({ stddev: 0.1, seed: 4 }).getConfig()).toMatchObject({ stddev: 0.1, seed: 4 });
    expect(new GaussianNoise({ stddev: 0.1 }).getConfig()).toMatchObject({ seed: null });
  });

  it.each([[1.5, '1\\.5'], [-0.1, '-0\\.1'], [undefined, 'undefined'], ['0.1', "'0\\.1'"]])('rejects stddev=%p', (stddev, shown) => {
    expect(() => new GaussianNoise({ stddev: stddev as never })).toThrow(ValueError);
    expect(() => new GaussianNoise({ stddev: stddev as never })).toThrow(
      new RegExp(`^GaussianNoise: stddev must be a number between 0 and 1, received stddev=${shown}$`),
    );
  });

  it('rejects a seed that is not an integer', () => {
    expect(() => new GaussianNoise({ stddev: 0.1, seed: 0.5 })).toThrow(ValueError);
    expect(() => new GaussianNoise({ stddev: 0.1, seed: 0.5 })).toThrow('GaussianNoise: seed must be an integer or null, received seed=0.5');
  });
});
