import { Tensor, TensorLike, mul, sum } from '@strata/tensor';
import { checkAxis } from '../losses/check';
import { checkBroadcast, squeezeOrExpandToSameRank, toFloat } from '../losses/reduction';
import { l2Normalize } from '../losses/regression-functions';
import { MeanFunctionMetric } from './mean-function-metric';
import { MetricOptions } from './metric';

/** Options of {@link CosineSimilarity}. */
export interface CosineSimilarityMetricOptions extends MetricOptions {
  /** The feature axis. Default -1. */
  axis?: number;
}

/** Cosine similarity per sample, positive (the metric's sign, unlike the loss's). */
function similarity(yTrue: TensorLike, yPred: TensorLike, axis: number): Tensor {
  const [t, p] = squeezeOrExpandToSameRank(toFloat(yTrue), toFloat(yPred));
  checkBroadcast('CosineSimilarity', t, p);
  return sum(mul(l2Normalize(t, axis), l2Normalize(p, axis)), axis);
}

/**
 * `keras.metrics.CosineSimilarity` (default name `'cosine_similarity'`): the weighted mean of
 * `sum(l2_normalize(yTrue) * l2_normalize(yPred))` along `axis` (1 = same direction).
 *
 * Config: Keras 3.15.1 does not write `axis`; Strata writes it when it is not the default -1.
 *
 * Shapes: `yTrue`, `yPred` `[batch, ..., d]`.
 * @example
 * const m = new CosineSimilarity();
 * m.updateState([[0, 1], [1, 1]], [[1, 0], [1, 1]]);
 * m.result(); // 0.5
 */
export class CosineSimilarity extends MeanFunctionMetric {
  static override readonly className: string = 'CosineSimilarity';
  static override readonly optionalConfigKeys: readonly string[] = ['axis'];
  readonly axis: number;

  constructor(options: CosineSimilarityMetricOptions = {}) {
    super(options, 'cosine_similarity');
    this.axis = checkAxis(this.who, options.axis ?? -1);
  }

  protected override compute(yTrue: Tensor, yPred: Tensor): Tensor {
    return similarity(yTrue, yPred, this.axis);
  }

  override getConfig(): Record<string, unknown> {
    return this.axis === -1 ? super.getConfig() : { ...super.getConfig(), axis: this.axis };
  }
}
