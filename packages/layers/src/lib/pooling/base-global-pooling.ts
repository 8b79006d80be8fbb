import { Tensor } from '@strata/tensor';
import { DataFormat, normalizeDataFormat } from '../core/data-format';
import { InputSpec } from '../engine/input-spec';
import { CallContext, Layer } from '../engine/layer';
import { LayerArgs } from '../engine/layer-args';
import { Shape, singleShape } from '../engine/shape';
import { checkSpatialRank } from '../convolutional/conv-utils';

/** Options of the global pooling layers (Keras's arguments in camelCase). */
export interface GlobalPoolingArgs extends LayerArgs {
  /** `'channels_last'` (default) or `'channels_first'`. */
  dataFormat?: DataFormat | string | null;
  /** Keep the spatial axes with length 1. Default false. */
  keepdims?: boolean;
}

/**
 * The global pooling layer (Keras's `BaseGlobalPooling`): one reduction (max or mean) over all
 * spatial axes per channel.
 *
 * Input `(batch, ...spatial, channels)` (or channels_first); output `(batch, channels)`, or with
 * `keepdims` the input layout with every spatial length 1. No weights.
 *
 * @example
 * class MyGlobal extends BaseGlobalPooling { constructor(args: GlobalPoolingArgs = {}) { super(2, args); } ... }
 */
export abstract class BaseGlobalPooling extends Layer {
  readonly rank: number;
  readonly dataFormat: DataFormat;
  readonly keepdims: boolean;

  constructor(rank: number, args: GlobalPoolingArgs = {}) {
    super(args);
    this.rank = rank;
    this.dataFormat = normalizeDataFormat(args.dataFormat, this.className);
    this.keepdims = args.keepdims ?? false;
    this.inputSpec = new InputSpec({ ndim: rank + 2 });
    // Built at construction, as Keras's `_build_at_init`: no weights and no build config.
    this.built = true;
  }

  /** The reduction over `axes` (the spatial axes). */
  protected abstract reduce(x: Tensor, axes: number[], context: CallContext): Tensor;

  /** The spatial axes of the input, batch axis counted. */
  protected spatialAxes(): number[] {
    const first = this.dataFormat === 'channels_last' ? 1 : 2;
    return Array.from({ length: this.rank }, (_, i) => first + i);
  }

  override call(x: Tensor, context: CallContext): Tensor {
    checkSpatialRank(x.shape, this.rank, this.dataFormat, `${this.className} '${this.name}'`);
    return this.reduce(x, this.spatialAxes(), context);
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const s = singleShape(inputShape, this.name);
    const channels = this.dataFormat === 'channels_last' ? s[s.length - 1] : s[1];
    if (!this.keepdims) return [s[0], channels];
    const ones = new Array<number>(s.length - 2).fill(1);
    return this.dataFormat === 'channels_last' ? [s[0], ...ones, channels] : [s[0], channels, ...ones];
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), data_format: this.dataFormat, keepdims: this.keepdims };
  }
}
