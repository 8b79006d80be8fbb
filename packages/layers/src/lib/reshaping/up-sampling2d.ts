import { Tensor, ValueError, repeat, show } from '@strata/tensor';
import { DataFormat, normalizeDataFormat } from '../core/data-format';
import { InputSpec } from '../engine/input-spec';
import { Layer } from '../engine/layer';
import { LayerArgs } from '../engine/layer-args';
import { Shape, singleShape } from '../engine/shape';
import { ResizeKernel, resizeAxis } from './resize';
import { intTuple, spatialAxes } from './spatial-args';

/** The interpolations of UpSampling2D: Keras's (JAX backend) `image.resize` methods. */
export type UpSamplingInterpolation = 'nearest' | ResizeKernel;

const INTERPOLATIONS: readonly string[] = ['bilinear', 'nearest', 'lanczos3', 'lanczos5', 'bicubic'];

/** Options of `new UpSampling2D(...)`. */
export interface UpSampling2DArgs extends LayerArgs {
  /** Factors for rows and columns (an integer for both). Positive; default `[2, 2]`. */
  size?: number | [number, number];
  /** Where the channels axis is; default `'channels_last'`. */
  dataFormat?: DataFormat;
  /**
   * `'nearest'` (default) repeats rows and columns; `'bilinear'`, `'bicubic'`, `'lanczos3'`,
   * `'lanczos5'` interpolate as `jax.image.resize` with half-pixel centres and no antialiasing.
   * Case-insensitive.
   */
  interpolation?: UpSamplingInterpolation;
}

/**
 * Upsamples images by integer factors (`keras.layers.UpSampling2D`): `'nearest'` repeats each
 * row `size[0]` and each column `size[1]` times; the other interpolations resize to
 * `(rows * size[0], cols * size[1])` exactly as Keras's JAX backend (`jax.image.resize`,
 * `antialias=false`): output pixel `i` samples the input at `(i + 0.5) / size - 0.5`, edges clamped.
 *
 * Input `(batch, rows, cols, channels)` (channels_last) or `(batch, channels, rows, cols)`;
 * output `(batch, rows * size[0], cols * size[1], channels)` (or the channels_first order). No weights.
 *
 * @example
 * new UpSampling2D({ interpolation: 'bilinear' }).apply(tensor([[[[0], [1]]]])).toArray();
 * // [[[[0], [0.25], [0.75], [1]], [[0], [0.25], [0.75], [1]]]]
 */
export class UpSampling2D extends Layer {
  static override readonly className: string = 'UpSampling2D';
  readonly size: [number, number];
  readonly dataFormat: DataFormat;
  readonly interpolation: UpSamplingInterpolation;

  constructor(args: UpSampling2DArgs = {}) {
    super(args);
    this.dataFormat = normalizeDataFormat(args.dataFormat, 'UpSampling2D');
    this.size = intTuple(args.size ?? 2, 2, 'size', 'UpSampling2D') as [number, number];
    const interpolation = args.interpolation ?? 'nearest';
    const lower = typeof interpolation === 'string' ? interpolation.toLowerCase() : interpolation;
    if (typeof lower !== 'string' || !INTERPOLATIONS.includes(lower)) {
      throw new ValueError(
        `UpSampling2D: interpolation must be one of ${INTERPOLATIONS.map((m) => `'${m}'`).join(', ')}, received interpolation=${show(interpolation)}`,
      );
    }
    this.interpolation = lower as UpSamplingInterpolation;
    this.inputSpec = new InputSpec({ ndim: 4 });
  }

  override call(x: Tensor): Tensor {
    const axes = spatialAxes(4, this.dataFormat === 'channels_first');
    let y = x;
    axes.forEach((a, i) => {
      // jax.image.resize leaves an axis of scale 1 untouched (a Lanczos matrix would not be exactly the identity).
      if (this.size[i] === 1) return;
      y = this.interpolation === 'nearest'
        ? repeat(y, this.size[i], a)
        : resizeAxis(y, a, y.shape[a] * this.size[i], this.interpolation as ResizeKernel);
    });
    return y;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const out = [...singleShape(inputShape, this.name)];
    spatialAxes(4, this.dataFormat === 'channels_first').forEach((a, i) => {
      const d = out[a];
      out[a] = d === null ? null : d * this.size[i];
    });
    return out;
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), size: [...this.size], data_format: this.dataFormat, interpolation: this.interpolation };
  }
}
