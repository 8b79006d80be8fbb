import { Tensor } from '@strata/tensor';
import { checkBoolean } from '../losses/check';
import { sparseTopKCategoricalAccuracy } from './accuracy-functions';
import { MeanFunctionMetric } from './mean-function-metric';
import { TopKOptions, checkK } from './top-k-categorical-accuracy';

/** Options of {@link SparseTopKCategoricalAccuracy}. */
export interface SparseTopKOptions extends TopKOptions {
  /** `yPred` holds class ids sorted by score (best first) instead of scores. Default `false`. */
  fromSortedIds?: boolean;
}

/**
 * `keras.metrics.SparseTopKCategoricalAccuracy` (default name
 * `'sparse_top_k_categorical_accuracy'`): how often the integer label is among the `k` highest
 * predictions (ties count as hits), or among the first `k` ids with `fromSortedIds`.
 *
 * Config: `from_sorted_ids` is written only when true, as Keras does.
 *
 * Shapes: `yTrue` `[batch]` or `[batch, 1]`, `yPred` `[batch, classes]`.
 * @example
 * const m = new SparseTopKCategoricalAccuracy({ k: 1 });
 * m.updateState([2, 1], [[0.1, 0.9, 0.8], [0.05, 0.95, 0]]);
 * m.result(); // 0.5
 */
export class SparseTopKCategoricalAccuracy extends MeanFunctionMetric {
  static override readonly className: string = 'SparseTopKCategoricalAccuracy';
  static override readonly optionalConfigKeys: readonly string[] = ['from_sorted_ids'];
  readonly k: number;
  readonly fromSortedIds: boolean;

  constructor(options: SparseTopKOptions = {}) {
    super(options, 'sparse_top_k_categorical_accuracy');
    this.k = checkK(this.who, options.k ?? 5);
    this.fromSortedIds = checkBoolean(this.who, 'fromSortedIds', options.fromSortedIds ?? false);
  }

  protected override compute(yTrue: Tensor, yPred: Tensor): Tensor {
    return sparseTopKCategoricalAccuracy(yTrue, yPred, { k: this.k, fromSortedIds: this.fromSortedIds });
  }

  override getConfig(): Record<string, unknown> {
    const config = { ...super.getConfig(), k: this.k };
    return this.fromSortedIds ? { ...config, from_sorted_ids: true } : config;
  }
}
