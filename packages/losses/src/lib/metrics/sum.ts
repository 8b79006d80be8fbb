import { TensorLike } from '@strata/tensor';
import { toFloat } from '../losses/reduction';
import { sum32 } from './mean';
import { Metric, MetricOptions } from './metric';
import { reduceToSamplewise } from './reduce-samplewise';

/**
 * The weighted sum of everything passed in (`keras.metrics.Sum`, name `'sum'`):
 * `result = sum(w * v)`.
 *
 * Shapes: `values` any; `sampleWeight` broadcastable to `values`.
 * @example
 * const m = new Sum();
 * m.updateState([1, 3, 5, 7]);
 * m.result(); // 16
 */
export class Sum extends Metric {
  static override readonly className: string = 'Sum';
  private total = 0;

  constructor(options: MetricOptions = {}) {
    super(options, 'sum');
  }

  /** Folds in `values`, weighted by `sampleWeight`. */
  override updateState(values: TensorLike, sampleWeight?: TensorLike | null): void {
    const w = sampleWeight === undefined || sampleWeight === null ? null : toFloat(sampleWeight);
    const { values: v } = reduceToSamplewise(toFloat(values), w, null, 'sum');
    this.total = Math.fround(this.total + sum32(v.data));
  }

  override result(): number {
    return this.total;
  }

  override resetState(): void {
    this.total = 0;
  }
}
