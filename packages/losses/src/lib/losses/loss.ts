import { Tensor, TensorLike, ValueError, logicalAnd, show, snakeCase, toOptions } from '@strata/tensor';
import { getLossMask } from './loss-mask';
import { Reduction, reduceWeightedValues, standardizeReduction, toFloat } from './reduction';

/** Options every loss class takes. */
export interface LossOptions {
  /** How per-sample losses are reduced. Default `'sum_over_batch_size'`. */
  reduction?: Reduction | string;
  /** The loss's name. Default: the class's Keras default name. */
  name?: string | null;
  /** Only `'float32'` (or `null`) is supported. */
  dtype?: string | null;
}

/** Checks Keras's `dtype` argument: Strata computes losses in float32 only. @internal */
export function checkFloat32(dtype: unknown, who: string): 'float32' {
  if (dtype !== undefined && dtype !== null && dtype !== 'float32') {
    throw new ValueError(`${who}: only dtype 'float32' is supported, received dtype=${show(dtype)}`);
  }
  return 'float32';
}

/**
 * The base class of every loss (`keras.losses.Loss`). A subclass implements `call(yTrue, yPred)`,
 * returning per-sample losses; `apply` converts the inputs to float32, calls it, weights the
 * result by `sampleWeight` and reduces it as `reduction` says (Keras's `Loss.__call__`).
 * Everything is built from differentiable tensor ops, so the result can be a training objective.
 *
 * Shapes: `yTrue` and `yPred` as the subclass needs (usually `[batch, ..., d]`); `call` returns
 * `[batch, ...]`; `apply` returns a scalar, or `call`'s shape for `reduction: 'none'`.
 *
 * @example
 * class AbsSum extends Loss {
 *   static override readonly className = 'AbsSum';
 *   override call(yTrue: Tensor, yPred: Tensor) { return sum(abs(sub(yTrue, yPred)), -1); }
 * }
 * new AbsSum().apply([[1, 2]], [[0, 0]]).item(); // 3
 */
export abstract class Loss {
  /** Keras's class name, used by `serialize`. */
  static readonly className: string = 'Loss';
  /** Config keys `fromConfig` accepts beyond those `getConfig()` writes. */
  static readonly optionalConfigKeys: readonly string[] = ['dtype'];
  readonly name: string;
  readonly reduction: Reduction;
  /** The computation dtype; always `'float32'`. */
  readonly dtype: 'float32';

  /** @param defaultName the name used when `options.name` is undefined (Keras's default argument). */
  constructor(options: LossOptions = {}, defaultName?: string) {
    const who = (new.target as unknown as typeof Loss).className;
    this.reduction = standardizeReduction(options.reduction === undefined ? 'sum_over_batch_size' : options.reduction, who);
    this.dtype = checkFloat32(options.dtype, who);
    if (options.name !== undefined && options.name !== null && typeof options.name !== 'string') {
      throw new ValueError(`${who}: name must be a string, received name=${show(options.name)}`);
    }
    this.name = options.name || (options.name === undefined && defaultName) || snakeCase(who);
  }

  /** The per-sample losses; no weighting or reduction. */
  abstract call(yTrue: Tensor, yPred: Tensor): Tensor;

  /**
   * The loss of `yPred` against `yTrue`, weighted by `sampleWeight` and reduced.
   * `mask` is the predictions' mask (Keras's `y_pred._keras_mask`): entries where it is false
   * do not count.
   */
  apply(yTrue: TensorLike, yPred: TensorLike, sampleWeight?: TensorLike | null, mask?: TensorLike | null): Tensor {
    const losses = this.call(toFloat(yTrue), toFloat(yPred));
    const inMask = mask === undefined || mask === null ? null : toFloat(mask);
    const outMask = getLossMask(losses);
    const merged = inMask && outMask ? logicalAnd(inMask, outMask) : (inMask ?? outMask);
    const weight = sampleWeight === undefined || sampleWeight === null ? null : toFloat(sampleWeight);
    return reduceWeightedValues(losses, weight, merged, this.reduction, this.who);
  }

  /** The Keras config: `{ name, reduction }` plus the subclass's arguments, snake_case. */
  getConfig(): Record<string, unknown> {
    return { name: this.name, reduction: this.reduction };
  }

  /** Builds an instance from a Keras config (snake_case keys); unknown keys are a `ValueError`. */
  static fromConfig<T extends Loss>(this: new (options?: Record<string, unknown>) => T, config: Record<string, unknown>): T {
    const obj = new this(toOptions(config));
    const cls = this as unknown as typeof Loss;
    const known = [...Object.keys(obj.getConfig()), ...cls.optionalConfigKeys];
    const unknown = Object.keys(config).filter((k) => !known.includes(k));
    if (unknown.length > 0) {
      throw new ValueError(
        `${cls.className}: config has unknown keys (expected ${known.join(', ')}), ` +
          `received ${show(unknown)}`,
      );
    }
    return obj;
  }

  /** The name used in error messages: the subclass's Keras class name. */
  protected get who(): string {
    return (this.constructor as typeof Loss).className;
  }
}
