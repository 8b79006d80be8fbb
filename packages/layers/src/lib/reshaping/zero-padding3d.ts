import { ZeroPaddingBase, ZeroPaddingBaseArgs } from './zero-padding-base';
import { pairsArg } from './spatial-args';

/** Options of `new ZeroPadding3D(...)`. */
export interface ZeroPadding3DArgs extends ZeroPaddingBaseArgs {
  /**
   * Zeros added on every side (an integer), per axis (`[d1, d2, d3]`), or per side
   * (`[[before1, after1], [before2, after2], [before3, after3]]`). Default 1.
   */
  padding?: number | [number | [number, number], number | [number, number], number | [number, number]];
}

/**
 * Pads the three spatial axes of volumes with zeros (`keras.layers.ZeroPadding3D`).
 *
 * Input `(batch, d1, d2, d3, channels)` (channels_last) or `(batch, channels, d1, d2, d3)`;
 * output `d_i + before_i + after_i` on each spatial axis. No weights.
 *
 * @example
 * new ZeroPadding3D({ padding: [1, 0, 2] }).apply(ones([1, 2, 2, 2, 1])).shape; // [1, 4, 2, 6, 1]
 */
export class ZeroPadding3D extends ZeroPaddingBase {
  static override readonly className: string = 'ZeroPadding3D';
  readonly padding: [number, number][];

  constructor(args: ZeroPadding3DArgs = {}) {
    super(args, 5);
    this.padding = pairsArg(args.padding ?? 1, 3, 'padding', 'ZeroPadding3D');
  }

  protected override get pairs(): [number, number][] {
    return this.padding;
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), padding: this.padding.map((p) => [...p]), data_format: this.dataFormat };
  }
}
