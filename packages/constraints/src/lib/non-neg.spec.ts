import fc from 'fast-check';
import { tensor, valueAndGrad, sum } from '@strata/tensor';
import { checkGradients } from '@strata/tensor/testing';
import { NonNeg } from './non-neg';

describe('NonNeg', () => {
  it('zeroes the negative entries (hand golden)', () => {
    expect(new NonNeg().apply(tensor([[-1, 0.5], [0, -0.25]])).toArray()).toEqual([[0, 0.5], [0, 0]]);
  });

  it('keeps the dtype', () => {
    const out = new NonNeg().apply(tensor([-2, 3], undefined, 'int32'));
    expect(out.dtype).toBe('int32');
    expect(out.toArray()).toEqual([0, 3]);
  });

  it('has an empty config', () => {
    expect(new NonNeg().getConfig()).toEqual({});
    expect(NonNeg.fromConfig({})).toBeInstanceOf(NonNeg);
  });

  it('passes the gradient of positive entries only', () => {
    const { grad } = valueAndGrad((w) => sum(new NonNeg().apply(w)))(tensor([-1, 2, -3, 4]));
    expect(Array.from(grad.data)).toEqual([0, 1, 0, 1]);
    checkGradients((w) => new NonNeg().apply(w), [tensor([[0.7, -1.2, 0.4], [-0.3, 2, -0.9]])]);
  });

  it('outputs only non-negative values and is idempotent (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 20 }), (v) => {
        const c = new NonNeg();
        const once = c.apply(tensor(v));
        for (const x of once.data) expect(x).toBeGreaterThanOrEqual(0);
        expect(Array.from(c.apply(once).data)).toEqual(Array.from(once.data));
      }),
      { seed: 42, numRuns: 50 },
    );
  });
});
