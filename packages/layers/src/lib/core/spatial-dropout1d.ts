import { InputSpec } from '../engine/input-spec';
import { BaseSpatialDropout, SpatialDropoutArgs } from './base-spatial-dropout';

/** Options of `new SpatialDropout1D(...)` (Keras takes no `dataFormat` here: channels are last). */
export type SpatialDropout1DArgs = SpatialDropoutArgs;

/**
 * Dropout of whole 1D feature maps (`keras.layers.SpatialDropout1D`): the mask has shape
 * `(batch, 1, channels)`, so a dropped channel is zero at every timestep; kept ones are scaled
 * by `1 / (1 - rate)`. Active only with `training: true`.
 *
 * Input `(batch, timesteps, channels)`; output the same shape.
 *
 * @example
 * const drop = new SpatialDropout1D({ rate: 0.5, seed: 1 });
 * drop.apply(ones([2, 5, 3]), { training: true }); // each [b, :, c] column all 0 or all 2
 */
export class SpatialDropout1D extends BaseSpatialDropout {
  static override readonly className: string = 'SpatialDropout1D';

  constructor(args: SpatialDropout1DArgs) {
    super(args);
    this.inputSpec = new InputSpec({ ndim: 3 });
  }

  protected override noiseShapeFor(shape: readonly number[]): number[] {
    return [shape[0], 1, shape[2]];
  }
}
