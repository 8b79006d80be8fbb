import { Tensor } from '@strata/tensor';
import { squaredHinge } from '../losses/hinge-functions';
import { MeanFunctionMetric } from './mean-function-metric';
import { MetricOptions } from './metric';

/**
 * `keras.metrics.SquaredHinge` (default name `'squared_hinge'`): the weighted mean over all samples seen of
 * the mean of `max(1 - yTrue * yPred, 0)^2` over the last axis (0/1 labels become -1/1).
 *
 * Shapes: as `squaredHinge`; `sampleWeight` `[batch]` (or broadcastable to the per-sample values).
 * @example
 * const m = new SquaredHinge();
 * m.updateState([[1, 0]], [[0.6, -0.4]]);
 * m.result(); // 0.26
 */
export class SquaredHinge extends MeanFunctionMetric {
  static override readonly className: string = 'SquaredHinge';

  constructor(options: MetricOptions = {}) {
    super(options, 'squared_hinge');
  }

  protected override compute(yTrue: Tensor, yPred: Tensor): Tensor {
    return squaredHinge(yTrue, yPred);
  }
}
