import { DType, Tensor, zeros } from '@strata/tensor';
import { Initializer, checkShape } from './initializer';

/**
 * Fills with 0 (`keras.initializers.Zeros`, also `'zeros'` and `'zero'`). Any dtype.
 *
 * @example
 * new Zeros().apply([2, 2]); // [[0, 0], [0, 0]]
 */
export class Zeros extends Initializer {
  static override readonly className = 'Zeros';

  apply(shape: readonly number[], dtype: DType = 'float32'): Tensor {
    return zeros(checkShape(shape, this.who), dtype);
  }
}
