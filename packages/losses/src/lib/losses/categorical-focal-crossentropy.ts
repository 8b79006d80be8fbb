import { Tensor } from '@strata/tensor';
import { CrossentropyLossOptions } from './binary-crossentropy';
import { checkAxis, checkBoolean, checkNumber } from './check';
import { categoricalFocalCrossentropy } from './crossentropy-functions';
import { Loss } from './loss';
import { squeezeOrExpandToSameRank } from './reduction';

/** Options of {@link CategoricalFocalCrossentropy}. */
export interface CategoricalFocalCrossentropyOptions extends CrossentropyLossOptions {
  /** A weight for every class, or one weight per class. Default 0.25. */
  alpha?: number | readonly number[];
  /** The focusing exponent. Default 2. */
  gamma?: number;
}

/**
 * `keras.losses.CategoricalFocalCrossentropy` (name `'categorical_focal_crossentropy'`):
 * per sample `sum(alpha (1 - p)^gamma (-t log p))` along `axis`, with `p` renormalized and
 * clipped to `[1e-7, 1 - 1e-7]` (after a softmax with `fromLogits`).
 *
 * Shapes: `yTrue`, `yPred` `[batch, ..., classes]`; per-sample losses drop `axis`.
 * @example new CategoricalFocalCrossentropy().apply([[0, 1, 0], [0, 0, 1]], [[0.05, 0.95, 0], [0.1, 0.8, 0.1]]).item(); // 0.2332
 */
export class CategoricalFocalCrossentropy extends Loss {
  static override readonly className: string = 'CategoricalFocalCrossentropy';
  readonly fromLogits: boolean;
  readonly labelSmoothing: number;
  readonly axis: number;
  readonly alpha: number | readonly number[];
  readonly gamma: number;

  constructor(options: CategoricalFocalCrossentropyOptions = {}) {
    super(options, 'categorical_focal_crossentropy');
    this.fromLogits = checkBoolean(this.who, 'fromLogits', options.fromLogits ?? false);
    this.labelSmoothing = checkNumber(this.who, 'labelSmoothing', options.labelSmoothing ?? 0);
    this.axis = checkAxis(this.who, options.axis ?? -1);
    const alpha = options.alpha ?? 0.25;
    if (Array.isArray(alpha)) alpha.forEach((a) => checkNumber(this.who, 'alpha', a));
    else checkNumber(this.who, 'alpha', alpha);
    this.alpha = Array.isArray(alpha) ? [...alpha] : alpha;
    this.gamma = checkNumber(this.who, 'gamma', options.gamma ?? 2);
  }

  override call(yTrue: Tensor, yPred: Tensor): Tensor {
    const [t, p] = squeezeOrExpandToSameRank(yTrue, yPred);
    return categoricalFocalCrossentropy(t, p, {
      fromLogits: this.fromLogits,
      labelSmoothing: this.labelSmoothing,
      axis: this.axis,
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
      alpha: Array.isArray(this.alpha) ? [...this.alpha] : this.alpha,
      gamma: this.gamma,
    };
  }
}
