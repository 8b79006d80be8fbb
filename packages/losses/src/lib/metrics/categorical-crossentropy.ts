import { Tensor } from '@strata/tensor';
import { checkAxis, checkBoolean, checkNumber } from '../losses/check';
import { categoricalCrossentropy } from '../losses/crossentropy-functions';
import { BinaryCrossentropyMetricOptions } from './binary-crossentropy';
import { MeanFunctionMetric } from './mean-function-metric';

/** Options of the {@link CategoricalCrossentropy} metric. */
export interface CategoricalCrossentropyMetricOptions extends BinaryCrossentropyMetricOptions {
  /** The class axis. Default -1. */
  axis?: number;
}

/**
 * `keras.metrics.CategoricalCrossentropy` (default name `'categorical_crossentropy'`): the
 * weighted mean over samples of the categorical crossentropy (see the loss function).
 *
 * Shapes: `yTrue` (one-hot), `yPred` `[batch, ..., classes]` (identical).
 * @example
 * const m = new CategoricalCrossentropy();
 * m.updateState([[0, 1, 0], [0, 0, 1]], [[0.05, 0.95, 0], [0.1, 0.8, 0.1]]);
 * m.result(); // 1.1769
 */
export class CategoricalCrossentropy extends MeanFunctionMetric {
  static override readonly className: string = 'CategoricalCrossentropy';
  readonly fromLogits: boolean;
  readonly labelSmoothing: number;
  readonly axis: number;

  constructor(options: CategoricalCrossentropyMetricOptions = {}) {
    super(options, 'categorical_crossentropy');
    this.fromLogits = checkBoolean(this.who, 'fromLogits', options.fromLogits ?? false);
    this.labelSmoothing = checkNumber(this.who, 'labelSmoothing', options.labelSmoothing ?? 0);
    this.axis = checkAxis(this.who, options.axis ?? -1);
  }

  protected override compute(yTrue: Tensor, yPred: Tensor): Tensor {
    return categoricalCrossentropy(yTrue, yPred, {
      fromLogits: this.fromLogits,
      labelSmoothing: this.labelSmoothing,
      axis: this.axis,
    });
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), from_logits: this.fromLogits, label_smoothing: this.labelSmoothing, axis: this.axis };
  }
}
