import { Tensor, abs, add, mul, square, sum, zeros } from '@strata/tensor';
import { Regularizer, validateFloatArg } from './regularizer';

/** Options of {@link L1L2}. */
export interface L1L2Options {
  /** The L1 factor, finite and non-negative. Default 0 (also when `null`). */
  l1?: number | null;
  /** The L2 factor, finite and non-negative. Default 0 (also when `null`). */
  l2?: number | null;
}

/**
 * L1 plus L2 weight penalty (`keras.regularizers.L1L2`, alias `'l1_l2'`).
 *
 * `penalty = l1 * sum(|w|) + l2 * sum(w²)`, a scalar; a term whose factor is 0 is skipped, so
 * `new L1L2()` (both 0, Keras's defaults) is a constant 0.
 *
 * @example
 * new L1L2({ l1: 0.5, l2: 0.25 }).apply(tensor([1, -2])).item(); // 1.5 + 1.25 = 2.75
 */
export class L1L2 extends Regularizer {
  static override readonly className: string = 'L1L2';
  /** The L1 factor, as given. */
  readonly l1: number;
  /** The L2 factor, as given. */
  readonly l2: number;

  constructor(options: L1L2Options = {}) {
    super();
    this.l1 = validateFloatArg(options.l1 ?? 0, 'L1L2', 'l1');
    this.l2 = validateFloatArg(options.l2 ?? 0, 'L1L2', 'l2');
  }

  override apply(w: Tensor): Tensor {
    // Accumulated in Keras's order, so float32 rounding matches it.
    let penalty = zeros([]);
    if (this.l1 !== 0) penalty = add(penalty, mul(this.l1, sum(abs(w))));
    if (this.l2 !== 0) penalty = add(penalty, mul(this.l2, sum(square(w))));
    return penalty;
  }

  override getConfig(): Record<string, unknown> {
    return { l1: this.l1, l2: this.l2 };
  }
}
