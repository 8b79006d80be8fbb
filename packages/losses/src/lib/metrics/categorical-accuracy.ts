import { Tensor } from '@strata/tensor';
import { categoricalAccuracy } from './accuracy-functions';
import { MeanFunctionMetric } from './mean-function-metric';
import { MetricOptions } from './metric';

/**
 * `keras.metrics.CategoricalAccuracy` (default name `'categorical_accuracy'`): the weighted mean over all samples seen of
 * 1 where `argmax(yTrue) == argmax(yPred)` over the last axis, else 0.
 *
 * Shapes: as `categoricalAccuracy`; `sampleWeight` `[batch]` (or broadcastable to the per-sample values).
 * @example
 * const m = new CategoricalAccuracy();
 * m.updateState([[0, 0, 1], [0, 1, 0]], [[0.1, 0.9, 0.8], [0.05, 0.95, 0]]);
 * m.result(); // 0.5
 */
export class CategoricalAccuracy extends MeanFunctionMetric {
  static override readonly className: string = 'CategoricalAccuracy';

  constructor(options: MetricOptions = {}) {
    super(options, 'categorical_accuracy');
  }

  protected override compute(yTrue: Tensor, yPred: Tensor): Tensor {
    return categoricalAccuracy(yTrue, yPred);
  }
}
