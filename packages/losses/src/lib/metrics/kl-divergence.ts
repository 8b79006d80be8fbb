import { Tensor } from '@strata/tensor';
import { klDivergence } from '../losses/probabilistic-functions';
import { MeanFunctionMetric } from './mean-function-metric';
import { MetricOptions } from './metric';

/**
 * `keras.metrics.KLDivergence` (default name `'kl_divergence'`): the weighted mean over all samples seen of
 * `sum(t log(t / p))` over the last axis, both clipped to `[1e-7, 1]`.
 *
 * Shapes: as `klDivergence`; `sampleWeight` `[batch]` (or broadcastable to the per-sample values).
 * @example
 * const m = new KLDivergence();
 * m.updateState([[0.5, 0.5]], [[0.25, 0.75]]);
 * m.result(); // 0.1438
 */
export class KLDivergence extends MeanFunctionMetric {
  static override readonly className: string = 'KLDivergence';

  constructor(options: MetricOptions = {}) {
    super(options, 'kl_divergence');
  }

  protected override compute(yTrue: Tensor, yPred: Tensor): Tensor {
    return klDivergence(yTrue, yPred);
  }
}
