import { Tensor, cast, clip, div, mul } from '@strata/tensor';
import { Constraint, ConstraintAxis, axisConfig, checkAxis, checkNumber, guarded, norms } from './constraint';

/** Options of {@link MaxNorm}. */
export interface MaxNormOptions {
  /** The largest norm allowed. Default 2. */
  maxValue?: number;
  /** The axis or axes the norm is taken over. Default 0 (each column of a Dense kernel). */
  axis?: ConstraintAxis;
}

/**
 * Caps the norm of the weights incident to each unit (`keras.constraints.MaxNorm`, alias `'max_norm'`).
 *
 * With `n = sqrt(sum(w², axis, keepdims))`: `w * clip(n, 0, maxValue) / (1e-7 + n)`, so slices
 * whose norm is above `maxValue` are scaled down to it and the others are (up to the 1e-7) kept.
 * Output shape = input shape. `getConfig()` writes `max_value` and `axis` as given.
 *
 * @example
 * new MaxNorm({ maxValue: 1 }).apply(tensor([[3, 0.3], [4, 0.4]])); // [[0.6, 0.3], [0.8, 0.4]]
 */
export class MaxNorm extends Constraint {
  static override readonly className: string = 'MaxNorm';
  /** The largest norm allowed. */
  readonly maxValue: number;
  /** The axis or axes the norm is taken over. */
  readonly axis: ConstraintAxis;

  constructor(options: MaxNormOptions = {}) {
    super();
    const { maxValue = 2, axis = 0 } = options;
    this.maxValue = checkNumber(maxValue, 'MaxNorm', 'max_value');
    this.axis = checkAxis(axis, 'MaxNorm');
  }

  override apply(w: Tensor): Tensor {
    const n = norms(w, this.axis, this.who);
    const desired = clip(n, 0, this.maxValue);
    return mul(cast(w, 'float32'), div(desired, guarded(n)));
  }

  override getConfig(): Record<string, unknown> {
    return { max_value: this.maxValue, axis: axisConfig(this.axis) };
  }
}
