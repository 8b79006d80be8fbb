import { DataFormat, normalizeDataFormat } from '../core/data-format';
import { LayerArgs } from '../engine/layer-args';
import { CroppingBase } from './cropping-base';
import { pairsArg } from './spatial-args';

/** Options of `new Cropping3D(...)`. */
export interface Cropping3DArgs extends LayerArgs {
  /**
   * Removed on every side (an integer), per axis (`[d1, d2, d3]`), or per side
   * (`[[before1, after1], [before2, after2], [before3, after3]]`). Default 1.
   */
  cropping?: number | [number | [number, number], number | [number, number], number | [number, number]];
  /** Where the channels axis is; default `'channels_last'`. */
  dataFormat?: DataFormat;
}

/**
 * Crops the three spatial axes of volumes (`keras.layers.Cropping3D`).
 *
 * Input `(batch, d1, d2, d3, channels)` (channels_last) or `(batch, channels, d1, d2, d3)`;
 * output `d_i - before_i - after_i` on each spatial axis, at least 1 each. No weights.
 *
 * @example
 * new Cropping3D({ cropping: [1, 0, [0, 2]] }).apply(zeros([1, 4, 4, 4, 2])).shape; // [1, 2, 4, 2, 2]
 */
export class Cropping3D extends CroppingBase {
  static override readonly className: string = 'Cropping3D';
  readonly cropping: [number, number][];
  readonly dataFormat: DataFormat;

  constructor(args: Cropping3DArgs = {}) {
    super(args, 5);
    this.dataFormat = normalizeDataFormat(args.dataFormat, 'Cropping3D');
    this.cropping = pairsArg(args.cropping ?? 1, 3, 'cropping', 'Cropping3D');
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
