import { Tensor } from '@strata/tensor';
import { categoricalHinge } from './hinge-functions';
import { Loss, LossOptions } from './loss';
import { squeezeOrExpandToSameRank } from './reduction';

/**
 * `keras.losses.CategoricalHinge` (names `'categorical_hinge'`): per sample
 * `max(max((1 - yTrue) * yPred) - sum(yTrue * yPred) + 1, 0)` over the last axis, then weighted and reduced over the batch.
 *
 * Shapes: `yTrue` and `yPred` `[batch, ..., d]` (a trailing size-1 axis on either is matched up);
 * per-sample losses `[batch, ...]`.
 * @example new CategoricalHinge().apply([[0, 1, 0], [1, 0, 0]], [[0.2, 0.5, 0.3], [0.6, 0.3, 0.1]]).item(); // 0.75
 */
export class CategoricalHinge extends Loss {
  static override readonly className: string = 'CategoricalHinge';

  constructor(options: LossOptions = {}) {
    super(options, 'categorical_hinge');
  }

  override call(yTrue: Tensor, yPred: Tensor): Tensor {
    return categoricalHinge(...squeezeOrExpandToSameRank(yTrue, yPred));
  }
}
