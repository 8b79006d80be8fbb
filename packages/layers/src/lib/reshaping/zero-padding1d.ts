import { ZeroPaddingBase, ZeroPaddingBaseArgs } from './zero-padding-base';
import { intTuple } from './spatial-args';

/** Options of `new ZeroPadding1D(...)`. */
export interface ZeroPadding1DArgs extends ZeroPaddingBaseArgs {
  /** Zeros added at both ends (an integer) or `[before, after]`. Default 1. */
  padding?: number | [number, number];
}

/**
 * Pads the steps axis of a sequence with zeros (`keras.layers.ZeroPadding1D`).
 *
 * Input `(batch, steps, features)` (channels_last) or `(batch, features, steps)`; output with
 * `steps + before + after` steps. No weights.
 *
 * @example
 * new ZeroPadding1D({ padding: [1, 2] }).apply(ones([1, 2, 1])).toArray(); // [[[0], [1], [1], [0], [0]]]
 */
export class ZeroPadding1D extends ZeroPaddingBase {
  static override readonly className: string = 'ZeroPadding1D';
  readonly padding: [number, number];

  constructor(args: ZeroPadding1DArgs = {}) {
    super(args, 3);
    this.padding = intTuple(args.padding ?? 1, 2, 'padding', 'ZeroPadding1D', true) as [number, number];
  }

  protected override get pairs(): [number, number][] {
    return [this.padding];
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), padding: [...this.padding], data_format: this.dataFormat };
  }
}
