import { Tensor } from '@strata/tensor';
import { sparseCategoricalAccuracy } from './accuracy-functions';
import { MeanFunctionMetric } from './mean-function-metric';
import { MetricOptions } from './metric';

/**
 * `keras.metrics.SparseCategoricalAccuracy` (default name `'sparse_categorical_accuracy'`): the weighted mean over all samples seen of
 * 1 where the integer label equals `argmax(yPred)` over the last axis, else 0.
 *
 * Shapes: as `sparseCategoricalAccuracy`; `sampleWeight` `[batch]` (or broadcastable to the per-sample values).
 * @example
 * const m = new SparseCategoricalAccuracy();
 * m.updateState([2, 1], [[0.1, 0.6, 0.3], [0.05, 0.95, 0]]);
 * m.result(); // 0.5
 */
export class SparseCategoricalAccuracy extends MeanFunctionMetric {
  static override readonly className: string = 'SparseCategoricalAccuracy';

  constructor(options: MetricOptions = {}) {
    super(options, 'sparse_categorical_accuracy');
  }

  protected override compute(yTrue: Tensor, yPred: Tensor): Tensor {
    return sparseCategoricalAccuracy(yTrue, yPred);
  }
}
