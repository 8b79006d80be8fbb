import { Tensor, abs, mul, sum } from '@strata/tensor';
import { Regularizer, validateFloatArg } from './regularizer';

/** Options of {@link L1}. */
export interface L1Options {
  /** The L1 factor, finite and non-negative. Default 0.01 (also when `null`, as Keras). */
  l1?: number | null;
}

/**
 * L1 weight penalty (`keras.regularizers.L1`, alias `'l1'`).
 *
 * `penalty = l1 * sum(|w|)` over every element of `w` (any shape), returned as a scalar.
 * Keras keeps `l1` as a float32 tensor, so `getConfig()` writes the float32 value
 * (`0.01` becomes `0.009999999776482582`); this class does the same.
 *
 * @example
 * new L1({ l1: 0.5 }).apply(tensor([1, -2, 3])).item(); // 3
 */
export class L1 extends Regularizer {
  static override readonly className: string = 'L1';
  /** The L1 factor, rounded to float32 as Keras stores it. */
  readonly l1: number;

  constructor(options: L1Options = {}) {
    super();
    this.l1 = Math.fround(validateFloatArg(options.l1 ?? 0.01, 'L1', 'l1'));
  }

  override apply(w: Tensor): Tensor {
    return mul(this.l1, sum(abs(w)));
  }

  override getConfig(): Record<string, unknown> {
    return { l1: this.l1 };
  }
}
