import { Tensor } from '@strata/tensor';
import { checkBoolean, checkNumber } from '../losses/check';
import { binaryCrossentropy } from '../losses/crossentropy-functions';
import { MeanFunctionMetric } from './mean-function-metric';
import { MetricOptions } from './metric';

/** Options of the {@link BinaryCrossentropy} metric. */
export interface BinaryCrossentropyMetricOptions extends MetricOptions {
  /** Whether `yPred` holds logits. Default `false`. */
  fromLogits?: boolean;
  /** Label smoothing towards 0.5. Default 0. */
  labelSmoothing?: number;
}

/**
 * `keras.metrics.BinaryCrossentropy` (default name `'binary_crossentropy'`): the weighted mean
 * over samples of the binary crossentropy (see the `binaryCrossentropy` loss function).
 *
 * Shapes: `yTrue`, `yPred` `[batch, ..., d]` (identical).
 * @example
 * const m = new BinaryCrossentropy();
 * m.updateState([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]]);
 * m.result(); // 0.8149
 */
export class BinaryCrossentropy extends MeanFunctionMetric {
  static override readonly className: string = 'BinaryCrossentropy';
  readonly fromLogits: boolean;
  readonly labelSmoothing: number;

  constructor(options: BinaryCrossentropyMetricOptions = {}) {
    super(options, 'binary_crossentropy');
    this.fromLogits = checkBoolean(this.who, 'fromLogits', options.fromLogits ?? false);
    this.labelSmoothing = checkNumber(this.who, 'labelSmoothing', options.labelSmoothing ?? 0);
  }

  protected override compute(yTrue: Tensor, yPred: Tensor): Tensor {
    return binaryCrossentropy(yTrue, yPred, { fromLogits: this.fromLogits, labelSmoothing: this.labelSmoothing });
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), from_logits: this.fromLogits, label_smoothing: this.labelSmoothing };
  }
}
