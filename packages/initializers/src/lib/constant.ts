import { DType, Tensor, full } from '@strata/tensor';
import { Initializer, checkNumber, checkShape } from './initializer';

/** Options of {@link Constant}. */
export interface ConstantOptions {
  /** The value everywhere. Default 0. */
  value?: number;
}

/**
 * Fills with one scalar value (`keras.initializers.Constant`), cast to the requested dtype.
 *
 * @example
 * new Constant({ value: 10 }).apply([2, 2]); // [[10, 10], [10, 10]]
 */
export class Constant extends Initializer {
  static override readonly className = 'Constant';
  readonly value: number;

  constructor(options: ConstantOptions = {}) {
    super();
    this.value = checkNumber(options.value ?? 0, this.who, 'value');
  }

  apply(shape: readonly number[], dtype: DType = 'float32'): Tensor {
    // As Keras's cast: int32 truncates toward zero (the typed array does it), bool is value != 0.
    return full(checkShape(shape, this.who), this.value, dtype);
  }

  override getConfig(): Record<string, unknown> {
    return { value: this.value };
  }
}
