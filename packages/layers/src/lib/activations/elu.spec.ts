import { ValueError, randomUniform, tensor } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import { checkLayerContract } from '../testing/check-layer-contract';
import { ELU } from './elu';

describe('ELU', () => {
  it('passes the layer contract', () => {
    checkLayerContract(() => new ELU({ alpha: 0.5 }), { inputShape: [2, 3], weights: 0 });
  });

  it('is x above 0 and alpha * (exp(x) - 1) below', () => {
    expectClose(new ELU({ alpha: 2 }).apply(tensor([-1, 0, 3])), [2 * (Math.exp(-1) - 1), 0, 3]);
    expectClose(new ELU().apply(tensor([-100])), [-1]);
  });

  it('has the ELU gradient', () => {
    checkGradients((x) => new ELU({ alpha: 0.7 }).apply(x), [randomUniform([8], { minval: -2, maxval: 2, seed: 4 })]);
  });

  it('writes the Keras config (name, alpha, then the base keys)', () => {
    const config = new ELU({ alpha: 0.5, name: 'e' }).getConfig();
    expect(Object.keys(config)).toEqual(['name', 'alpha', 'trainable', 'dtype']);
    expect(config).toMatchObject({ name: 'e', alpha: 0.5, trainable: true });
  });

  it.each([[NaN, 'NaN'], ['1', "'1'"], [Infinity, 'Infinity']])('rejects alpha=%p', (alpha, shown) => {
    expect(() => new ELU({ alpha: alpha as never })).toThrow(ValueError);
    expect(() => new ELU({ alpha: alpha as never })).toThrow(new RegExp(`^ELU: alpha must be a finite number, received alpha=${shown}$`));
  });
});
