import { ValueError, norm, randomNormal, randomUniform, tensor } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import fc from 'fast-check';
import { input } from '../core/input-layer';
import { getMask, setMask } from '../engine/masks';
import { checkLayerContract } from '../testing/check-layer-contract';
import { UnitNormalization, UnitNormalizationArgs } from './unit-normalization';

describe('UnitNormalization', () => {
  it('passes the layer contract (one axis and several)', () => {
    checkLayerContract(() => new UnitNormalization(), { inputShape: [2, 5], weights: 0 });
    checkLayerContract(() => new UnitNormalization({ axis: [1, 2] }), { inputShape: [2, 3, 2], weights: 0 });
  });

  it('is built from the start and writes Keras config', () => {
    const un = new UnitNormalization({ axis: [1, 2], name: 'un' });
    expect(un.built).toBe(true);
    expect(un.getConfig()).toEqual({
      name: 'un', trainable: true, axis: [1, 2],
      dtype: { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null },
    });
  });

  it('scales each slice to unit L2 norm and leaves zero slices at zero (hand-checked)', () => {
    expectClose(new UnitNormalization().apply(tensor([[3, 4], [0, 0], [0, -2]])), tensor([[0.6, 0.8], [0, 0], [0, -1]]));
    // Over axis 1: columns [3, 4] and [0, 5].
    expectClose(new UnitNormalization({ axis: 1 }).apply(tensor([[[3, 0], [4, 5]]])), tensor([[[0.6, 0], [0.8, 1]]]));
    // Over both axes: the norm of [1, 1, 1, 1] is 2.
    expectClose(new UnitNormalization({ axis: [1, 2] }).apply(tensor([[[1, 1], [1, 1]]])), tensor([[[0.5, 0.5], [0.5, 0.5]]]));
  });

  it('gives unit norms and is idempotent (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 1000 }), (n, d, seed) => {
        const un = new UnitNormalization();
        const y = un.apply(randomNormal([n, d], { stddev: 4, seed }));
        expectClose(norm(y, { axis: -1 }), new Array(n).fill(1), 1e-5, 1e-6);
        expectClose(un.apply(y), y, 1e-5, 1e-6);
      }),
      { seed: 42, numRuns: 50 },
    );
  });

  it('passes masks through unchanged', () => {
    const x = tensor([[1, 2], [3, 5]]);
    const mask = tensor([true, false], undefined, 'bool');
    setMask(x, mask);
    expect(getMask(new UnitNormalization().apply(x))).toBe(mask);
  });

  it('has finite-difference gradients', () => {
    checkGradients((x) => new UnitNormalization().apply(x), [randomUniform([2, 4], { minval: -2, maxval: 2, seed: 9 })]);
    checkGradients((x) => new UnitNormalization({ axis: [0, 2] }).apply(x), [randomUniform([2, 3, 2], { minval: -2, maxval: 2, seed: 1 })]);
  });

  it('keeps the shape of symbolic inputs', () => {
    expect(new UnitNormalization({ axis: 1 }).apply(input({ shape: [3, 4] })).shape).toEqual([null, 3, 4]);
  });

  describe('rejects bad arguments and inputs', () => {
    const bad: [string, UnitNormalizationArgs, RegExp][] = [
      ['a string axis', { axis: 'a' as never }, /axis must be an integer or an array of integers, received axis='a'/],
      ['a fractional axis', { axis: 0.5 }, /received axis=0\.5/],
      ['a list with a non-integer', { axis: [1, null] as never }, /received axis=\[1, null\]/],
    ];
    it.each(bad)('%s', (_what, args, message) => {
      expect(() => new UnitNormalization(args)).toThrow(ValueError);
      expect(() => new UnitNormalization(args)).toThrow(message);
    });

    it('an axis outside the input rank', () => {
      expect(() => new UnitNormalization({ axis: 5 }).apply(tensor([[1, 2]]))).toThrow(ValueError);
      expect(() => new UnitNormalization({ axis: 5 }).apply(tensor([[1, 2]]))).toThrow(/axis 5 is out of bounds for input shape \(1, 2\), received axis=5/);
      expect(() => new UnitNormalization({ axis: [-3] }).computeOutputShape([null, 2])).toThrow(/axis -3 is out of bounds for input shape \(None, 2\)/);
    });

    it('an axis named twice', () => {
      expect(() => new UnitNormalization({ axis: [0, -2] }).apply(tensor([[1, 2]]))).toThrow(ValueError);
      expect(() => new UnitNormalization({ axis: [0, -2] }).apply(tensor([[1, 2]]))).toThrow(/must not repeat an axis, received axis=\[0, -2\]/);
    });
  });
});
