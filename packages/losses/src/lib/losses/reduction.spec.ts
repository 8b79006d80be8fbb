import { ShapeError, ValueError, tensor, zeros } from '@strata/tensor';
import { expectClose } from '@strata/tensor/testing';
import { applyMask, divideNoNan, reduceWeightedValues, squeezeOrExpandToSameRank, standardizeReduction } from './reduction';

describe('standardizeReduction', () => {
  it.each(['sum_over_batch_size', 'sum', 'mean', 'mean_with_sample_weight', 'none', null] as const)('accepts %s', (r) => {
    expect(standardizeReduction(r, 'X')).toBe(r);
  });

  it('rejects anything else, naming the value', () => {
    expect(() => standardizeReduction('auto', 'MeanSquaredError')).toThrow(ValueError);
    expect(() => standardizeReduction('auto', 'MeanSquaredError')).toThrow(/MeanSquaredError: reduction must be one of .*received reduction='auto'/);
    expect(() => standardizeReduction(undefined, 'X')).toThrow(/reduction=undefined/);
  });
});

describe('squeezeOrExpandToSameRank', () => {
  const shapes = (a: number[], b: number[], expand = true) =>
    squeezeOrExpandToSameRank(zeros(a), zeros(b), expand).map((t) => t.shape);

  it('expands a rank-1 tensor against a trailing size-1 axis', () => {
    expect(shapes([4], [4, 1])).toEqual([[4, 1], [4, 1]]);
    expect(shapes([4, 1], [4])).toEqual([[4, 1], [4, 1]]);
  });

  it('squeezes the trailing size-1 axis otherwise', () => {
    expect(shapes([4, 3, 1], [4, 3])).toEqual([[4, 3], [4, 3]]);
    expect(shapes([4], [4, 1], false)).toEqual([[4], [4]]);
  });

  it('leaves equal ranks and other shapes alone', () => {
    expect(shapes([4, 3], [4, 3])).toEqual([[4, 3], [4, 3]]);
    expect(shapes([4], [4, 3])).toEqual([[4], [4, 3]]);
    expect(shapes([2], [2, 3, 1])).toEqual([[2], [2, 3, 1]]);
  });
});

describe('reduceWeightedValues', () => {
  const v = tensor([1, 2, 3, 6]);
  const w = tensor([1, 0, 2, 0.5]);

  it('reduces as each reduction says', () => {
    expect(reduceWeightedValues(v, null, null, 'sum_over_batch_size').item()).toBe(3);
    expect(reduceWeightedValues(v, null, null, 'sum').item()).toBe(12);
    expect(reduceWeightedValues(v, w, null, 'sum').item()).toBe(10);
    expect(reduceWeightedValues(v, w, null, 'mean').item()).toBe(2.5);
    expect(reduceWeightedValues(v, w, null, 'mean_with_sample_weight').item()).toBeCloseTo(10 / 3.5, 6);
    expect(reduceWeightedValues(v, w, null, 'none').toArray()).toEqual([1, 0, 6, 3]);
    expect(reduceWeightedValues(v, w, null, null).toArray()).toEqual([1, 0, 6, 3]);
  });

  it('returns a scalar or an empty vector unreduced', () => {
    expect(reduceWeightedValues(tensor(5), null, null, 'sum_over_batch_size').item()).toBe(5);
    expect(reduceWeightedValues(zeros([0]), null, null, 'sum').shape).toEqual([0]);
  });

  it('averages over the kept entries only when a mask is given', () => {
    const mask = tensor([true, false, true, false]);
    expect(reduceWeightedValues(v, null, mask, 'sum_over_batch_size').item()).toBe(2); // (1 + 3) / 2
    expect(reduceWeightedValues(v, null, mask, 'sum').item()).toBe(4);
    expect(reduceWeightedValues(v, w, mask, 'mean_with_sample_weight').item()).toBeCloseTo(7 / 3, 6);
    // Nothing kept: 0, not NaN.
    expect(reduceWeightedValues(v, null, tensor([false, false, false, false]), 'mean').item()).toBe(0);
  });

  it('weights per-timestep losses by [batch, 1] weights and broadcasts them', () => {
    const seq = tensor([[1, 2], [3, 4]]);
    expectClose(reduceWeightedValues(seq, tensor([[2], [0]]), null, 'sum_over_batch_size'), 1.5);
  });

  it('divides the sum by 0 as 0 (divide_no_nan)', () => {
    expect(reduceWeightedValues(v, zeros([4]), null, 'mean_with_sample_weight').item()).toBe(0);
    expect(divideNoNan(tensor([1, 2]), tensor([0, 4])).toArray()).toEqual([0, 0.5]);
  });

  it('rejects weights that do not broadcast, naming both shapes', () => {
    const seq = zeros([2, 3]);
    expect(() => reduceWeightedValues(seq, zeros([2]), null, 'sum')).toThrow(ShapeError);
    expect(() => reduceWeightedValues(seq, zeros([2]), null, 'sum')).toThrow(
      /sampleWeight must broadcast .*sampleWeight.shape=\(2,\) for losses of shape \(2, 3\)/,
    );
  });
});

describe('applyMask', () => {
  it('scales kept entries by total / valid for the averaging reductions', () => {
    const m = tensor([true, false, true, true]);
    expectClose(applyMask(null, m, 'sum_over_batch_size') ?? zeros([0]), [4 / 3, 0, 4 / 3, 4 / 3]);
    expect(applyMask(null, m, 'sum')?.toArray()).toEqual([1, 0, 1, 1]);
    expect(applyMask(tensor([2, 2, 2, 2]), m, 'none')?.toArray()).toEqual([2, 0, 2, 2]);
    expect(applyMask(tensor([2]), null, 'sum')?.toArray()).toEqual([2]);
  });
});
