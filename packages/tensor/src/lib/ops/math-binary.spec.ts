import fc from 'fast-check';
import { grads } from '../autodiff';
import { ShapeError } from '../errors';
import { Tensor, tensor } from '../tensor';
import { checkGradients } from '../testing/check-gradients';
import { mul } from './arithmetic';
import { clip, floorDiv, maximum, minimum, mod, pow, squaredDifference } from './math-binary';
import { sum } from './reduce';

const values = (t: Tensor) => Array.from(t.data);
const int = (v: number[] | number[][]) => tensor(v, undefined, 'int32');
const gradsOf = (f: (a: Tensor, b: Tensor) => Tensor, a: Tensor, b: Tensor) =>
  grads((x, y) => sum(f(x, y)))([a, b]).map(values);

describe('pow', () => {
  it('computes goldens and keeps int32', () => {
    expect(values(pow(tensor([2, 3, 4, 0]), tensor([3, 2, 0.5, 0])))).toEqual([8, 9, 2, 1]);
    expect(values(pow(tensor([-2, -8]), tensor([3, 0.5])))).toEqual([-8, NaN]);
    const p = pow(int([2, 3]), 2);
    expect(p.dtype).toBe('int32');
    expect(values(p)).toEqual([4, 9]);
  });

  it('has JAX gradients, including log(0) read as 0', () => {
    expect(gradsOf(pow, tensor([3, 0]), tensor([2, 2]))).toEqual([
      [6, 0],
      [Math.fround(9 * Math.log(3)), 0],
    ]);
    checkGradients(pow, [tensor([[0.5, 1.5, 2.5], [3, 1.2, 0.8]]), tensor([[2], [-0.5]])]);
  });
});

describe('maximum and minimum', () => {
  it('compute goldens, broadcast and propagate NaN', () => {
    expect(maximum(tensor([[1, 5], [7, 2]]), tensor([3, 3])).toArray()).toEqual([[3, 5], [7, 3]]);
    expect(minimum(tensor([[1, 5], [7, 2]]), 3).toArray()).toEqual([[1, 3], [3, 2]]);
    expect(values(maximum(tensor([NaN, 1]), tensor([1, NaN])))).toEqual([NaN, NaN]);
    expect(maximum(int([1, 4]), int([2, 3])).dtype).toBe('int32');
  });

  it('send the gradient to the winner and split ties equally (as jax.grad)', () => {
    expect(gradsOf(maximum, tensor([1, 3, 2]), tensor([2, 3, 1]))).toEqual([
      [0, 0.5, 1],
      [1, 0.5, 0],
    ]);
    expect(gradsOf(minimum, tensor([1, 3, 2]), tensor([2, 3, 1]))).toEqual([
      [1, 0.5, 0],
      [0, 0.5, 1],
    ]);
  });

  it('agree with finite differences when broadcasting (ties included: both give 1/2)', () => {
    const a = tensor([[0.1, 2.4, -1], [0.7, 0.3, 1.5]]);
    const b = tensor([0.5, 1, -1]);
    checkGradients(maximum, [a, b]);
    checkGradients(minimum, [a, b]);
  });
});

