import { DType, Tensor, ValueError, eye, show } from '@strata/tensor';
import { Initializer, checkNumber, checkShape } from './initializer';

/** Options of {@link Identity}. */
export interface IdentityOptions {
  /** Multiplies the identity matrix. Default 1. */
  gain?: number;
}

/**
 * `gain` times the identity matrix (`keras.initializers.Identity`, alias `'IdentityInitializer'`):
 * shape `[n, m]` only, ones on the main diagonal of a possibly non-square matrix, as `eye(n, m)`.
 *
 * @example
 * new Identity({ gain: 2 }).apply([2, 3]); // [[2, 0, 0], [0, 2, 0]]
 */
export class Identity extends Initializer {
  static override readonly className = 'Identity';
  readonly gain: number;

  constructor(options: IdentityOptions = {}) {
    super();
    this.gain = checkNumber(options.gain ?? 1, this.who, 'gain');
  }

  apply(shape: readonly number[], dtype: DType = 'float32'): Tensor {
    checkShape(shape, this.who);
    if (shape.length !== 2) {
      throw new ValueError(
        `${this.who}: shape must be 2D (the identity matrix initializer only makes matrices), ` +
          `received shape=${show([...shape])} of rank ${shape.length}`,
      );
    }
    const out = eye(shape[0], shape[1], 0, dtype);
    if (this.gain !== 1) for (let i = 0; i < out.data.length; i++) out.data[i] *= this.gain;
    return out;
  }

  /** Keras 3.15 writes `{}` and so loses `gain`; Strata writes `{}` too unless gain differs from 1. */
  override getConfig(): Record<string, unknown> {
    return this.gain === 1 ? {} : { gain: this.gain };
  }
}
