import { Tensor } from '@strata/tensor';
import { logCosh } from './regression-functions';
import { Loss, LossOptions } from './loss';
import { squeezeOrExpandToSameRank } from './reduction';

/**
 * `keras.losses.LogCosh` (names `'log_cosh'`): per sample
 * `mean(log(cosh(yPred - yTrue)))` over the last axis, then weighted and reduced over the batch.
 *
 * Shapes: `yTrue` and `yPred` `[batch, ..., d]` (a trailing size-1 axis on either is matched up);
 * per-sample losses `[batch, ...]`.
 * @example new LogCosh().apply([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]]).item(); // 0.1471
 */
export class LogCosh extends Loss {
  static override readonly className: string = 'LogCosh';

  constructor(options: LossOptions = {}) {
    super(options, 'log_cosh');
  }

  override call(yTrue: Tensor, yPred: Tensor): Tensor {
    return logCosh(...squeezeOrExpandToSameRank(yTrue, yPred));
  }
}
