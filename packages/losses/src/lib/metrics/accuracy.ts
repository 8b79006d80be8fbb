import { Tensor } from '@strata/tensor';
import { accuracy } from './accuracy-functions';
import { MeanFunctionMetric } from './mean-function-metric';
import { MetricOptions } from './metric';

/**
 * `keras.metrics.Accuracy` (default name `'accuracy'`): the weighted mean over all samples seen of
 * 1 where `yTrue == yPred` exactly, else 0.
 *
 * Shapes: as `accuracy`; `sampleWeight` `[batch]` (or broadcastable to the per-sample values).
 * @example
 * const m = new Accuracy();
 * m.updateState([1, 2, 3, 4], [1, 2, 0, 4]);
 * m.result(); // 0.75
 */
export class Accuracy extends MeanFunctionMetric {
  static override readonly className: string = 'Accuracy';

  constructor(options: MetricOptions = {}) {
    super(options, 'accuracy');
  }

  protected override compute(yTrue: Tensor, yPred: Tensor): Tensor {
    return accuracy(yTrue, yPred);
  }
}
