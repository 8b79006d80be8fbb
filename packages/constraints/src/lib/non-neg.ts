import { Tensor, maximum } from '@strata/tensor';
import { Constraint } from './constraint';

/**
 * Constrains the weights to be non-negative (`keras.constraints.NonNeg`, alias `'non_neg'`):
 * `maximum(w, 0)`, elementwise. Output shape and dtype = input's. No arguments; config `{}`.
 *
 * @example
 * new NonNeg().apply(tensor([-1, 0.5])); // [0, 0.5]
 */
export class NonNeg extends Constraint {
  static override readonly className: string = 'NonNeg';

  override apply(w: Tensor): Tensor {
    return maximum(w, 0);
  }
}
