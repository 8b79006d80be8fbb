import { TensorLike, noGrad, square, sub } from '@strata/tensor';
import { squeezeOrExpandToSameRank, toFloat } from '../losses/reduction';
import { Mean } from './mean';
import { MetricOptions, requirePred } from './metric';

/**
 * `keras.metrics.RootMeanSquaredError` (default name `'root_mean_squared_error'`):
 * `sqrt` of the weighted mean of `(yPred - yTrue)^2` over every sample seen.
 *
 * Shapes: `yTrue`, `yPred` `[batch, ..., d]`; `sampleWeight` `[batch]` or `[batch, ..., d]`.
 * @example
 * const m = new RootMeanSquaredError();
 * m.updateState([[0, 1], [0, 0]], [[1, 1], [0, 0]]);
 * m.result(); // 0.5
 */
export class RootMeanSquaredError extends Mean {
  static override readonly className: string = 'RootMeanSquaredError';

  constructor(options: MetricOptions = {}) {
    super(options, 'root_mean_squared_error');
  }

  /** Folds in the squared errors of one batch. */
  override updateState(yTrue: TensorLike, yPred?: TensorLike | null, sampleWeight?: TensorLike | null): void {
    const [t, p] = squeezeOrExpandToSameRank(toFloat(yTrue), toFloat(requirePred(this.who, yPred)));
    const errors = noGrad(() => square(sub(p, t)));
    this.accumulate(errors, sampleWeight === undefined || sampleWeight === null ? null : toFloat(sampleWeight), null);
  }

  override result(): number {
    return Math.fround(Math.sqrt(super.result()));
  }
}
