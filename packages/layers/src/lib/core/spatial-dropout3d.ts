import { InputSpec } from '../engine/input-spec';
import { BaseSpatialDropout, SpatialDropoutArgs } from './base-spatial-dropout';
import { DataFormat, normalizeDataFormat } from './data-format';

/** Options of `new SpatialDropout3D(...)`. */
export interface SpatialDropout3DArgs extends SpatialDropoutArgs {
  /** Where the channels axis is; default `'channels_last'`. */
  dataFormat?: DataFormat;
}

/**
 * Dropout of whole 3D feature maps (`keras.layers.SpatialDropout3D`): the mask has shape
 * `(batch, 1, 1, 1, channels)` (channels_last) or `(batch, channels, 1, 1, 1)` (channels_first),
 * so a dropped channel is zero everywhere; kept ones are scaled by `1 / (1 - rate)`. Active
 * only with `training: true`.
 *
 * Input `(batch, dim1, dim2, dim3, channels)` (channels_last) or `(batch, channels, dim1, dim2, dim3)``; output the same shape.
 *
 * @example
 * const drop = new SpatialDropout3D({ rate: 0.5, seed: 1 });
 * drop.apply(ones([2, 3, 3, 3, 4]), { training: true }); // each channel of each sample all 0 or all 2
 */
export class SpatialDropout3D extends BaseSpatialDropout {
  static override readonly className: string = 'SpatialDropout3D';
  readonly dataFormat: DataFormat;

  constructor(args: SpatialDropout3DArgs) {
    super(args);
    this.dataFormat = normalizeDataFormat(args.dataFormat, this.className);
    this.inputSpec = new InputSpec({ ndim: 5 });
  }

  protected override noiseShapeFor(shape: readonly number[]): number[] {
    return this.dataFormat === 'channels_first' ? [shape[0], shape[1], 1, 1, 1] : [shape[0], 1, 1, 1, shape[4]];
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), data_format: this.dataFormat };
  }
}
