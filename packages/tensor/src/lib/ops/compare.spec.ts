import fc from 'fast-check';
import { grad } from '../autodiff';
import { ShapeError } from '../errors';
import { tensor } from '../tensor';
import {
  equal,
  greater,
  greaterEqual,
  isFinite,
  isNaN,
  less,
  lessEqual,
  logicalAnd,
  logicalNot,
  logicalOr,
  logicalXor,
  notEqual,
} from './compare';
import { mul } from './arithmetic';
import { sum } from './reduce';
import { cast } from './elementwise';

const int = (v: number[]) => tensor(v, undefined, 'int32');

describe('comparisons', () => {
  const a = tensor([1, 2, 3, NaN]);
  const b = tensor([2, 2, 2, NaN]);

  it('give bool goldens, NaN equal to nothing', () => {
    expect(equal(a, b).toArray()).toEqual([false, true, false, false]);
    expect(notEqual(a, b).toArray()).toEqual([true, false, true, true]);
    expect(greater(a, b).toArray()).toEqual([false, false, true, false]);
    expect(greaterEqual(a, b).toArray()).toEqual([false, true, true, false]);
    expect(less(a, b).toArray()).toEqual([true, false, false, false]);
    expect(lessEqual(a, b).toArray()).toEqual([true, true, false, false]);
    expect(equal(a, b).dtype).toBe('bool');
  });

  it('broadcast, accept numbers on either side, and treat -0 as 0', () => {
    expect(greater(tensor([[1], [5]]), tensor([2, 4])).toArray()).toEqual([[false, false], [true, true]]);
    expect(less(2, tensor([1, 3])).toArray()).toEqual([false, true]);
    expect(equal(tensor([-0]), 0).toArray()).toEqual([true]);
  });

  it('compare int32 with a fractional number without truncating it (weak typing)', () => {
    expect(equal(int([1, 2]), 1.5).toArray()).toEqual([false, false]);
    expect(less(int([1, 2]), 1.5).toArray()).toEqual([true, false]);
    expect(equal(int([2147483647]), 2147483647).toArray()).toEqual([true]);
  });

  it('compare float32 data with a number rounded to float32, as Keras', () => {
    expect(equal(tensor([0.1]), 0.1).toArray()).toEqual([true]);
  });

  it('rejects shapes that do not broadcast', () => {
    const f = () => equal(tensor([1, 2, 3]), tensor([1, 2]));
    expect(f).toThrow(ShapeError);
    expect(f).toThrow(/^equal: shapes \(3,\) and \(2,\) cannot be broadcast together/);
  });

  it('stop gradients (a mask built from a comparison is a constant)', () => {
    const g = grad((x) => sum(mul(x, cast(greater(x, 0), 'float32'))))(tensor([-1, 2]));
    expect(Array.from(g.data)).toEqual([0, 1]);
  });

  it('antisymmetry: exactly one of less, equal, greater holds for numbers', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 5 }), fc.integer({ min: -5, max: 5 }), (x, y) => {
        const count = [less, equal, greater].filter((op) => op(tensor([x]), tensor([y])).data[0] === 1).length;
        expect(count).toBe(1);
        expect(lessEqual(tensor([x]), y).data[0]).toBe(greater(tensor([x]), y).data[0] ? 0 : 1);
      }),
      { seed: 42, numRuns: 50 },
    );
  });
});

describe('logical ops and predicates', () => {
  it('treat non-zero (NaN included) as true', () => {
    const a = tensor([0, 1, 2, NaN]);
    const b = tensor([1, 1, 0, 1]);
    expect(logicalAnd(a, b).toArray()).toEqual([false, true, false, true]);
    expect(logicalOr(a, 0).toArray()).toEqual([false, true, true, true]);
    expect(logicalXor(a, b).toArray()).toEqual([true, false, true, false]);
    expect(logicalNot(a).toArray()).toEqual([true, false, false, false]);
    expect(logicalAnd(tensor([true, false]), tensor([true, true])).toArray()).toEqual([true, false]);
  });

  it('isNaN and isFinite, on float32 and int32', () => {
    const x = tensor([0, NaN, Infinity, -Infinity, -2]);
    expect(isNaN(x).toArray()).toEqual([false, true, false, false, false]);
    expect(isFinite(x).toArray()).toEqual([true, false, false, false, true]);
    expect(isFinite(int([1, 2])).toArray()).toEqual([true, true]);
    expect(isNaN(tensor([[NaN]])).shape).toEqual([1, 1]);
  });

  it('logical ops reject shapes that do not broadcast', () => {
    const g = () => logicalAnd(tensor([1, 0]), tensor([1, 0, 1]));
    expect(g).toThrow(ShapeError);
    expect(g).toThrow(/^logicalAnd: shapes \(2,\) and \(3,\)/);
  });
});