describe('mod and floorDiv', () => {
  it('follow Python: the remainder takes the divisor sign', () => {
    const a = tensor([-7, 7, -7, 7, 7.5, -7.5]);
    const b = tensor([3, -3, -3, 3, -2, 2]);
    expect(values(mod(a, b))).toEqual([2, -2, -1, 1, -0.5, 0.5]);
    expect(values(floorDiv(a, b))).toEqual([-3, -3, 2, 2, -4, -4]);
  });

  it('keep int32, give NaN / 0 on a zero divisor (float / int32, as JAX)', () => {
    const m = mod(int([-7, 7, 5]), int([3, -3, 0]));
    expect(m.dtype).toBe('int32');
    expect(values(m)).toEqual([2, -2, 0]);
    expect(values(floorDiv(int([-7, 7]), int([2, -2])))).toEqual([-4, -4]);
    expect(values(mod(tensor([1]), 0))).toEqual([NaN]);
    expect(values(floorDiv(tensor([1, -1, 0]), 0))).toEqual([Infinity, -Infinity, NaN]);
  });

  it('floorDiv uses fmod, so 1 // 0.1 is 9 as in NumPy and JAX', () => {
    expect(values(floorDiv(tensor([1]), tensor([0.1])))).toEqual([9]);
  });

  it('mod has gradients 1 and -floorDiv(a, b)', () => {
    expect(gradsOf(mod, tensor([-7, 7.5]), tensor([3, -2]))).toEqual([
      [1, 1],
      [3, 4],
    ]);
    checkGradients(mod, [tensor([[-7.3, 7.6, 2.2], [1.1, -1.2, 0.4]]), tensor([2, -2.5, 3])]);
  });

  it('satisfies a = floorDiv(a, b) * b + mod(a, b) with |mod| < |b| (int32)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -50, max: 50 }).filter((v) => v !== 0), (a, b) => {
        const q = floorDiv(int([a]), int([b])).data[0];
        const r = mod(int([a]), int([b])).data[0];
        expect(q * b + r).toBe(a);
        expect(Math.abs(r)).toBeLessThan(Math.abs(b));
        expect(r === 0 || Math.sign(r) === Math.sign(b)).toBe(true);
      }),
      { seed: 42, numRuns: 50 },
    );
  });
});

describe('squaredDifference', () => {
  it('computes (a - b)^2 with broadcasting and gradients', () => {
    expect(squaredDifference(tensor([[1, 4], [0, -2]]), tensor([3, 1])).toArray()).toEqual([[4, 9], [9, 9]]);
    checkGradients(squaredDifference, [tensor([[1, 4, 0.5], [0, -2, 3]]), tensor([[3], [1]])]);
  });
});

describe('clip', () => {
  it('limits to [min, max]; max wins when min > max', () => {
    expect(values(clip(tensor([-1, 0.5, 3]), 0, 1))).toEqual([0, 0.5, 1]);
    expect(values(clip(tensor([-1, 5]), 3, 2))).toEqual([2, 2]);
  });

  it('turns bool into int32 and promotes int32 with a fractional bound (as jnp.clip)', () => {
    const b = clip(tensor([true, false]), 0, 1);
    expect(b.dtype).toBe('int32');
    expect(clip(int([1, 5]), 0, 3).dtype).toBe('int32');
    const f = clip(int([1, 5]), 0.5, 2.5);
    expect(f.dtype).toBe('float32');
    expect(values(f)).toEqual([1, 2.5]);
  });

  it('has gradient 1 inside, 0 outside, 1/2 at a bound; tensor bounds get the rest', () => {
    const g = grads((x, lo, hi) => sum(mul(clip(x, lo, hi), tensor([1, 2, 3, 4, 5]))));
    const [gx, glo, ghi] = g([tensor([-2, -1, 0, 1, 2]), tensor(-1), tensor(1)]).map(values);
    expect(gx).toEqual([0, 1, 3, 2, 0]);
    expect(glo).toEqual([1 + 1]);
    expect(ghi).toEqual([2 + 5]);
    checkGradients((x) => clip(x, -1, 1), [tensor([-1.5, -0.6, 0.2, 0.9, 1.4])]);
  });
});

describe('binary math: errors', () => {
  it.each([
    ['pow', pow],
    ['maximum', maximum],
    ['minimum', minimum],
    ['mod', mod],
    ['floorDiv', floorDiv],
    ['squaredDifference', squaredDifference],
  ] as const)('%s rejects shapes that do not broadcast', (name, op) => {
    const f = () => op(tensor([1, 2, 3]), tensor([1, 2]));
    expect(f).toThrow(ShapeError);
    expect(f).toThrow(new RegExp(`^${name}: shapes \\(3,\\) and \\(2,\\) cannot be broadcast together`));
  });

  it('clip rejects bounds that do not broadcast', () => {
    const f = () => clip(tensor([1, 2, 3]), tensor([0, 0]), 1);
    expect(f).toThrow(ShapeError);
    expect(f).toThrow(/maximum: shapes \(3,\) and \(2,\)/);
  });

  it('sums bound gradients back to their shapes', () => {
    const [glo] = grads((lo) => sum(clip(tensor([[-2, 3], [0, -4]]), lo, 10)))([tensor([[-1], [-3]])]);
    expect(glo.toArray()).toEqual([[1], [1]]);
  });
});
