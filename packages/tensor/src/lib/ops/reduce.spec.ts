import fc from 'fast-check';
import { grad } from '../autodiff';
import { ValueError } from '../errors';
import { Tensor, tensor } from '../tensor';
import { checkGradients, expectClose } from '../testing/check-gradients';
import { all, any, max, mean, min, prod, sum } from './reduce';

const values = (t: Tensor) => Array.from(t.data);
const int = (v: number[][]) => tensor(v, undefined, 'int32');
const x = tensor([[1, 5, 2], [7, 0, 3]]);

describe('reductions: goldens', () => {
  it('sum and mean over all, one, negative and several axes', () => {
    expect(sum(x).item()).toBe(18);
    expect(values(sum(x, 0))).toEqual([8, 5, 5]);
    expect(values(mean(x, -1))).toEqual([8 / 3, 10 / 3].map(Math.fround));
    expect(mean(x).item()).toBe(3);
    expect(mean(tensor([[[1, 2], [3, 4]], [[5, 6], [7, 8]]]), [0, 2]).toArray()).toEqual([3.5, 5.5]);
  });

  it('keepdims keeps reduced axes as size 1', () => {
    expect(sum(x, 1, true).shape).toEqual([2, 1]);
    expect(mean(x, null, true).shape).toEqual([1, 1]);
    expect(max(x, [0, 1], true).toArray()).toEqual([[7]]);
  });

  it('max, min, prod, any, all', () => {
    expect(values(max(x, 1))).toEqual([5, 7]);
    expect(values(min(x, 0))).toEqual([1, 0, 2]);
    expect(values(prod(x, 1))).toEqual([10, 0]);
    expect(prod(tensor([2, 3, 4])).item()).toBe(24);
    expect(any(x, 0).toArray()).toEqual([true, true, true]);
    expect(all(x, 0).toArray()).toEqual([true, false, true]);
    expect(all(tensor([], [0])).item()).toBe(1);
    expect(any(tensor([], [0])).item()).toBe(0);
  });

  it('max and min propagate NaN', () => {
    expect(values(max(tensor([1, NaN, 3])))).toEqual([NaN]);
    expect(values(min(tensor([[NaN, 1], [2, 0]]), 0))).toEqual([NaN, 0]);
  });

  it('dtypes follow Keras: mean gives float32, max/min/prod/sum keep int32, bool sums to int32', () => {
    const xi = int([[3, -1, 4], [1, 5, -9]]);
    expect(max(xi, 1).dtype).toBe('int32');
    expect(values(min(xi, 1))).toEqual([-1, -9]);
    expect(values(max(int([[-2147483647, -5]]), 1))).toEqual([-5]);
    expect(prod(xi, 1).dtype).toBe('int32');
    expect(values(prod(xi, 1))).toEqual([-12, -45]);
    expect(mean(xi, 1).dtype).toBe('float32');
    expect(values(mean(xi, 1))).toEqual([2, -1]);
    expect(sum(tensor([true, true, false])).dtype).toBe('int32');
    expect(max(tensor([true, false])).dtype).toBe('bool');
    expect(prod(tensor([true, true])).dtype).toBe('int32');
    expect(any(x).dtype).toBe('bool');
  });

  it('mean over an empty axis is NaN', () => {
    expect(values(mean(tensor([], [2, 0]), 1))).toEqual([NaN, NaN]);
  });
});

describe('reductions: gradients', () => {
  const g = tensor([[0.3, -1.2, 2.5, 0.7], [1.1, 0.4, -0.6, 1.9], [-2, 0.8, 1.3, 0.2]]);

  it.each([
    ['sum', sum],
    ['mean', mean],
    ['max', max],
    ['min', min],
    ['prod', prod],
  ] as const)('%s agrees with finite differences for every axis choice', (_name, op) => {
    for (const axis of [null, 0, 1, -1, [0, 1]]) {
      checkGradients((t) => op(t, axis), [g]);
      checkGradients((t) => op(t, axis, true), [g]);
    }
  });

  it('max and min share the gradient equally among ties (as JAX)', () => {
    expect(values(grad((t) => max(t))(tensor([1, 3, 3, 2])))).toEqual([0, 0.5, 0.5, 0]);
    expect(grad((t) => sum(min(t, 1)))(tensor([[1, 1, 1], [2, 0, 2]])).toArray()).toEqual([
      [1 / 3, 1 / 3, 1 / 3].map(Math.fround),
      [0, 1, 0],
    ]);
  });

  it('prod has exact gradients with zeros', () => {
    expect(values(grad((t) => prod(t))(tensor([2, 0, 3])))).toEqual([0, 6, 0]);
    expect(values(grad((t) => prod(t))(tensor([2, 0, 0])))).toEqual([0, 0, 0]);
    expect(grad((t) => sum(prod(t, 0)))(tensor([[2, 0], [5, 4]])).toArray()).toEqual([[5, 4], [2, 0]]);
    checkGradients((t) => prod(t, 1), [tensor([[0, 1.5, -2], [0.5, 1.2, 3]])]);
  });
});

describe('reductions: properties', () => {
  const matrix = fc
    .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 5 }))
    .chain(([r, c]) =>
      fc.array(fc.float({ min: -100, max: 100, noNaN: true }), { minLength: r * c, maxLength: r * c }).map((v) => tensor(v, [r, c])),
    );
  const opts = { seed: 42, numRuns: 50 };

  it('max >= mean >= min along any axis', () => {
    fc.assert(
      fc.property(matrix, fc.constantFrom(null, 0, 1), (m, axis) => {
        const hi = max(m, axis).data;
        const mid = mean(m, axis).data;
        const lo = min(m, axis).data;
        for (let i = 0; i < mid.length; i++) {
          expect(hi[i]).toBeGreaterThanOrEqual(mid[i] - 1e-4);
          expect(mid[i]).toBeGreaterThanOrEqual(lo[i] - 1e-4);
        }
      }),
      opts,
    );
  });

  it('the sum over all axes equals the sum of the row sums and of the column sums', () => {
    fc.assert(
      fc.property(matrix, (m) => {
        const total = sum(m).item();
        expectClose(sum(sum(m, 1)).item(), total, 1e-5, 1e-3);
        expectClose(sum(sum(m, 0)).item(), total, 1e-5, 1e-3);
        expectClose(mean(m).item() * m.size, total, 1e-5, 1e-3);
      }),
      opts,
    );
  });
});

describe('reductions: errors', () => {
  it.each([
    ['sum', sum],
    ['mean', mean],
    ['max', max],
    ['min', min],
    ['prod', prod],
    ['any', any],
    ['all', all],
  ] as const)('%s rejects an axis out of range or repeated', (name, op) => {
    expect(() => op(x, 2)).toThrow(ValueError);
    expect(() => op(x, 2)).toThrow(new RegExp(`^${name}: axis must be an integer in \\[-2, 1\\], received axis=2`));
    expect(() => op(x, [0, -2])).toThrow(ValueError);
    expect(() => op(x, [0, -2])).toThrow(/axis must not repeat an axis, received axis=\[0, -2\]/);
    expect(() => op(x, 0.5)).toThrow(/received axis=0.5/);
  });

  it('max and min over an empty axis have no identity', () => {
    const f = () => max(tensor([], [0, 3]), 0);
    expect(f).toThrow(ValueError);
    expect(f).toThrow('max: the reduced axes must not be empty (there is no identity), received x.shape=(0, 3)');
    expect(() => min(tensor([], [0]))).toThrow(/^min: the reduced axes must not be empty/);
    expect(max(tensor([], [0, 3]), 1).shape).toEqual([0]);
  });
});
