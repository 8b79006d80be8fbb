import { Tensor } from '@strata/tensor';
import { hinge } from './hinge-functions';
import { Loss, LossOptions } from './loss';
import { squeezeOrExpandToSameRank } from './reduction';

/**
 * `keras.losses.Hinge` (names `'hinge'`): per sample
 * `mean(max(1 - yTrue * yPred, 0))` over the last axis; 0/1 labels become -1/1, then weighted and reduced over the batch.
 *
 * Shapes: `yTrue` and `yPred` `[batch, ..., d]` (a trailing size-1 axis on either is matched up);
 * per-sample losses `[batch, ...]`.
 * @example new Hinge().apply([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]]).item(); // 1.3
 */
export class Hinge extends Loss {
  static override readonly className: string = 'Hinge';

  constructor(options: LossOptions = {}) {
    super(options, 'hinge');
  }

  override call(yTrue: Tensor, yPred: Tensor): Tensor {
    return hinge(...squeezeOrExpandToSameRank(yTrue, yPred));
  }
}
