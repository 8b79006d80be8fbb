import {
  ShapeError,
  Tensor,
  TensorLike,
  ValueError,
  asTensor,
  broadcastShapes,
  cast,
  div,
  equal,
  expandDims,
  formatShape,
  mul,
  show,
  squeeze,
  sum,
  where,
} from '@strata/tensor';

/**
 * How a `Loss` turns per-sample losses into its result (Keras's `reduction`):
 * `'sum_over_batch_size'` and `'mean'` divide the weighted sum by the number of loss values,
 * `'sum'` returns the weighted sum, `'mean_with_sample_weight'` divides it by the sum of the
 * sample weights, and `'none'` / `null` return the weighted per-sample losses.
 */
export type Reduction = 'sum_over_batch_size' | 'sum' | 'mean' | 'mean_with_sample_weight' | 'none' | null;

const REDUCTIONS: readonly Reduction[] = ['sum_over_batch_size', 'sum', 'mean', 'mean_with_sample_weight', 'none', null];

/**
 * Keras's `standardize_reduction`: returns `reduction` when it is one of the allowed values,
 * otherwise throws a `ValueError` naming `who` and the value.
 * @example standardizeReduction('sum', 'MeanSquaredError'); // 'sum'
 */
export function standardizeReduction(reduction: unknown, who: string): Reduction {
  if (!REDUCTIONS.includes(reduction as Reduction)) {
    throw new ValueError(
      `${who}: reduction must be one of 'sum_over_batch_size', 'sum', 'mean', 'mean_with_sample_weight', ` +
        `'none' or null, received reduction=${show(reduction)}`,
    );
  }
  return reduction as Reduction;
}

/** A float32 tensor from anything `tensor()` accepts (Keras's `convert_to_tensor(x, dtype)`). */
export function toFloat(x: TensorLike): Tensor {
  return cast(asTensor(x), 'float32');
}

/**
 * Keras's `squeeze_or_expand_to_same_rank`: when the ranks differ by exactly one and the longer
 * one ends in a size-1 axis, that axis is squeezed away, or, when the shorter one has rank 1 and
 * `expandRank1` is true, the shorter one gets a trailing size-1 axis instead.
 *
 * Shapes: `[4]` and `[4, 1]` give `[4, 1]` and `[4, 1]`; `[4, 3]` and `[4, 3, 1]` give `[4, 3]` twice.
 * @example squeezeOrExpandToSameRank(tensor([1, 0]), tensor([[0.2], [0.9]])); // both [2, 1]
 */
export function squeezeOrExpandToSameRank(x1: Tensor, x2: Tensor, expandRank1 = true): [Tensor, Tensor] {
  const r1 = x1.rank;
  const r2 = x2.rank;
  if (r1 === r2) return [x1, x2];
  if (r1 === r2 + 1 && x1.shape[r1 - 1] === 1) {
    if (r2 === 1 && expandRank1) x2 = expandDims(x2, -1);
    else x1 = squeeze(x1, -1);
  }
  if (r2 === r1 + 1 && x2.shape[r2 - 1] === 1) {
    if (r1 === 1 && expandRank1) x1 = expandDims(x1, -1);
    else x2 = squeeze(x2, -1);
  }
  return [x1, x2];
}

/**
 * Throws a `ShapeError` naming `who` and both shapes unless `a` and `b` broadcast together.
 * @internal
 */
export function checkBroadcast(who: string, a: Tensor, b: Tensor, aName = 'yTrue', bName = 'yPred'): void {
  try {
    broadcastShapes(a.shape, b.shape, who);
  } catch {
    throw new ShapeError(
      `${who}: ${aName} and ${bName} must have broadcastable shapes, received ` +
        `${aName}.shape=${formatShape(a.shape)}, ${bName}.shape=${formatShape(b.shape)}`,
    );
  }
}

/** `a / b`, with 0 where `b` is 0 (Keras's `divide_no_nan`; the gradient there is 0 as well). */
export function divideNoNan(a: TensorLike, b: TensorLike): Tensor {
  const zero = equal(b, 0);
  return where(zero, 0, div(a, where(zero, 1, b)));
}

/**
 * Keras's `apply_mask`: merges a mask (true = keep) into the sample weights. For the
 * `'sum_over_batch_size'` and `'mean'` reductions the kept entries are scaled by
 * `total / valid`, so that dividing by the number of values averages over the kept ones only.
 */
export function applyMask(sampleWeight: Tensor | null, mask: Tensor | null, reduction: Reduction): Tensor | null {
  if (mask === null) return sampleWeight;
  let floatMask: Tensor;
  if (reduction === 'mean' || reduction === 'sum_over_batch_size') {
    const valid = sum(cast(mask, 'float32')).item();
    const scale = valid === 0 ? 0 : Math.fround(mask.size) / valid;
    floatMask = where(cast(mask, 'bool'), scale, 0);
  } else floatMask = cast(mask, 'float32');
  if (sampleWeight === null) return floatMask;
  const [m, w] = squeezeOrExpandToSameRank(floatMask, sampleWeight);
  return mul(w, m);
}

function weightValues(who: string, values: Tensor, weight: Tensor): [Tensor, Tensor] {
  const [v, w] = squeezeOrExpandToSameRank(values, weight);
  try {
    broadcastShapes(v.shape, w.shape, who);
  } catch {
    throw new ShapeError(
      `${who}: sampleWeight must broadcast against the per-sample losses, received ` +
        `sampleWeight.shape=${formatShape(weight.shape)} for losses of shape ${formatShape(values.shape)}`,
    );
  }
  return [mul(v, w), w];
}

/**
 * Keras's `reduce_weighted_values`: weights the per-sample `values` by `sampleWeight` (after
 * merging `mask` into it) and reduces them as `reduction` says. A scalar or empty `values`
 * is returned as is. Differentiable with respect to `values`.
 *
 * Shapes: `values` any; `sampleWeight` broadcastable to it after
 * {@link squeezeOrExpandToSameRank}. The result is a scalar, or `values`' shape for `'none'`.
 * @example reduceWeightedValues(tensor([1, 3]), tensor([1, 0]), null, 'sum_over_batch_size'); // 0.5
 */
export function reduceWeightedValues(
  values: Tensor,
  sampleWeight: Tensor | null,
  mask: Tensor | null,
  reduction: Reduction,
  who = 'Loss',
): Tensor {
  reduction = standardizeReduction(reduction, who);
  let weight = applyMask(sampleWeight === null ? null : toFloat(sampleWeight), mask, reduction);
  if (weight !== null) [values, weight] = weightValues(who, values, weight);
  if (reduction === null || reduction === 'none' || values.rank === 0 || (values.rank === 1 && values.size === 0)) {
    return values;
  }
  const total = sum(values);
  if (reduction === 'sum') return total;
  const divisor =
    reduction === 'mean_with_sample_weight' && weight !== null ? sum(weight) : Math.fround(values.size);
  return divideNoNan(total, divisor);
}
