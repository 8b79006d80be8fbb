import { Tensor } from '@strata/tensor';
import { meanAbsoluteError } from '../losses/regression-functions';
import { MeanFunctionMetric } from './mean-function-metric';
import { MetricOptions } from './metric';

/**
 * `keras.metrics.MeanAbsoluteError` (default name `'mean_absolute_error'`): the weighted mean over all samples seen of
 * the mean of `|yTrue - yPred|` over the last axis.
 *
 * Shapes: as `meanAbsoluteError`; `sampleWeight` `[batch]` (or broadcastable to the per-sample values).
 * @example
 * const m = new MeanAbsoluteError();
 * m.updateState([[0, 1], [0, 0]], [[1, 1], [0, 0]]);
 * m.result(); // 0.25
 */
export class MeanAbsoluteError extends MeanFunctionMetric {
  static override readonly className: string = 'MeanAbsoluteError';

  constructor(options: MetricOptions = {}) {
    super(options, 'mean_absolute_error');
  }

  protected override compute(yTrue: Tensor, yPred: Tensor): Tensor {
    return meanAbsoluteError(yTrue, yPred);
  }
}
