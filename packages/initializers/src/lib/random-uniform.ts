import { DType, Tensor, full, randomUniform } from '@strata/tensor';
import { checkNumber, checkShape } from './initializer';
import { InitializerSeed, RandomInitializer } from './random-initializer';

/** Options of {@link RandomUniform}. */
export interface RandomUniformOptions {
  /** Lower bound (inclusive). Default -0.05. */
  minval?: number;
  /** Upper bound (exclusive). Default 0.05. */
  maxval?: number;
  /** Integer or `SeedGenerator`; see {@link RandomInitializer} for what each gives. */
  seed?: InitializerSeed;
}

/**
 * Samples of the uniform distribution on `[minval, maxval)` (`keras.initializers.RandomUniform`,
 * alias `'uniform'`).
 *
 * @example
 * new RandomUniform({ minval: -1, maxval: 1, seed: 1 }).apply([2, 2]);
 */
export class RandomUniform extends RandomInitializer {
  static override readonly className = 'RandomUniform';
  readonly minval: number;
  readonly maxval: number;

  constructor(options: RandomUniformOptions = {}) {
    super(options.seed);
    this.minval = checkNumber(options.minval ?? -0.05, this.who, 'minval');
    this.maxval = checkNumber(options.maxval ?? 0.05, this.who, 'maxval');
  }

  apply(shape: readonly number[], dtype: DType = 'float32'): Tensor {
    this.checkFloat(dtype);
    checkShape(shape, this.who);
    // Keras draws minval + (maxval - minval)·u, which allows maxval <= minval.
    if (this.minval === this.maxval) return full(shape, this.minval);
    const [minval, maxval] = this.minval < this.maxval ? [this.minval, this.maxval] : [this.maxval, this.minval];
    return randomUniform(shape, { minval, maxval, seed: this.seed });
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), minval: this.minval, maxval: this.maxval };
  }
}
