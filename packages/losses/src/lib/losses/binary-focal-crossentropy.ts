import { Tensor } from '@strata/tensor';
import { CrossentropyLossOptions } from './binary-crossentropy';
import { checkAxis, checkBoolean, checkNumber } from './check';
import { binaryFocalCrossentropy } from './crossentropy-functions';
import { Loss } from './loss';
import { squeezeOrExpandToSameRank } from './reduction';

/** Options of {@link BinaryFocalCrossentropy}. */
export interface BinaryFocalCrossentropyOptions extends CrossentropyLossOptions {
  /** Weight class 1 by `alpha` and class 0 by `1 - alpha`. Default `false`. */
  applyClassBalancing?: boolean;
  /** The class-1 weight used with `applyClassBalancing`. Default 0.25. */
  alpha?: number;
  /** The focusing exponent. Default 2. */
  gamma?: number;
}

/**
 * `keras.losses.BinaryFocalCrossentropy` (name `'binary_focal_crossentropy'`, Lin et al. 2018):
 * per sample the mean over `axis` of `(1 - p_t)^gamma * bce`, `p_t = t p + (1 - t)(1 - p)`,
 * optionally times `alpha` (class 1) or `1 - alpha` (class 0).
 *
 * Shapes: `yTrue`, `yPred` `[batch, ..., d]`; per-sample losses drop `axis`.
 * @example new BinaryFocalCrossentropy().apply([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]]).item(); // 0.2678
 */
export class BinaryFocalCrossentropy extends Loss {
  static override readonly className: string = 'BinaryFocalCrossentropy';
  readonly fromLogits: boolean;
  readonly labelSmoothing: number;
  readonly axis: number;
  readonly applyClassBalancing: boolean;
  readonly alpha: number;
  readonly gamma: number;

  constructor(options: BinaryFocalCrossentropyOptions = {}) {
    super(options, 'binary_focal_crossentropy');
    this.fromLogits = checkBoolean(this.who, 'fromLogits', options.fromLogits ?? false);
    this.labelSmoothing = checkNumber(this.who, 'labelSmoothing', options.labelSmoothing ?? 0);
    this.axis = checkAxis(this.who, options.axis ?? -1);
    this.applyClassBalancing = checkBoolean(this.who, 'applyClassBalancing', options.applyClassBalancing ?? false);
    this.alpha = checkNumber(this.who, 'alpha', options.alpha ?? 0.25);
    this.gamma = checkNumber(this.who, 'gamma', options.gamma ?? 2);
  }

  override call(yTrue: Tensor, yPred: Tensor): Tensor {
    const [t, p] = squeezeOrExpandToSameRank(yTrue, yPred);
    return binaryFocalCrossentropy(t, p, {
      fromLogits: this.fromLogits,
      labelSmoothing: this.labelSmoothing,
      axis: this.axis,
      applyClassBalancing: this.applyClassBalancing,
      alpha: this.alpha,
      gamma: this.gamma,
    });
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      from_logits: this.fromLogits,
      label_smoothing: this.labelSmoothing,
      axis: this.axis,
      apply_class_balancing: this.applyClassBalancing,
      alpha: this.alpha,
      gamma: this.gamma,
    };
  }
}
