import { ZeroPaddingBase, ZeroPaddingBaseArgs } from './zero-padding-base';
import { pairsArg } from './spatial-args';

/** Options of `new ZeroPadding2D(...)`. */
export interface ZeroPadding2DArgs extends ZeroPaddingBaseArgs {
  /**
   * Zeros added on every side (an integer), per axis (`[rows, cols]`), or per side
   * (`[[top, bottom], [left, right]]`). Default 1.
   */
  padding?: number | [number | [number, number], number | [number, number]];
}

/**
 * Pads the rows and columns of images with zeros (`keras.layers.ZeroPadding2D`).
 *
 * Input `(batch, rows, cols, channels)` (channels_last) or `(batch, channels, rows, cols)`;
 * output `rows + top + bottom`, `cols + left + right`. No weights.
 *
 * @example
 * new ZeroPadding2D({ padding: [[1, 0], [0, 2]] }).apply(ones([1, 2, 2, 1])).shape; // [1, 3, 4, 1]
 */
export class ZeroPadding2D extends ZeroPaddingBase {
  static override readonly className: string = 'ZeroPadding2D';
  readonly padding: [number, number][];

  constructor(args: ZeroPadding2DArgs = {}) {
    super(args, 4);
    this.padding = pairsArg(args.padding ?? 1, 2, 'padding', 'ZeroPadding2D');
  }

  protected override get pairs(): [number, number][] {
    return this.padding;
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), padding: this.padding.map((p) => [...p]), data_format: this.dataFormat };
  }
}
