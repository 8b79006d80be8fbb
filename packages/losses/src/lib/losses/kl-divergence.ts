import { Tensor } from '@strata/tensor';
import { klDivergence } from './probabilistic-functions';
import { Loss, LossOptions } from './loss';
import { squeezeOrExpandToSameRank } from './reduction';

/**
 * `keras.losses.KLDivergence` (names `'kl_divergence'`, `'kld'`): per sample
 * `sum(t * log(t / p))` over the last axis, `t` and `p` clipped to `[1e-7, 1]`, then weighted and reduced over the batch.
 *
 * Shapes: `yTrue` and `yPred` `[batch, ..., d]` (a trailing size-1 axis on either is matched up);
 * per-sample losses `[batch, ...]`.
 * @example new KLDivergence().apply([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]]).item(); // 0.4581
 */
export class KLDivergence extends Loss {
  static override readonly className: string = 'KLDivergence';

  constructor(options: LossOptions = {}) {
    super(options, 'kl_divergence');
  }

  override call(yTrue: Tensor, yPred: Tensor): Tensor {
    return klDivergence(...squeezeOrExpandToSameRank(yTrue, yPred));
  }
}
