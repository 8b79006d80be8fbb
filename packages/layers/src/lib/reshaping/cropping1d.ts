import { DataFormat } from '../core/data-format';
import { LayerArgs } from '../engine/layer-args';
import { CroppingBase } from './cropping-base';
import { intTuple } from './spatial-args';

/** Options of `new Cropping1D(...)`. */
export interface Cropping1DArgs extends LayerArgs {
  /** Steps removed at both ends (an integer) or `[before, after]`. Default `[1, 1]`. */
  cropping?: number | [number, number];
}

/**
 * Crops the steps axis of a sequence (`keras.layers.Cropping1D`): `y = x[:, before : steps - after, :]`.
 *
 * Input `(batch, steps, features)`; output `(batch, steps - before - after, features)`; at least
 * one step must remain. No weights.
 *
 * @example
 * new Cropping1D({ cropping: [1, 2] }).apply(zeros([2, 5, 3])).shape; // [2, 2, 3]
 */
export class Cropping1D extends CroppingBase {
  static override readonly className: string = 'Cropping1D';
  readonly cropping: [number, number];

  constructor(args: Cropping1DArgs = {}) {
    super(args, 3);
    this.cropping = intTuple(args.cropping ?? 1, 2, 'cropping', 'Cropping1D', true) as [number, number];
  }

  protected override get pairs(): [number, number][] {
    return [this.cropping];
  }

  protected override get format(): DataFormat {
    return 'channels_last';
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), cropping: [...this.cropping] };
  }
}
