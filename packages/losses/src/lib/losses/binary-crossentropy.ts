import { Tensor } from '@strata/tensor';
import { checkAxis, checkBoolean, checkNumber } from './check';
import { binaryCrossentropy } from './crossentropy-functions';
import { Loss, LossOptions } from './loss';
import { squeezeOrExpandToSameRank } from './reduction';

/** Options of {@link BinaryCrossentropy} and {@link CategoricalCrossentropy}. */
export interface CrossentropyLossOptions extends LossOptions {
  /** Whether `yPred` holds logits rather than probabilities. Default `false`. */
  fromLogits?: boolean;
  /** Label smoothing in `[0, 1]`. Default 0. */
  labelSmoothing?: number;
  /** The axis the crossentropy is computed along. Default -1. */
  axis?: number;
}

/**
 * `keras.losses.BinaryCrossentropy` (name `'binary_crossentropy'`): per sample the mean over
 * `axis` of `-(t log p + (1 - t) log(1 - p))`, `p` clipped to `[1e-7, 1 - 1e-7]`; with
 * `fromLogits` the stable `max(x, 0) - x t + log1p(exp(-|x|))`. `labelSmoothing` squeezes the
 * labels towards 0.5: `t (1 - ls) + ls / 2`.
 *
 * Shapes: `yTrue`, `yPred` `[batch, ..., d]` (0/1 labels; `[batch]` against `[batch, 1]` is
 * matched up); per-sample losses drop `axis`.
 * @example new BinaryCrossentropy({ fromLogits: true }).apply([0, 1, 0, 0], [-18.6, 0.51, 2.94, -12.8]).item(); // 0.8655
 */
export class BinaryCrossentropy extends Loss {
  static override readonly className: string = 'BinaryCrossentropy';
  readonly fromLogits: boolean;
  readonly labelSmoothing: number;
  readonly axis: number;

  constructor(options: CrossentropyLossOptions = {}) {
    super(options, 'binary_crossentropy');
    this.fromLogits = checkBoolean(this.who, 'fromLogits', options.fromLogits ?? false);
    this.labelSmoothing = checkNumber(this.who, 'labelSmoothing', options.labelSmoothing ?? 0);
    this.axis = checkAxis(this.who, options.axis ?? -1);
  }

  override call(yTrue: Tensor, yPred: Tensor): Tensor {
    const [t, p] = squeezeOrExpandToSameRank(yTrue, yPred);
    return binaryCrossentropy(t, p, { fromLogits: this.fromLogits, labelSmoothing: this.labelSmoothing, axis: this.axis });
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), from_logits: this.fromLogits, label_smoothing: this.labelSmoothing, axis: this.axis };
  }
}
