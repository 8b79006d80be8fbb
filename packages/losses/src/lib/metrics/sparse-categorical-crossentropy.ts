import { Tensor } from '@strata/tensor';
import { checkAxis, checkBoolean, checkNumber } from '../losses/check';
import { sparseCategoricalCrossentropy } from '../losses/crossentropy-functions';
import { MeanFunctionMetric } from './mean-function-metric';
import { MetricOptions } from './metric';

/** Options of the {@link SparseCategoricalCrossentropy} metric. */
export interface SparseCategoricalCrossentropyMetricOptions extends MetricOptions {
  /** Whether `yPred` holds logits. Default `false`. */
  fromLogits?: boolean;
  /** A class id whose entries get loss 0 (they still count, unless there are sample weights: Keras's rule). Default `null`. */
  ignoreClass?: number | null;
  /** The class axis. Default -1. */
  axis?: number;
}

/**
 * `keras.metrics.SparseCategoricalCrossentropy` (default name `'sparse_categorical_crossentropy'`):
 * the weighted mean over samples of the sparse categorical crossentropy. With `ignoreClass`,
 * ignored entries contribute 0; they are left out of the count only when `sampleWeight` is
 * given (Keras 3.15.1 merges the mask into the weights only then).
 *
 * Shapes: `yTrue` `[batch, ...]` (integer ids), `yPred` `[batch, ..., classes]`.
 * @example
 * const m = new SparseCategoricalCrossentropy();
 * m.updateState([1, 2], [[0.05, 0.95, 0], [0.1, 0.8, 0.1]]);
 * m.result(); // 1.1769
 */
export class SparseCategoricalCrossentropy extends MeanFunctionMetric {
  static override readonly className: string = 'SparseCategoricalCrossentropy';
  readonly fromLogits: boolean;
  readonly ignoreClass: number | null;
  readonly axis: number;

  constructor(options: SparseCategoricalCrossentropyMetricOptions = {}) {
    super(options, 'sparse_categorical_crossentropy');
    this.fromLogits = checkBoolean(this.who, 'fromLogits', options.fromLogits ?? false);
    const ignore = options.ignoreClass ?? null;
    this.ignoreClass = ignore === null ? null : checkNumber(this.who, 'ignoreClass', ignore);
    this.axis = checkAxis(this.who, options.axis ?? -1);
  }

  protected override compute(yTrue: Tensor, yPred: Tensor): Tensor {
    return sparseCategoricalCrossentropy(yTrue, yPred, {
      fromLogits: this.fromLogits,
      ignoreClass: this.ignoreClass,
      axis: this.axis,
    });
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), from_logits: this.fromLogits, ignore_class: this.ignoreClass, axis: this.axis };
  }
}
