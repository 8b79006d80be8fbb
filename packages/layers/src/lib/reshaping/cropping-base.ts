import { ShapeError, Tensor, show, slice } from '@strata/tensor';
import { DataFormat } from '../core/data-format';
import { InputSpec } from '../engine/input-spec';
import { Layer } from '../engine/layer';
import { LayerArgs } from '../engine/layer-args';
import { Shape, formatKerasShape, singleShape } from '../engine/shape';
import { spatialAxes } from './spatial-args';

/**
 * What Cropping1D/2D/3D share: entries removed before and after each spatial axis, leaving at
 * least one. Subclasses parse their `cropping` argument into one `[before, after]` pair per
 * spatial axis.
 *
 * Input `(batch, ...spatial, channels)` or `(batch, channels, ...spatial)`; output with
 * `d - before - after` (at least 1) on each spatial axis.
 *
 * @example
 * new Cropping2D({ cropping: 1 }).apply(ones([1, 4, 4, 1])).shape; // [1, 2, 2, 1]
 */
export abstract class CroppingBase extends Layer {
  constructor(args: LayerArgs, rank: number) {
    super(args);
    this.inputSpec = new InputSpec({ ndim: rank });
  }

  /** One `[before, after]` pair per spatial axis. */
  protected abstract get pairs(): readonly (readonly [number, number])[];

  /** Where the channels axis is (Cropping1D: always last). */
  protected abstract get format(): DataFormat;

  /** The cropped shape; throws when a crop leaves nothing of a known axis. */
  private cropShape(shape: Shape): Shape {
    const out = [...shape];
    spatialAxes(shape.length, this.format === 'channels_first').forEach((a, i) => {
      const d = out[a];
      if (d === null) return;
      const left = d - this.pairs[i][0] - this.pairs[i][1];
      if (left <= 0) {
        throw new ShapeError(
          `${this.className} '${this.name}': cropping must be smaller than each spatial axis of the input ` +
            `${formatKerasShape(shape)}, received cropping=${show(this.pairs.length === 1 ? this.pairs[0] : this.pairs)}`,
        );
      }
      out[a] = left;
    });
    return out;
  }

  override call(x: Tensor): Tensor {
    const size = this.cropShape(x.shape) as number[];
    const begin = x.shape.map(() => 0);
    spatialAxes(x.rank, this.format === 'channels_first').forEach((a, i) => (begin[a] = this.pairs[i][0]));
    return slice(x, begin, size);
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    return this.cropShape(singleShape(inputShape, this.name));
  }
}
