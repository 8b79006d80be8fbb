import { Tensor } from '@strata/tensor';
import { meanAbsolutePercentageError } from '../losses/regression-functions';
import { MeanFunctionMetric } from './mean-function-metric';
import { MetricOptions } from './metric';

/**
 * `keras.metrics.MeanAbsolutePercentageError` (default name `'mean_absolute_percentage_error'`): the weighted mean over all samples seen of
 * `100 * mean(|(yTrue - yPred) / max(|yTrue|, 1e-7)|)` over the last axis.
 *
 * Shapes: as `meanAbsolutePercentageError`; `sampleWeight` `[batch]` (or broadcastable to the per-sample values).
 * @example
 * const m = new MeanAbsolutePercentageError();
 * m.updateState([[1, 2], [4, 5]], [[1.5, 2], [3, 5.5]]);
 * m.result(); // 21.25
 */
export class MeanAbsolutePercentageError extends MeanFunctionMetric {
  static override readonly className: string = 'MeanAbsolutePercentageError';

  constructor(options: MetricOptions = {}) {
    super(options, 'mean_absolute_percentage_error');
  }

  protected override compute(yTrue: Tensor, yPred: Tensor): Tensor {
    return meanAbsolutePercentageError(yTrue, yPred);
  }
}
