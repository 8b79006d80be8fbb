import { Tensor } from '@strata/tensor';
import { hinge } from '../losses/hinge-functions';
import { MeanFunctionMetric } from './mean-function-metric';
import { MetricOptions } from './metric';

/**
 * `keras.metrics.Hinge` (default name `'hinge'`): the weighted mean over all samples seen of
 * the mean of `max(1 - yTrue * yPred, 0)` over the last axis (0/1 labels become -1/1).
 *
 * Shapes: as `hinge`; `sampleWeight` `[batch]` (or broadcastable to the per-sample values).
 * @example
 * const m = new Hinge();
 * m.updateState([[1, 0]], [[0.6, -0.4]]);
 * m.result(); // 0.5
 */
export class Hinge extends MeanFunctionMetric {
  static override readonly className: string = 'Hinge';

  constructor(options: MetricOptions = {}) {
    super(options, 'hinge');
  }

  protected override compute(yTrue: Tensor, yPred: Tensor): Tensor {
    return hinge(yTrue, yPred);
  }
}
