import { Tensor, TensorLike } from '@strata/tensor';
import { toFloat } from '../losses/reduction';
import { Metric, MetricOptions } from './metric';
import { reduceToSamplewise } from './reduce-samplewise';

/** Adds in float32, as Keras's float32 metric variables do. @internal */
export function sum32(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return Math.fround(s);
}

/**
 * The weighted mean of everything passed in (`keras.metrics.Mean`, name `'mean'`):
 * `result = sum(w * v) / sum(w)`, where values with more axes than the weights are first
 * averaged over the extra axes, and each sample counts once without weights.
 *
 * Shapes: `values` `[batch, ...]`; `sampleWeight` `[batch, ...]` or broadcastable to `values`.
 * @example
 * const m = new Mean();
 * m.updateState([1, 3, 5, 7]);
 * m.updateState([[2, 4]], [0.5]); // one sample worth 3, weight 0.5
 * m.result(); // (16 + 1.5) / 4.5 = 3.889
 */
export class Mean extends Metric {
  static override readonly className: string = 'Mean';
  /** The weighted sum of the values seen (float32). */
  protected total = 0;
  /** The sum of the weights (or the number of samples) seen (float32). */
  protected count = 0;

  /** @param defaultName the name used when `options.name` is undefined (subclasses pass theirs). */
  constructor(options: MetricOptions = {}, defaultName = 'mean') {
    super(options, defaultName);
  }

  /** Folds in `values`, weighted by `sampleWeight`. */
  override updateState(values: TensorLike, sampleWeight?: TensorLike | null): void {
    this.accumulate(toFloat(values), sampleWeight === undefined || sampleWeight === null ? null : toFloat(sampleWeight), null);
  }

  /** Keras's `Mean.update_state` on float32 `values`, with the values' own mask (see `reduceToSamplewise`). */
  protected accumulate(values: Tensor, sampleWeight: Tensor | null, mask: Tensor | null): void {
    const { values: v, weight } = reduceToSamplewise(values, sampleWeight, mask, 'mean');
    this.total = Math.fround(this.total + sum32(v.data));
    const n = weight !== null ? sum32(weight.data) : v.rank >= 1 ? v.shape[0] : 1;
    this.count = Math.fround(this.count + n);
  }

  /** `total / count`, or 0 before any weight was seen. */
  override result(): number {
    return this.count === 0 ? 0 : Math.fround(this.total / this.count);
  }

  override resetState(): void {
    this.total = 0;
    this.count = 0;
  }
}
