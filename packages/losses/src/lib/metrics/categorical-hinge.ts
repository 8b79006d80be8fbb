import { Tensor } from '@strata/tensor';
import { categoricalHinge } from '../losses/hinge-functions';
import { MeanFunctionMetric } from './mean-function-metric';
import { MetricOptions } from './metric';

/**
 * `keras.metrics.CategoricalHinge` (default name `'categorical_hinge'`): the weighted mean over all samples seen of
 * `max(max((1 - yTrue) * yPred) - sum(yTrue * yPred) + 1, 0)` over the last axis.
 *
 * Shapes: as `categoricalHinge`; `sampleWeight` `[batch]` (or broadcastable to the per-sample values).
 * @example
 * const m = new CategoricalHinge();
 * m.updateState([[0, 1, 0]], [[0.2, 0.5, 0.3]]);
 * m.result(); // 0.8
 */
export class CategoricalHinge extends MeanFunctionMetric {
  static override readonly className: string = 'CategoricalHinge';

  constructor(options: MetricOptions = {}) {
    super(options, 'categorical_hinge');
  }

  protected override compute(yTrue: Tensor, yPred: Tensor): Tensor {
    return categoricalHinge(yTrue, yPred);
  }
}
