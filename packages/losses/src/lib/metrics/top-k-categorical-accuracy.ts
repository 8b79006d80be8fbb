import { Tensor, ValueError, show } from '@strata/tensor';
import { topKCategoricalAccuracy } from './accuracy-functions';
import { MeanFunctionMetric } from './mean-function-metric';
import { MetricOptions } from './metric';

/** Options of {@link TopKCategoricalAccuracy} and {@link SparseTopKCategoricalAccuracy}. */
export interface TopKOptions extends MetricOptions {
  /** How many of the highest scores count as a hit. Default 5. */
  k?: number;
}

/** A positive integer `k`. @internal */
export function checkK(who: string, k: unknown): number {
  if (typeof k !== 'number' || !Number.isInteger(k) || k < 1) {
    throw new ValueError(`${who}: k must be a positive integer, received k=${show(k)}`);
  }
  return k;
}

/**
 * `keras.metrics.TopKCategoricalAccuracy` (default name `'top_k_categorical_accuracy'`): how
 * often the one-hot target's class is among the `k` highest predictions (ties count as hits).
 *
 * Shapes: `yTrue`, `yPred` `[batch, ..., classes]`.
 * @example
 * const m = new TopKCategoricalAccuracy({ k: 1 });
 * m.updateState([[0, 0, 1], [0, 1, 0]], [[0.1, 0.9, 0.8], [0.05, 0.95, 0]]);
 * m.result(); // 0.5
 */
export class TopKCategoricalAccuracy extends MeanFunctionMetric {
  static override readonly className: string = 'TopKCategoricalAccuracy';
  readonly k: number;

  constructor(options: TopKOptions = {}) {
    super(options, 'top_k_categorical_accuracy');
    this.k = checkK(this.who, options.k ?? 5);
  }

  protected override compute(yTrue: Tensor, yPred: Tensor): Tensor {
    return topKCategoricalAccuracy(yTrue, yPred, { k: this.k });
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), k: this.k };
  }
}
