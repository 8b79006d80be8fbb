import { Tensor, ValueError, avgPool1d, avgPool2d, avgPool3d, maxPool1d, maxPool2d, maxPool3d, show } from '@strata/tensor';
import { DataFormat, normalizeDataFormat } from '../core/data-format';
import { InputSpec } from '../engine/input-spec';
import { Layer } from '../engine/layer';
import { LayerArgs } from '../engine/layer-args';
import { Shape, singleShape } from '../engine/shape';
import { convTuple, toChannelsFirst, toChannelsLast, windowOutputShape } from '../convolutional/conv-utils';

/** Options of the max and average pooling layers (Keras's arguments in camelCase). */
export interface PoolingArgs extends LayerArgs {
  /** Window size: one integer for every spatial axis or one per axis. */
  poolSize?: number | number[];
  /** Step of the window; default (`null`) `poolSize`. */
  strides?: number | number[] | null;
  /** `'valid'` (default: windows inside the input) or `'same'` (output length ceil(in / stride), padded cells ignored). */
  padding?: string;
  /** `'channels_last'` (default) or `'channels_first'`. */
  dataFormat?: DataFormat | string | null;
}

const OPS = {
  max: [maxPool1d, maxPool2d, maxPool3d],
  average: [avgPool1d, avgPool2d, avgPool3d],
};

/**
 * The windowed pooling layer (Keras's `BasePooling`): the max or the mean of each window,
 * per channel. Output length per axis: 'valid' floor((in - poolSize) / s) + 1, 'same' ceil(in / s).
 *
 * Input `(batch, ...spatial, channels)` (or channels_first); output the same layout. No weights.
 *
 * @example
 * class MyPool extends BasePooling { constructor(args: PoolingArgs) { super(2, 'max', args, 2); } }
 */
export abstract class BasePooling extends Layer {
  readonly rank: number;
  readonly poolMode: 'max' | 'average';
  readonly poolSize: number[];
  readonly strides: number[];
  readonly padding: 'valid' | 'same';
  readonly dataFormat: DataFormat;

  constructor(rank: number, poolMode: 'max' | 'average', args: PoolingArgs, defaultPoolSize?: number) {
    super(args);
    const who = this.className;
    this.rank = rank;
    this.poolMode = poolMode;
    this.poolSize = convTuple(args?.poolSize ?? defaultPoolSize, rank, 'poolSize', who);
    this.strides = args.strides === undefined || args.strides === null ? [...this.poolSize] : convTuple(args.strides, rank, 'strides', who);
    // Keras stores padding as given and only its lower-case names work in its pooling ops.
    const padding = args.padding ?? 'valid';
    if (padding !== 'valid' && padding !== 'same') {
      throw new ValueError(`${who}: padding must be 'valid' or 'same', received padding=${show(padding)}`);
    }
    this.padding = padding;
    this.dataFormat = normalizeDataFormat(args.dataFormat, who);
    this.inputSpec = new InputSpec({ ndim: rank + 2 });
    // Built at construction, as Keras's `_build_at_init`: no weights and no build config.
    this.built = true;
  }

  override call(x: Tensor): Tensor {
    // Shape inference first, so an input too small for the window fails as in a symbolic call.
    this.computeOutputShape(x.shape);
    const op = OPS[this.poolMode][this.rank - 1];
    const options = { poolSize: this.poolSize, strides: this.strides, padding: this.padding };
    if (this.dataFormat === 'channels_last') return op(x, options);
    return toChannelsFirst(op(toChannelsLast(x), options));
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const s = singleShape(inputShape, this.name);
    const channels = this.dataFormat === 'channels_last' ? s[s.length - 1] : s[1];
    return windowOutputShape(s, {
      rank: this.rank, channels, kernelSize: this.poolSize, strides: this.strides,
      dilation: new Array<number>(this.rank).fill(1), padding: this.padding, dataFormat: this.dataFormat,
    }, `${this.className} '${this.name}'`);
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      pool_size: this.poolSize,
      padding: this.padding,
      strides: this.strides,
      data_format: this.dataFormat,
    };
  }
}
