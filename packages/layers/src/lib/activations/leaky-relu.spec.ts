import { ValueError, randomUniform, tensor } from '@strata/tensor';
import { checkGradients } from '@strata/tensor/testing';
import { checkLayerContract } from '../testing/check-layer-contract';
import { LeakyReLU } from './leaky-relu';

describe('LeakyReLU', () => {
  it('passes the layer contract', () => {
    checkLayerContract(() => new LeakyReLU({ negativeSlope: 0.1 }), { inputShape: [2, 3], weights: 0 });
  });

  it('scales negative inputs by negativeSlope, 0.3 by default (Keras 3)', () => {
    expect(new LeakyReLU().negativeSlope).toBe(0.3);
    expect(Array.from(new LeakyReLU().apply(tensor([-10, 0, 5])).data)).toEqual([Math.fround(-3), 0, 5]);
    expect(Array.from(new LeakyReLU({ negativeSlope: 0.5 }).apply(tensor([-4, 2])).data)).toEqual([-2, 2]);
  });

  it('reads Keras 2\'s alpha', () => {
    const layer = LeakyReLU.fromConfig({ name: 'l', alpha: 0.2 });
    expect(layer.negativeSlope).toBe(0.2);
    expect(layer.getConfig()).toMatchObject({ negative_slope: 0.2 });
    expect(layer.getConfig()).not.toHaveProperty('alpha');
  });

  it('has gradients 1 and negativeSlope', () => {
    checkGradients((x) => new LeakyReLU().apply(x), [randomUniform([8], { minval: -1, maxval: 1, seed: 3 })]);
  });

  it.each([[-0.1, '-0\\.1'], [null, 'null'], ['0.2', "'0\\.2'"]])('rejects negativeSlope=%p', (s, shown) => {
    expect(() => new LeakyReLU({ negativeSlope: s as never })).toThrow(ValueError);
    expect(() => new LeakyReLU({ negativeSlope: s as never })).toThrow(
      new RegExp(`^LeakyReLU: negativeSlope must be a non-negative number, received negativeSlope=${shown}$`),
    );
  });
});
