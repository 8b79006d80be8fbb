import { Tensor } from '@strata/tensor';
import { meanSquaredError } from '../losses/regression-functions';
import { MeanFunctionMetric } from './mean-function-metric';
import { MetricOptions } from './metric';

/**
 * `keras.metrics.MeanSquaredError` (default name `'mean_squared_error'`): the weighted mean over all samples seen of
 * the mean of `(yTrue - yPred)^2` over the last axis.
 *
 * Shapes: as `meanSquaredError`; `sampleWeight` `[batch]` (or broadcastable to the per-sample values).
 * @example
 * const m = new MeanSquaredError();
 * m.updateState([[0, 1], [0, 0]], [[1, 1], [0, 0]]);
 * m.result(); // 0.25
 */
export class MeanSquaredError extends MeanFunctionMetric {
  static override readonly className: string = 'MeanSquaredError';

  constructor(options: MetricOptions = {}) {
    super(options, 'mean_squared_error');
  }

  protected override compute(yTrue: Tensor, yPred: Tensor): Tensor {
    return meanSquaredError(yTrue, yPred);
  }
}
