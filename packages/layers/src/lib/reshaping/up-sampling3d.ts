import { Tensor, repeat } from '@strata/tensor';
import { DataFormat, normalizeDataFormat } from '../core/data-format';
import { InputSpec } from '../engine/input-spec';
import { Layer } from '../engine/layer';
import { LayerArgs } from '../engine/layer-args';
import { Shape, singleShape } from '../engine/shape';
import { intTuple, spatialAxes } from './spatial-args';

/** Options of `new UpSampling3D(...)`. */
export interface UpSampling3DArgs extends LayerArgs {
  /** Factors for the three spatial axes (an integer for all). Positive; default `[2, 2, 2]`. */
  size?: number | [number, number, number];
  /** Where the channels axis is; default `'channels_last'`. */
  dataFormat?: DataFormat;
}

/**
 * Upsamples volumes by repeating each entry `size[i]` times along spatial axis `i`
 * (`keras.layers.UpSampling3D`), nearest-neighbour.
 *
 * Input `(batch, d1, d2, d3, channels)` (channels_last) or `(batch, channels, d1, d2, d3)`;
 * output `d_i * size[i]` on each spatial axis. No weights.
 *
 * @example
 * new UpSampling3D({ size: [1, 2, 3] }).apply(zeros([1, 2, 2, 2, 4])).shape; // [1, 2, 4, 6, 4]
 */
export class UpSampling3D extends Layer {
  static override readonly className: string = 'UpSampling3D';
  readonly size: [number, number, number];
  readonly dataFormat: DataFormat;

  constructor(args: UpSampling3DArgs = {}) {
    super(args);
    this.dataFormat = normalizeDataFormat(args.dataFormat, 'UpSampling3D');
    this.size = intTuple(args.size ?? 2, 3, 'size', 'UpSampling3D') as [number, number, number];
    this.inputSpec = new InputSpec({ ndim: 5 });
  }

  override call(x: Tensor): Tensor {
    let y = x;
    spatialAxes(5, this.dataFormat === 'channels_first').forEach((a, i) => (y = repeat(y, this.size[i], a)));
    return y;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const out = [...singleShape(inputShape, this.name)];
    spatialAxes(5, this.dataFormat === 'channels_first').forEach((a, i) => {
      const d = out[a];
      out[a] = d === null ? null : d * this.size[i];
    });
    return out;
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), size: [...this.size], data_format: this.dataFormat };
  }
}
