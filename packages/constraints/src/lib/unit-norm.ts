import { Tensor, cast, div } from '@strata/tensor';
import { Constraint, ConstraintAxis, axisConfig, checkAxis, guarded, norms } from './constraint';

/** Options of {@link UnitNorm}. */
export interface UnitNormOptions {
  /** The axis or axes the norm is taken over. Default 0 (each column of a Dense kernel). */
  axis?: ConstraintAxis;
}

/**
 * Scales the weights incident to each unit to norm 1 (`keras.constraints.UnitNorm`, alias `'unit_norm'`).
 *
 * With `n = sqrt(sum(w², axis, keepdims))`: `w / (1e-7 + n)`; a zero slice stays zero.
 * Output shape = input shape.
 *
 * @example
 * new UnitNorm({ axis: 1 }).apply(tensor([[3, 4]])); // [[0.6, 0.8]]
 */
export class UnitNorm extends Constraint {
  static override readonly className: string = 'UnitNorm';
  /** The axis or axes the norm is taken over. */
  readonly axis: ConstraintAxis;

  constructor(options: UnitNormOptions = {}) {
    super();
    this.axis = checkAxis(options.axis === undefined ? 0 : options.axis, 'UnitNorm');
  }

  override apply(w: Tensor): Tensor {
    const n = norms(w, this.axis, this.who);
    return div(cast(w, 'float32'), guarded(n));
  }

  override getConfig(): Record<string, unknown> {
    return { axis: axisConfig(this.axis) };
  }
}
