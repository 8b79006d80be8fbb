import fc from 'fast-check';
import { ValueError, tensor, valueAndGrad } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import { L1 } from './l1';
import { L1L2 } from './l1-l2';
import { L2 } from './l2';

describe('L1L2', () => {
  it('penalizes l1 * sum(|w|) + l2 * sum(w²) (hand golden)', () => {
    expect(new L1L2({ l1: 0.5, l2: 0.25 }).apply(tensor([1, -2])).item()).toBe(2.75);
    expect(new L1L2({ l2: 1 }).apply(tensor([[1, -2], [2, 0]])).item()).toBe(9);
    expect(new L1L2({ l1: 1 }).apply(tensor([[1, -2], [2, 0]])).item()).toBe(5);
  });

  it('defaults to l1 = l2 = 0 (null too): a constant zero scalar with zero gradient', () => {
    const p = new L1L2().apply(tensor([1, -2]));
    expect(p.shape).toEqual([]);
    expect(p.item()).toBe(0);
    expect(new L1L2({ l1: null, l2: null }).getConfig()).toEqual({ l1: 0, l2: 0 });
    const { grad } = valueAndGrad((w) => new L1L2().apply(w))(tensor([1, -2]));
    expect(Array.from(grad.data)).toEqual([0, 0]);
  });

  it('writes both factors as given', () => {
    expect(new L1L2({ l1: 0.01, l2: 0.02 }).getConfig()).toEqual({ l1: 0.01, l2: 0.02 });
    expect(L1L2.fromConfig({ l1: 0.1, l2: 0 }).getConfig()).toEqual({ l1: 0.1, l2: 0 });
  });

  it('equals L1 + L2 with the same factors (property)', () => {
    fc.assert(
      fc.property(
        fc.float({ min: 0, max: 4, noNaN: true }),
        fc.float({ min: 0, max: 4, noNaN: true }),
        fc.array(fc.float({ min: -10, max: 10, noNaN: true }), { minLength: 1, maxLength: 12 }),
        (l1, l2, values) => {
          const w = tensor(values);
          const both = new L1L2({ l1, l2 }).apply(w).item();
          const apart = new L1({ l1 }).apply(w).item() + new L2({ l2 }).apply(w).item();
          expectClose(both, apart, 1e-5, 1e-5);
        },
      ),
      { seed: 42, numRuns: 50 },
    );
  });

  it('is differentiable', () => {
    checkGradients((w) => new L1L2({ l1: 0.2, l2: 0.3 }).apply(w), [tensor([[0.7, -1.2, 0.4], [-0.3, 2, -0.9]])]);
  });

  it.each([
    [{ l1: -1 }, 'l1=-1'],
    [{ l1: NaN }, 'l1=NaN'],
    [{ l2: -2 }, 'l2=-2'],
    [{ l2: Infinity }, 'l2=Infinity'],
  ])('rejects %p', (options, shown) => {
    const make = () => new L1L2(options);
    expect(make).toThrow(ValueError);
    expect(make).toThrow(new RegExp(`^L1L2: l[12] must be a non-negative finite number, received ${shown}$`));
  });
});
