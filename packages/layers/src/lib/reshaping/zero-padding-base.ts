import { Tensor, pad } from '@strata/tensor';
import { DataFormat, normalizeDataFormat } from '../core/data-format';
import { InputSpec } from '../engine/input-spec';
import { Layer } from '../engine/layer';
import { LayerArgs } from '../engine/layer-args';
import { Shape, singleShape } from '../engine/shape';
import { spatialAxes } from './spatial-args';

/** Options shared by ZeroPadding1D/2D/3D. */
export interface ZeroPaddingBaseArgs extends LayerArgs {
  /** Where the channels axis is; default `'channels_last'`. */
  dataFormat?: DataFormat;
}

/**
 * What ZeroPadding1D/2D/3D share: zeros added before and after each spatial axis. Subclasses
 * parse their `padding` argument into one `[before, after]` pair per spatial axis.
 *
 * Input `(batch, ...spatial, channels)` or `(batch, channels, ...spatial)`; output with
 * `d + before + after` on each spatial axis.
 *
 * @example
 * new ZeroPadding2D({ padding: 1 }).apply(ones([1, 2, 2, 1])).shape; // [1, 4, 4, 1]
 */
export abstract class ZeroPaddingBase extends Layer {
  readonly dataFormat: DataFormat;

  constructor(args: ZeroPaddingBaseArgs, rank: number) {
    super(args);
    this.dataFormat = normalizeDataFormat(args.dataFormat, (this.constructor as typeof Layer).className);
    this.inputSpec = new InputSpec({ ndim: rank });
  }

  /** One `[before, after]` pair per spatial axis. */
  protected abstract get pairs(): readonly (readonly [number, number])[];

  override call(x: Tensor): Tensor {
    const paddings: [number, number][] = x.shape.map(() => [0, 0]);
    spatialAxes(x.rank, this.dataFormat === 'channels_first').forEach((a, i) => (paddings[a] = [...this.pairs[i]]));
    return pad(x, paddings);
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const out = [...singleShape(inputShape, this.name)];
    spatialAxes(out.length, this.dataFormat === 'channels_first').forEach((a, i) => {
      const d = out[a];
      if (d !== null) out[a] = d + this.pairs[i][0] + this.pairs[i][1];
    });
    return out;
  }
}
