import { Tensor } from '@strata/tensor';
import { checkAxis } from './check';
import { Loss, LossOptions } from './loss';
import { squeezeOrExpandToSameRank } from './reduction';
import { cosineSimilarity } from './regression-functions';

/** Options of {@link CosineSimilarity}. */
export interface CosineSimilarityOptions extends LossOptions {
  /** The feature axis along which the similarity is computed. Default -1. */
  axis?: number;
}

/**
 * `keras.losses.CosineSimilarity` (name `'cosine_similarity'`): per sample
 * `-sum(l2_normalize(yTrue) * l2_normalize(yPred))` along `axis` (in `[-1, 1]`; -1 means the
 * same direction, 0 orthogonal or a zero vector), then weighted and reduced over the batch.
 *
 * Config: Keras 3.15.1 does not write `axis`; Strata writes it when it is not the default -1.
 *
 * Shapes: `yTrue`, `yPred` `[batch, ..., d]`; per-sample losses drop `axis`.
 * @example new CosineSimilarity().apply([[0, 1], [1, 1]], [[1, 0], [1, 1]]).item(); // -0.5
 */
export class CosineSimilarity extends Loss {
  static override readonly className: string = 'CosineSimilarity';
  static override readonly optionalConfigKeys: readonly string[] = ['dtype', 'axis'];
  readonly axis: number;

  constructor(options: CosineSimilarityOptions = {}) {
    super(options, 'cosine_similarity');
    this.axis = checkAxis('CosineSimilarity', options.axis ?? -1);
  }

  override call(yTrue: Tensor, yPred: Tensor): Tensor {
    const [t, p] = squeezeOrExpandToSameRank(yTrue, yPred);
    return cosineSimilarity(t, p, { axis: this.axis });
  }

  override getConfig(): Record<string, unknown> {
    return this.axis === -1 ? super.getConfig() : { ...super.getConfig(), axis: this.axis };
  }
}
