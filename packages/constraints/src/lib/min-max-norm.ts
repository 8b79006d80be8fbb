import { Tensor, add, cast, clip, div, mul } from '@strata/tensor';
import { Constraint, ConstraintAxis, axisConfig, checkAxis, checkNumber, guarded, norms } from './constraint';

/** Options of {@link MinMaxNorm}. */
export interface MinMaxNormOptions {
  /** The smallest norm allowed. Default 0. */
  minValue?: number;
  /** The largest norm allowed. Default 1. */
  maxValue?: number;
  /** How far to move towards the interval: 1 (default) enforces it strictly, less moves part-way. */
  rate?: number;
  /** The axis or axes the norm is taken over. Default 0 (each column of a Dense kernel). */
  axis?: ConstraintAxis;
}

/**
 * Keeps the norm of the weights incident to each unit between two bounds
 * (`keras.constraints.MinMaxNorm`, alias `'min_max_norm'`).
 *
 * With `n = sqrt(sum(w², axis, keepdims))` and
 * `desired = rate * clip(n, minValue, maxValue) + (1 - rate) * n`: `w * desired / (1e-7 + n)`.
 * Output shape = input shape. A zero slice stays zero (it has no direction to scale).
 *
 * @example
 * new MinMaxNorm({ minValue: 1, maxValue: 2 }).apply(tensor([[0.3], [0.4]])); // [[0.6], [0.8]]
 */
export class MinMaxNorm extends Constraint {
  static override readonly className: string = 'MinMaxNorm';
  /** The smallest norm allowed. */
  readonly minValue: number;
  /** The largest norm allowed. */
  readonly maxValue: number;
  /** The enforcement rate. */
  readonly rate: number;
  /** The axis or axes the norm is taken over. */
  readonly axis: ConstraintAxis;

  constructor(options: MinMaxNormOptions = {}) {
    super();
    const { minValue = 0, maxValue = 1, rate = 1, axis = 0 } = options;
    this.minValue = checkNumber(minValue, 'MinMaxNorm', 'min_value');
    this.maxValue = checkNumber(maxValue, 'MinMaxNorm', 'max_value');
    this.rate = checkNumber(rate, 'MinMaxNorm', 'rate');
    this.axis = checkAxis(axis, 'MinMaxNorm');
  }

  override apply(w: Tensor): Tensor {
    const n = norms(w, this.axis, this.who);
    const desired = add(mul(this.rate, clip(n, this.minValue, this.maxValue)), mul(1 - this.rate, n));
    return mul(cast(w, 'float32'), div(desired, guarded(n)));
  }

  override getConfig(): Record<string, unknown> {
    return { min_value: this.minValue, max_value: this.maxValue, rate: this.rate, axis: axisConfig(this.axis) };
  }
}
