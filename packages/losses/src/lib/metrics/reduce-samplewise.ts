import { ShapeError, Tensor, broadcastTo, formatShape, mean, mul, noGrad, sum } from '@strata/tensor';
import { applyMask, squeezeOrExpandToSameRank } from '../losses/reduction';

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

/**
 * Keras's `reduce_to_samplewise_values`: weights `values` by `sampleWeight` (after merging the
 * values' own mask into the weights, which Keras does only when there are weights), reduces
 * the extra axes of `values` with `reduce`, and returns per-sample values and weights.
 * @internal
 */
export function reduceToSamplewise(
  values: Tensor,
  sampleWeight: Tensor | null,
  mask: Tensor | null,
  reduce: 'sum' | 'mean',
): { values: Tensor; weight: Tensor | null } {
  return noGrad(() => {
    const fn = reduce === 'sum' ? sum : mean;
    let weight = sampleWeight;
    if (weight !== null && sampleWeight !== null) {
      if (mask !== null) weight = applyMask(weight, mask, 'sum') as Tensor;
      [values, weight] = squeezeOrExpandToSameRank(values, weight);
      if (values.rank > weight.rank) values = fn(values, range(weight.rank, values.rank));
      try {
        weight = broadcastTo(weight, values.shape);
      } catch {
        throw new ShapeError(
          `Metric: sampleWeight must broadcast to the per-sample values, received ` +
            `sampleWeight.shape=${formatShape(sampleWeight.shape)} for values of shape ${formatShape(values.shape)}`,
        );
      }
      values = mul(values, weight);
      if (weight.rank > 1) weight = fn(weight, range(1, weight.rank));
    }
    if (values.rank > 1) values = fn(values, range(1, values.rank));
    return { values, weight };
  });
}
