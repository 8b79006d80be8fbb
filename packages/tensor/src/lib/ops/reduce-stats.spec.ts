import fc from 'fast-check';
import { grad } from '../autodiff';
import { ValueError } from '../errors';
import { Tensor, tensor } from '../tensor';
import { checkGradients, expectClose } from '../testing/check-gradients';
import { add } from './arithmetic';
import { logsumexp, std, variance } from './reduce-stats';

const values = (t: Tensor) => Array.from(t.data);

describe('logsumexp', () => {
  it('computes log(sum(exp(x))) over axes', () => {
    expectClose(logsumexp(tensor([0, 0])), Math.LN2);
    expectClose(logsumexp(tensor([[1, 2], [3, 3]]), 1), [Math.log(Math.E + Math.E ** 2), 3 + Math.LN2]);
    expect(logsumexp(tensor([[1, 2], [3, 4]]), 0, true).shape).toEqual([1, 2]);
  });

  it('is stable for large and infinite inputs, as jax.scipy.special.logsumexp', () => {
    expect(values(logsumexp(tensor([1000, 1000])))).toEqual([Math.fround(1000 + Math.LN2)]);
    expect(values(logsumexp(tensor([-1000, -1000])))).toEqual([Math.fround(-1000 + Math.LN2)]);
    expect(values(logsumexp(tensor([[-Infinity, -Infinity], [Infinity, 1]]), 1))).toEqual([-Infinity, Infinity]);
    expect(values(logsumexp(tensor([], [2, 0]), 1))).toEqual([-Infinity, -Infinity]);
    expect(logsumexp(tensor([1, 2], undefined, 'int32')).dtype).toBe('float32');
  });

  it('has gradient softmax(x), also for huge inputs', () => {
    expect(values(grad((t) => logsumexp(t))(tensor([1000, 1000])))).toEqual([0.5, 0.5]);
    checkGradients((t) => logsumexp(t, 1), [tensor([[0.3, -1.2, 2.5], [1.1, 0.4, -0.6]])]);
    checkGradients((t) => logsumexp(t, 0, true), [tensor([[0.3, -1.2, 2.5], [1.1, 0.4, -0.6]])]);
  });

  it('shifts: logsumexp(x + c) = logsumexp(x) + c', () => {
    fc.assert(
      fc.property(
        fc.array(fc.float({ min: -50, max: 50, noNaN: true }), { minLength: 1, maxLength: 8 }),
        fc.float({ min: -500, max: 500, noNaN: true }),
        (v, c) => {
          const t = tensor(v);
          expectClose(logsumexp(add(t, c)).item(), logsumexp(t).item() + Math.fround(c), 1e-5, 1e-3);
          expect(logsumexp(t).item()).toBeGreaterThanOrEqual(Math.max(...v.map(Math.fround)) - 1e-4);
        },
      ),
      { seed: 42, numRuns: 50 },
    );
  });

  it('rejects a bad axis', () => {
    expect(() => logsumexp(tensor([1, 2]), 1)).toThrow(ValueError);
    expect(() => logsumexp(tensor([1, 2]), 1)).toThrow(/^logsumexp: axis must be an integer in \[-1, 0\], received axis=1/);
  });
});

describe('variance and std', () => {
  it('are the population statistics (no Bessel correction), as keras.ops.var / std', () => {
    expect(variance(tensor([1, 2, 3, 4])).item()).toBe(1.25);
    expectClose(std(tensor([1, 2, 3, 4])), Math.sqrt(1.25));
    expect(values(variance(tensor([[1, 3], [2, 2]]), 1))).toEqual([1, 0]);
    expect(variance(tensor([[1, 3], [2, 2]]), 0, true).toArray()).toEqual([[0.25, 0.25]]);
    expect(std(tensor([[1, 3], [2, 2]], undefined, 'int32'), -1).dtype).toBe('float32');
  });

  it('agree with finite differences', () => {
    const x = tensor([[0.3, -1.2, 2.5, 0.7], [1.1, 0.4, -0.6, 1.9]]);
    for (const axis of [null, 0, 1]) {
      checkGradients((t) => variance(t, axis), [x]);
      checkGradients((t) => std(t, axis), [x]);
    }
  });

  it('std has a NaN gradient at zero spread, as JAX', () => {
    expect(values(grad((t) => std(t))(tensor([2, 2])))).toEqual([NaN, NaN]);
  });

  it('variance is shift-invariant and non-negative', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -100, max: 100 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: -1000, max: 1000 }),
        (v, c) => {
          const t = tensor(v);
          const s = variance(t).item();
          expect(s).toBeGreaterThanOrEqual(0);
          expectClose(variance(add(t, c)).item(), s, 1e-4, 1e-2);
        },
      ),
      { seed: 42, numRuns: 50 },
    );
  });

  it('rejects a bad axis', () => {
    expect(() => std(tensor([[1, 2]]), [0, 0])).toThrow(ValueError);
    expect(() => std(tensor([[1, 2]]), [0, 0])).toThrow(/^variance: axis must not repeat an axis, received axis=\[0, 0\]/);
  });
});
