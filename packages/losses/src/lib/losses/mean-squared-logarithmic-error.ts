import { Tensor } from '@strata/tensor';
import { meanSquaredLogarithmicError } from './regression-functions';
import { Loss, LossOptions } from './loss';
import { squeezeOrExpandToSameRank } from './reduction';

/**
 * `keras.losses.MeanSquaredLogarithmicError` (names `'mean_squared_logarithmic_error'`, `'msle'`): per sample
 * `mean((log(max(yPred, 1e-7) + 1) - log(max(yTrue, 1e-7) + 1))^2)` over the last axis, then weighted and reduced over the batch.
 *
 * Shapes: `yTrue` and `yPred` `[batch, ..., d]` (a trailing size-1 axis on either is matched up);
 * per-sample losses `[batch, ...]`.
 * @example new MeanSquaredLogarithmicError().apply([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]]).item(); // 0.1706
 */
export class MeanSquaredLogarithmicError extends Loss {
  static override readonly className: string = 'MeanSquaredLogarithmicError';

  constructor(options: LossOptions = {}) {
    super(options, 'mean_squared_logarithmic_error');
  }

  override call(yTrue: Tensor, yPred: Tensor): Tensor {
    return meanSquaredLogarithmicError(...squeezeOrExpandToSameRank(yTrue, yPred));
  }
}
