import { Tensor } from '@strata/tensor';
import { meanAbsoluteError } from './regression-functions';
import { Loss, LossOptions } from './loss';
import { squeezeOrExpandToSameRank } from './reduction';

/**
 * `keras.losses.MeanAbsoluteError` (names `'mean_absolute_error'`, `'mae'`): per sample
 * `mean(|yTrue - yPred|)` over the last axis, then weighted and reduced over the batch.
 *
 * Shapes: `yTrue` and `yPred` `[batch, ..., d]` (a trailing size-1 axis on either is matched up);
 * per-sample losses `[batch, ...]`.
 * @example new MeanAbsoluteError().apply([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]]).item(); // 0.55
 */
export class MeanAbsoluteError extends Loss {
  static override readonly className: string = 'MeanAbsoluteError';

  constructor(options: LossOptions = {}) {
    super(options, 'mean_absolute_error');
  }

  override call(yTrue: Tensor, yPred: Tensor): Tensor {
    return meanAbsoluteError(...squeezeOrExpandToSameRank(yTrue, yPred));
  }
}
