import { DType, Tensor, truncatedNormal } from '@strata/tensor';
import { checkNumber, checkShape } from './initializer';
import { InitializerSeed, RandomInitializer } from './random-initializer';

/** Options of {@link TruncatedNormal}. */
export interface TruncatedNormalOptions {
  /** Mean of the normal distribution before truncation. Default 0. */
  mean?: number;
  /** Standard deviation before truncation. Default 0.05. */
  stddev?: number;
  /** Integer or `SeedGenerator`; see {@link RandomInitializer} for what each gives. */
  seed?: InitializerSeed;
}

/**
 * Samples of `N(mean, stddev²)` redrawn until within two standard deviations of the mean
 * (`keras.initializers.TruncatedNormal`): every value lies in `[mean - 2·stddev, mean + 2·stddev]`;
 * the standard deviation of the result is about `0.88·stddev`.
 *
 * @example
 * new TruncatedNormal({ mean: 0, stddev: 1, seed: 1 }).apply([2, 2]);
 */
export class TruncatedNormal extends RandomInitializer {
  static override readonly className = 'TruncatedNormal';
  readonly mean: number;
  readonly stddev: number;

  constructor(options: TruncatedNormalOptions = {}) {
    super(options.seed);
    this.mean = checkNumber(options.mean ?? 0, this.who, 'mean');
    this.stddev = checkNumber(options.stddev ?? 0.05, this.who, 'stddev');
  }

  apply(shape: readonly number[], dtype: DType = 'float32'): Tensor {
    this.checkFloat(dtype);
    // Keras accepts a negative stddev: mean + stddev·z has the same distribution as with |stddev|.
    return truncatedNormal(checkShape(shape, this.who), { mean: this.mean, stddev: Math.abs(this.stddev), seed: this.seed });
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), mean: this.mean, stddev: this.stddev };
  }
}
