import { Tensor, mul, square, sum } from '@strata/tensor';
import { Regularizer, validateFloatArg } from './regularizer';

/** Options of {@link L2}. */
export interface L2Options {
  /** The L2 factor, finite and non-negative. Default 0.01 (also when `null`, as Keras). */
  l2?: number | null;
}

/**
 * L2 weight penalty (`keras.regularizers.L2`, alias `'l2'`).
 *
 * `penalty = l2 * sum(w²)` over every element of `w` (any shape), returned as a scalar; there is
 * no factor 1/2.
 *
 * @example
 * new L2({ l2: 2 }).apply(ones([5, 5])).item(); // 50
 */
export class L2 extends Regularizer {
  static override readonly className: string = 'L2';
  /** The L2 factor, as given. */
  readonly l2: number;

  constructor(options: L2Options = {}) {
    super();
    this.l2 = validateFloatArg(options.l2 ?? 0.01, 'L2', 'l2');
  }

  override apply(w: Tensor): Tensor {
    return mul(this.l2, sum(square(w)));
  }

  override getConfig(): Record<string, unknown> {
    return { l2: this.l2 };
  }
}
