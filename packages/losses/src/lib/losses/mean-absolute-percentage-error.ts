import { Tensor } from '@strata/tensor';
import { meanAbsolutePercentageError } from './regression-functions';
import { Loss, LossOptions } from './loss';
import { squeezeOrExpandToSameRank } from './reduction';

/**
 * `keras.losses.MeanAbsolutePercentageError` (names `'mean_absolute_percentage_error'`, `'mape'`): per sample
 * `100 * mean(|(yTrue - yPred) / max(|yTrue|, 1e-7)|)` over the last axis, then weighted and reduced over the batch.
 *
 * Shapes: `yTrue` and `yPred` `[batch, ..., d]` (a trailing size-1 axis on either is matched up);
 * per-sample losses `[batch, ...]`.
 * @example new MeanAbsolutePercentageError().apply([[1, 2], [4, 5]], [[1.5, 2], [3, 5.5]]).item(); // 21.25
 */
export class MeanAbsolutePercentageError extends Loss {
  static override readonly className: string = 'MeanAbsolutePercentageError';

  constructor(options: LossOptions = {}) {
    super(options, 'mean_absolute_percentage_error');
  }

  override call(yTrue: Tensor, yPred: Tensor): Tensor {
    return meanAbsolutePercentageError(...squeezeOrExpandToSameRank(yTrue, yPred));
  }
}
