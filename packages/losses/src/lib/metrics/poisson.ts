import { Tensor } from '@strata/tensor';
import { poisson } from '../losses/probabilistic-functions';
import { MeanFunctionMetric } from './mean-function-metric';
import { MetricOptions } from './metric';

/**
 * `keras.metrics.Poisson` (default name `'poisson'`): the weighted mean over all samples seen of
 * the mean of `yPred - yTrue * log(yPred + 1e-7)` over the last axis.
 *
 * Shapes: as `poisson`; `sampleWeight` `[batch]` (or broadcastable to the per-sample values).
 * @example
 * const m = new Poisson();
 * m.updateState([[1, 0]], [[1, 1]]);
 * m.result(); // 1
 */
export class Poisson extends MeanFunctionMetric {
  static override readonly className: string = 'Poisson';

  constructor(options: MetricOptions = {}) {
    super(options, 'poisson');
  }

  protected override compute(yTrue: Tensor, yPred: Tensor): Tensor {
    return poisson(yTrue, yPred);
  }
}
