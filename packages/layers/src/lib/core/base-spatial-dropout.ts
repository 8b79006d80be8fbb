import { DTypeArg } from '../engine/layer-args';
import { Dropout } from './dropout';

/** Options of the spatial dropout layers: Keras accepts only these (no `noiseShape`, no `trainable`). */
export interface SpatialDropoutArgs {
  /** Fraction of the feature maps to drop, in [0, 1]. */
  rate: number;
  seed?: number | null;
  name?: string;
  dtype?: DTypeArg;
}

/**
 * Keras's `BaseSpatialDropout`: a `Dropout` whose mask drops whole feature maps. Subclasses only
 * fix the noise shape (`noiseShapeFor`) and the input rank.
 */
export abstract class BaseSpatialDropout extends Dropout {
  constructor(args: SpatialDropoutArgs) {
    super({ rate: args?.rate, seed: args?.seed, name: args?.name, dtype: args?.dtype });
  }

  /** The mask shape: batch and channels kept, every spatial axis 1. */
  protected abstract override noiseShapeFor(shape: readonly number[]): number[];

  /** Keras writes only these keys for the spatial variants (no `trainable`; dtype as a plain name). */
  override getConfig(): Record<string, unknown> {
    return { rate: this.rate, seed: this.seed, name: this.name, dtype: this.dtype };
  }
}
