import { ShapeError, Tensor, ValueError, ones, randomUniform, setSeed, tensor, zeros } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import fc from 'fast-check';
import { getMask, setMask } from '../engine/masks';
import { checkLayerContract } from '../testing/check-layer-contract';
import { Dropout } from './dropout';
import { input } from './input-layer';

const fractionOfZeros = (t: Tensor) => Array.from(t.data).filter((v) => v === 0).length / t.size;

describe('Dropout', () => {
  it('passes the layer contract, in inference and in training', () => {
    checkLayerContract(() => new Dropout({ rate: 0.5 }), { inputShape: [2, 3, 4], weights: 0 });
    checkLayerContract(() => new Dropout({ rate: 0.5, seed: 1 }), { inputShape: [4, 5], weights: 0, training: true });
    checkLayerContract(() => new Dropout({ rate: 0.3, noiseShape: [null, 1, 3] }), { inputShape: [2, 4, 3], weights: 0, training: true });
  });

  it('is the identity at inference (the default)', () => {
    const x = tensor([[1, -2, 3], [4, 5, -6]]);
    const drop = new Dropout({ rate: 0.9, seed: 1 });
    expect(drop.apply(x).toArray()).toEqual(x.toArray());
    expect(drop.apply(x, { training: false }).toArray()).toEqual(x.toArray());
  });

  it('in training zeroes about rate of the inputs and scales the others by 1 / (1 - rate)', () => {
    const y = new Dropout({ rate: 0.75, seed: 3 }).apply(ones([100, 100]), { training: true });
    expect(new Set(Array.from(y.data))).toEqual(new Set([0, 4]));
    expect(Math.abs(fractionOfZeros(y) - 0.75)).toBeLessThan(0.02);
  });

  it('draws a new mask on each call', () => {
    const drop = new Dropout({ rate: 0.5, seed: 1 });
    const a = drop.apply(ones([64]), { training: true });
    const b = drop.apply(ones([64]), { training: true });
    expect(Array.from(a.data)).not.toEqual(Array.from(b.data));
  });

  it('gives the same sequence of masks for the same seed, also after a config round trip', () => {
    const masks = (d: Dropout) => [1, 2, 3].map(() => Array.from(d.apply(ones([32]), { training: true }).data));
    const first = masks(new Dropout({ rate: 0.5, seed: 7 }));
    expect(masks(new Dropout({ rate: 0.5, seed: 7 }))).toEqual(first);
    expect(masks(Dropout.fromConfig(new Dropout({ rate: 0.5, seed: 7 }).getConfig()))).toEqual(first);
    expect(masks(new Dropout({ rate: 0.5, seed: 8 }))).not.toEqual(first);
  });

  it('unseeded layers are reproducible after setSeed', () => {
    setSeed(123);
    const a = new Dropout({ rate: 0.5 }).apply(ones([32]), { training: true });
    setSeed(123);
    const b = new Dropout({ rate: 0.5 }).apply(ones([32]), { training: true });
    expect(Array.from(a.data)).toEqual(Array.from(b.data));
  });

  it('shares the mask along noiseShape axes of size 1, filling null entries from the input', () => {
    const y = new Dropout({ rate: 0.5, noiseShape: [null, 1, 3], seed: 2 }).apply(ones([8, 4, 3]), { training: true });
    const v = y.toArray() as number[][][];
    for (const sample of v) for (let c = 0; c < 3; c++) expect(new Set(sample.map((row) => row[c])).size).toBe(1);
    // A shorter noise shape broadcasts from the right, as NumPy.
    const z = new Dropout({ rate: 0.5, noiseShape: [1, 6], seed: 4 }).apply(ones([5, 6]), { training: true }).toArray() as number[][];
    for (const row of z) expect(row).toEqual(z[0]);
  });

  it('passes inputs through for rate 0 and zeroes them for rate 1 (as Keras)', () => {
    const x = tensor([1, 2, 3]);
    expect(new Dropout({ rate: 0 }).apply(x, { training: true }).toArray()).toEqual([1, 2, 3]);
    expect(new Dropout({ rate: 1 }).apply(x, { training: true }).toArray()).toEqual([0, 0, 0]);
  });

  it('has gradients mask / (1 - rate) in training and 1 at inference', () => {
    const x = randomUniform([3, 4], { minval: -1, maxval: 1, seed: 9 });
    // A fresh layer with a fixed seed draws the same first mask on every evaluation.
    checkGradients((v) => new Dropout({ rate: 0.4, seed: 5 }).apply(v, { training: true }), [x]);
    checkGradients((v) => new Dropout({ rate: 0.4 }).apply(v), [x]);
  });

  it('keeps every value either 0 or x / (1 - rate) (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.95, noNaN: true }), fc.integer({ min: 0, max: 1e6 }), (rate, seed) => {
        const x = randomUniform([50], { minval: 0.5, maxval: 2, seed });
        const y = new Dropout({ rate, seed }).apply(x, { training: true });
        y.data.forEach((v, i) => {
          if (v !== 0) expectClose(v, x.data[i] / (1 - rate), 1e-6, 0);
        });
      }),
      { seed: 42, numRuns: 50 },
    );
  });

  it('passes masks through and keeps symbolic shapes', () => {
    const drop = new Dropout({ rate: 0.5 });
    expect(drop.supportsMasking).toBe(true);
    const x = ones([2, 3]);
    const m = tensor([true, false], [2], 'bool');
    setMask(x, m);
    expect(getMask(drop.apply(x, { training: true }))).toBe(m);
    expect(drop.computeOutputShape([null, 3])).toEqual([null, 3]);
    expect(drop.apply(input({ shape: [5, 2] })).shape).toEqual([null, 5, 2]);
  });

  it('writes the Keras config', () => {
    expect(new Dropout({ rate: 0.3, noiseShape: [null, 1, 3], seed: 1, name: 'd' }).getConfig()).toEqual({
      name: 'd', trainable: true,
      dtype: { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null },
      rate: 0.3, seed: 1, noise_shape: [null, 1, 3],
    });
    expect(new Dropout({ rate: 0.5 }).getConfig()).toMatchObject({ rate: 0.5, seed: null, noise_shape: null });
  });

  it.each([[1.5, '1\\.5'], [-0.1, '-0\\.1'], [NaN, 'NaN'], ['0.5', "'0\\.5'"], [undefined, 'undefined']])('rejects rate=%p', (rate, shown) => {
    expect(() => new Dropout({ rate: rate as never })).toThrow(ValueError);
    expect(() => new Dropout({ rate: rate as never })).toThrow(new RegExp(`Dropout: rate must be a number between 0 and 1, received rate=${shown}$`));
  });

  it('rejects a seed that is not an integer', () => {
    expect(() => new Dropout({ rate: 0.5, seed: 1.5 })).toThrow(ValueError);
    expect(() => new Dropout({ rate: 0.5, seed: 1.5 })).toThrow(/Dropout: seed must be an integer or null, received seed=1\.5/);
  });

  it.each([
    ['a string', 'abc', /Dropout: noiseShape must be an array of positive integers or null, received noiseShape='abc'/],
    ['a zero entry', [0, 2], /Dropout: noiseShape entries must be positive integers or null, received noiseShape=\[0, 2\] \(entry 0 is 0\)/],
    ['a negative entry', [2, -1], /received noiseShape=\[2, -1\] \(entry 1 is -1\)/],
    ['a fraction', [1.5], /received noiseShape=\[1\.5\] \(entry 0 is 1\.5\)/],
  ])('rejects %s as noiseShape', (_what, noiseShape, message) => {
    expect(() => new Dropout({ rate: 0.5, noiseShape: noiseShape as never })).toThrow(ValueError);
    expect(() => new Dropout({ rate: 0.5, noiseShape: noiseShape as never })).toThrow(message);
  });

  it('rejects, in training, a noiseShape that does not broadcast to the input', () => {
    const drop = new Dropout({ rate: 0.5, noiseShape: [2, 5], name: 'd' });
    expect(() => drop.apply(zeros([2, 3]), { training: true })).toThrow(ShapeError);
    expect(() => drop.apply(zeros([2, 3]), { training: true })).toThrow(
      /Dropout 'd': noiseShape must broadcast to the input shape \(2, 3\), received noiseShape=\[2, 5\]/,
    );
    const tooLong = new Dropout({ rate: 0.5, noiseShape: [1, 1, 1] });
    expect(() => tooLong.apply(zeros([2, 3]), { training: true })).toThrow(ShapeError);
  });
});
