import { Tensor } from '@strata/tensor';
import { poisson } from './probabilistic-functions';
import { Loss, LossOptions } from './loss';
import { squeezeOrExpandToSameRank } from './reduction';

/**
 * `keras.losses.Poisson` (names `'poisson'`): per sample
 * `mean(yPred - yTrue * log(yPred + 1e-7))` over the last axis, then weighted and reduced over the batch.
 *
 * Shapes: `yTrue` and `yPred` `[batch, ..., d]` (a trailing size-1 axis on either is matched up);
 * per-sample losses `[batch, ...]`.
 * @example new Poisson().apply([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]]).item(); // 0.7291
 */
export class Poisson extends Loss {
  static override readonly className: string = 'Poisson';

  constructor(options: LossOptions = {}) {
    super(options, 'poisson');
  }

  override call(yTrue: Tensor, yPred: Tensor): Tensor {
    return poisson(...squeezeOrExpandToSameRank(yTrue, yPred));
  }
}
