import { Tensor } from '@strata/tensor';
import { logCosh } from '../losses/regression-functions';
import { MeanFunctionMetric } from './mean-function-metric';
import { MetricOptions } from './metric';

/**
 * `keras.metrics.LogCoshError` (default name `'logcosh'`): the weighted mean over all samples seen of
 * the mean of `log(cosh(yPred - yTrue))` over the last axis.
 *
 * Shapes: as `logCosh`; `sampleWeight` `[batch]` (or broadcastable to the per-sample values).
 * @example
 * const m = new LogCoshError();
 * m.updateState([[0, 1], [0, 0]], [[1, 1], [0, 0]]);
 * m.result(); // 0.1084
 */
export class LogCoshError extends MeanFunctionMetric {
  static override readonly className: string = 'LogCoshError';

  constructor(options: MetricOptions = {}) {
    super(options, 'logcosh');
  }

  protected override compute(yTrue: Tensor, yPred: Tensor): Tensor {
    return logCosh(yTrue, yPred);
  }
}
