import { Tensor } from '@strata/tensor';
import { meanSquaredError } from './regression-functions';
import { Loss, LossOptions } from './loss';
import { squeezeOrExpandToSameRank } from './reduction';

/**
 * `keras.losses.MeanSquaredError` (names `'mean_squared_error'`, `'mse'`): per sample
 * `mean((yTrue - yPred)^2)` over the last axis, then weighted and reduced over the batch.
 *
 * Shapes: `yTrue` and `yPred` `[batch, ..., d]` (a trailing size-1 axis on either is matched up);
 * per-sample losses `[batch, ...]`.
 * @example new MeanSquaredError().apply([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]]).item(); // 0.31
 */
export class MeanSquaredError extends Loss {
  static override readonly className: string = 'MeanSquaredError';

  constructor(options: LossOptions = {}) {
    super(options, 'mean_squared_error');
  }

  override call(yTrue: Tensor, yPred: Tensor): Tensor {
    return meanSquaredError(...squeezeOrExpandToSameRank(yTrue, yPred));
  }
}
