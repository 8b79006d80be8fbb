import { Tensor } from '@strata/tensor';
import { meanSquaredLogarithmicError } from '../losses/regression-functions';
import { MeanFunctionMetric } from './mean-function-metric';
import { MetricOptions } from './metric';

/**
 * `keras.metrics.MeanSquaredLogarithmicError` (default name `'mean_squared_logarithmic_error'`): the weighted mean over all samples seen of
 * the mean of `(log(max(yPred, 1e-7) + 1) - log(max(yTrue, 1e-7) + 1))^2` over the last axis.
 *
 * Shapes: as `meanSquaredLogarithmicError`; `sampleWeight` `[batch]` (or broadcastable to the per-sample values).
 * @example
 * const m = new MeanSquaredLogarithmicError();
 * m.updateState([[0, 1], [0, 0]], [[1, 1], [0, 0]]);
 * m.result(); // 0.1201
 */
export class MeanSquaredLogarithmicError extends MeanFunctionMetric {
  static override readonly className: string = 'MeanSquaredLogarithmicError';

  constructor(options: MetricOptions = {}) {
    super(options, 'mean_squared_logarithmic_error');
  }

  protected override compute(yTrue: Tensor, yPred: Tensor): Tensor {
    return meanSquaredLogarithmicError(yTrue, yPred);
  }
}
