import { DType, Tensor, randomNormal } from '@strata/tensor';
import { checkNumber, checkShape } from './initializer';
import { InitializerSeed, RandomInitializer } from './random-initializer';

/** Options of {@link RandomNormal}. */
export interface RandomNormalOptions {
  /** Mean of the normal distribution. Default 0. */
  mean?: number;
  /** Standard deviation. Default 0.05. */
  stddev?: number;
  /** Integer or `SeedGenerator`; see {@link RandomInitializer} for what each gives. */
  seed?: InitializerSeed;
}

/**
 * Samples of `N(mean, stddev²)` (`keras.initializers.RandomNormal`, alias `'normal'`).
 *
 * @example
 * new RandomNormal({ mean: 0, stddev: 1, seed: 1 }).apply([2, 2]);
 */
export class RandomNormal extends RandomInitializer {
  static override readonly className = 'RandomNormal';
  readonly mean: number;
  readonly stddev: number;

  constructor(options: RandomNormalOptions = {}) {
    super(options.seed);
    this.mean = checkNumber(options.mean ?? 0, this.who, 'mean');
    this.stddev = checkNumber(options.stddev ?? 0.05, this.who, 'stddev');
  }

  apply(shape: readonly number[], dtype: DType = 'float32'): Tensor {
    this.checkFloat(dtype);
    // Keras accepts a negative stddev: mean + stddev·z has the same distribution as with |stddev|.
    return randomNormal(checkShape(shape, this.who), { mean: this.mean, stddev: Math.abs(this.stddev), seed: this.seed });
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), mean: this.mean, stddev: this.stddev };
  }
}
