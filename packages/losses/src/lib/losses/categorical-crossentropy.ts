import { Tensor } from '@strata/tensor';
import { CrossentropyLossOptions } from './binary-crossentropy';
import { checkAxis, checkBoolean, checkNumber } from './check';
import { categoricalCrossentropy } from './crossentropy-functions';
import { Loss } from './loss';
import { squeezeOrExpandToSameRank } from './reduction';

/**
 * `keras.losses.CategoricalCrossentropy` (name `'categorical_crossentropy'`): per sample
 * `-sum(t log p)` along `axis` for one-hot labels `t`, with `p = clip(yPred / sum(yPred), 1e-7, 1 - 1e-7)`,
 * or `log_softmax(yPred)` with `fromLogits`. `labelSmoothing` uses `t (1 - ls) + ls / classes`.
 *
 * Shapes: `yTrue`, `yPred` `[batch, ..., classes]` (identical); per-sample losses drop `axis`.
 * @example new CategoricalCrossentropy().apply([[0, 1, 0], [0, 0, 1]], [[0.05, 0.95, 0], [0.1, 0.8, 0.1]]).item(); // 1.1769
 */
export class CategoricalCrossentropy extends Loss {
  static override readonly className: string = 'CategoricalCrossentropy';
  readonly fromLogits: boolean;
  readonly labelSmoothing: number;
  readonly axis: number;

  constructor(options: CrossentropyLossOptions = {}) {
    super(options, 'categorical_crossentropy');
    this.fromLogits = checkBoolean(this.who, 'fromLogits', options.fromLogits ?? false);
    this.labelSmoothing = checkNumber(this.who, 'labelSmoothing', options.labelSmoothing ?? 0);
    this.axis = checkAxis(this.who, options.axis ?? -1);
  }

  override call(yTrue: Tensor, yPred: Tensor): Tensor {
    const [t, p] = squeezeOrExpandToSameRank(yTrue, yPred);
    return categoricalCrossentropy(t, p, {
      fromLogits: this.fromLogits,
      labelSmoothing: this.labelSmoothing,
      axis: this.axis,
    });
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), from_logits: this.fromLogits, label_smoothing: this.labelSmoothing, axis: this.axis };
  }
}
