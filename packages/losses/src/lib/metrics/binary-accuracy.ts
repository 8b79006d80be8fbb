import { Tensor } from '@strata/tensor';
import { checkNumber } from '../losses/check';
import { binaryAccuracy } from './accuracy-functions';
import { MeanFunctionMetric } from './mean-function-metric';
import { MetricOptions } from './metric';

/** Options of {@link BinaryAccuracy}. */
export interface BinaryAccuracyOptions extends MetricOptions {
  /** Predictions above it count as 1. Default 0.5. */
  threshold?: number;
}

/**
 * `keras.metrics.BinaryAccuracy` (default name `'binary_accuracy'`): the weighted mean of
 * `yTrue == (yPred > threshold)` over every element seen.
 *
 * Shapes: `yTrue`, `yPred` `[batch, ..., d]` (a trailing size-1 axis on either is matched up).
 * @example
 * const m = new BinaryAccuracy();
 * m.updateState([[1], [1], [0], [0]], [[0.98], [1], [0], [0.6]]);
 * m.result(); // 0.75
 */
export class BinaryAccuracy extends MeanFunctionMetric {
  static override readonly className: string = 'BinaryAccuracy';
  readonly threshold: number;

  constructor(options: BinaryAccuracyOptions = {}) {
    super(options, 'binary_accuracy');
    this.threshold = checkNumber(this.who, 'threshold', options.threshold ?? 0.5);
  }

  protected override compute(yTrue: Tensor, yPred: Tensor): Tensor {
    return binaryAccuracy(yTrue, yPred, { threshold: this.threshold });
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), threshold: this.threshold };
  }
}
