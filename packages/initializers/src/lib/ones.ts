import { DType, Tensor, ones } from '@strata/tensor';
import { Initializer, checkShape } from './initializer';

/**
 * Fills with 1 (`keras.initializers.Ones`, also `'ones'` and `'one'`). Any dtype.
 *
 * @example
 * new Ones().apply([2, 2]); // [[1, 1], [1, 1]]
 */
export class Ones extends Initializer {
  static override readonly className = 'Ones';

  apply(shape: readonly number[], dtype: DType = 'float32'): Tensor {
    return ones(checkShape(shape, this.who), dtype);
  }
}
