import { ValueError, randomUniform, tensor } from '@strata/tensor';
import { checkGradients } from '@strata/tensor/testing';
import fc from 'fast-check';
import { getMask, setMask } from '../engine/masks';
import { checkLayerContract } from '../testing/check-layer-contract';
import { ReLU } from './relu';

describe('ReLU', () => {
  it('passes the layer contract', () => {
    checkLayerContract(() => new ReLU(), { inputShape: [2, 3, 4], weights: 0 });
    checkLayerContract(() => new ReLU({ maxValue: 1, negativeSlope: 0.1, threshold: 0.2 }), { inputShape: [3, 5], weights: 0 });
  });

  it('computes Keras\'s relu with max value, slope and threshold', () => {
    const x = tensor([-2, -0.5, 0, 0.5, 1, 3, 8]);
    expect(new ReLU().apply(x).toArray()).toEqual([0, 0, 0, 0.5, 1, 3, 8]);
    expect(new ReLU({ maxValue: 5, negativeSlope: 0.5 }).apply(tensor([-2, 3, 8])).toArray()).toEqual([-1, 3, 5]);
    // Below the threshold: negativeSlope * (x - threshold).
    expect(new ReLU({ threshold: 1, negativeSlope: 0.5 }).apply(tensor([0, 2])).toArray()).toEqual([-0.5, 2]);
  });

  it('never exceeds maxValue (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 5, noNaN: true }), fc.integer({ min: 0, max: 1e6 }), (maxValue, seed) => {
        const y = new ReLU({ maxValue }).apply(randomUniform([20], { minval: -10, maxval: 10, seed }));
        y.data.forEach((v) => expect(v).toBeLessThanOrEqual(Math.fround(maxValue)));
      }),
      { seed: 42, numRuns: 50 },
    );
  });

  it('round-trips its config (property)', () => {
    const arb = fc.record({
      maxValue: fc.option(fc.double({ min: 0, max: 10, noNaN: true }), { nil: null }),
      negativeSlope: fc.double({ min: 0, max: 1, noNaN: true }),
      threshold: fc.double({ min: 0, max: 2, noNaN: true }),
    });
    fc.assert(
      fc.property(arb, (args) => {
        const config = new ReLU(args).getConfig();
        expect(ReLU.fromConfig(JSON.parse(JSON.stringify(config))).getConfig()).toEqual(config);
      }),
      { seed: 42, numRuns: 50 },
    );
  });

  it('has gradients 1 (kept) and negativeSlope (below threshold)', () => {
    checkGradients((x) => new ReLU({ maxValue: 2, negativeSlope: 0.2, threshold: 0.1 }).apply(x), [tensor([-1.3, -0.4, 0.5, 1.2, 3.1])]);
  });

  it('passes masks through', () => {
    const x = tensor([[1, -1]]);
    const m = tensor([true], undefined, 'bool');
    setMask(x, m);
    expect(getMask(new ReLU().apply(x))).toBe(m);
  });

  it('writes the Keras config', () => {
    expect(new ReLU({ name: 'r' }).getConfig()).toEqual({
      name: 'r', trainable: true,
      dtype: { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null },
      max_value: null, negative_slope: 0, threshold: 0,
    });
  });

  it.each([
    ['maxValue', { maxValue: -1 }, 'maxValue=-1'],
    ['negativeSlope', { negativeSlope: -0.1 }, 'negativeSlope=-0\\.1'],
    ['negativeSlope', { negativeSlope: null }, 'negativeSlope=null'],
    ['threshold', { threshold: -2 }, 'threshold=-2'],
    ['threshold', { threshold: NaN }, 'threshold=NaN'],
    ['maxValue', { maxValue: '6' }, "maxValue='6'"],
  ])('rejects a bad %s', (arg, args, shown) => {
    expect(() => new ReLU(args as never)).toThrow(ValueError);
    expect(() => new ReLU(args as never)).toThrow(new RegExp(`^ReLU: ${arg} must be a non-negative number, received ${shown}$`));
  });
});
