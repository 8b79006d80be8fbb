import { Tensor } from '@strata/tensor';
import { checkAxis, checkBoolean, checkNumber } from './check';
import { sparseCategoricalCrossentropy } from './crossentropy-functions';
import { Loss, LossOptions } from './loss';
import { squeezeOrExpandToSameRank } from './reduction';

/** Options of {@link SparseCategoricalCrossentropy}. */
export interface SparseCategoricalCrossentropyOptions extends LossOptions {
  /** Whether `yPred` holds logits. Default `false`. */
  fromLogits?: boolean;
  /** A class id left out of the loss (e.g. a "void" label): it counts neither in the sum nor in the mean. Default `null`. */
  ignoreClass?: number | null;
  /** The class axis of `yPred`. Default -1. */
  axis?: number;
}

/**
 * `keras.losses.SparseCategoricalCrossentropy` (name `'sparse_categorical_crossentropy'`):
 * per sample `-log p[y]` for integer labels `y`, `p` renormalized and clipped to
 * `[1e-7, 1 - 1e-7]` (or `log_softmax` with `fromLogits`).
 *
 * Config: Keras 3.15.1 does not write `axis`; Strata writes it when it is not the default -1.
 *
 * Shapes: `yTrue` `[batch, ...]` or `[batch, ..., 1]` (int or float class ids), `yPred`
 * `[batch, ..., classes]`; per-sample losses `[batch, ...]`.
 * @example new SparseCategoricalCrossentropy().apply([1, 2], [[0.05, 0.95, 0], [0.1, 0.8, 0.1]]).item(); // 1.1769
 */
export class SparseCategoricalCrossentropy extends Loss {
  static override readonly className: string = 'SparseCategoricalCrossentropy';
  static override readonly optionalConfigKeys: readonly string[] = ['dtype', 'axis'];
  readonly fromLogits: boolean;
  readonly ignoreClass: number | null;
  readonly axis: number;

  constructor(options: SparseCategoricalCrossentropyOptions = {}) {
    super(options, 'sparse_categorical_crossentropy');
    this.fromLogits = checkBoolean(this.who, 'fromLogits', options.fromLogits ?? false);
    const ignore = options.ignoreClass ?? null;
    this.ignoreClass = ignore === null ? null : checkNumber(this.who, 'ignoreClass', ignore);
    this.axis = checkAxis(this.who, options.axis ?? -1);
  }

  override call(yTrue: Tensor, yPred: Tensor): Tensor {
    const [t, p] = squeezeOrExpandToSameRank(yTrue, yPred);
    return sparseCategoricalCrossentropy(t, p, { fromLogits: this.fromLogits, ignoreClass: this.ignoreClass, axis: this.axis });
  }

  override getConfig(): Record<string, unknown> {
    const config = { ...super.getConfig(), from_logits: this.fromLogits, ignore_class: this.ignoreClass };
    return this.axis === -1 ? config : { ...config, axis: this.axis };
  }
}
