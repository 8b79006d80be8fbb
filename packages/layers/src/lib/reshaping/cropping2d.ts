import { DataFormat, normalizeDataFormat } from '../core/data-format';
import { LayerArgs } from '../engine/layer-args';
import { CroppingBase } from './cropping-base';
import { pairsArg } from './spatial-args';

/** Options of `new Cropping2D(...)`. */
export interface Cropping2DArgs extends LayerArgs {
  /**
   * Removed on every side (an integer), per axis (`[rows, cols]`), or per side
   * (`[[top, bottom], [left, right]]`). Default 0 (nothing).
   */
  cropping?: number | [number | [number, number], number | [number, number]];
  /** Where the channels axis is; default `'channels_last'`. */
  dataFormat?: DataFormat;
}

/**
 * Crops the rows and columns of images (`keras.layers.Cropping2D`).
 *
 * Input `(batch, rows, cols, channels)` (channels_last) or `(batch, channels, rows, cols)`;
 * output `rows - top - bottom`, `cols - left - right`, at least 1 each. No weights.
 *
 * @example
 * new Cropping2D({ cropping: [[1, 0], [2, 2]] }).apply(zeros([1, 4, 6, 3])).shape; // [1, 3, 2, 3]
 */
export class Cropping2D extends CroppingBase {
  static override readonly className: string = 'Cropping2D';
  readonly cropping: [number, number][];
  readonly dataFormat: DataFormat;

  constructor(args: Cropping2DArgs = {}) {
    super(args, 4);
    this.dataFormat = normalizeDataFormat(args.dataFormat, 'Cropping2D');
    this.cropping = pairsArg(args.cropping ?? 0, 2, 'cropping', 'Cropping2D');
  }

  protected override get pairs(): [number, number][] {
    return this.cropping;
  }

  protected override get format(): DataFormat {
    return this.dataFormat;
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), cropping: this.cropping.map((p) => [...p]), data_format: this.dataFormat };
  }
}
