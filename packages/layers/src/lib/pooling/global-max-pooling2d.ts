import { Tensor, max } from '@strata/tensor';
import { BaseGlobalPooling, GlobalPoolingArgs } from './base-global-pooling';

/** Options of `new GlobalMaxPooling2D(...)`. */
export type GlobalMaxPooling2DArgs = GlobalPoolingArgs;

/**
 * Global max pooling over (height, width) (`keras.layers.GlobalMaxPooling2D`): y[b, c] = max_{height, width} x[b, ..., c].
 *
 * Input `(batch, height, width, channels)` (channels_first: `(batch, channels, height, width)`); output `(batch, channels)`, or with `keepdims`
 * the input layout with every spatial length 1. No weights.
 *
 * @example
 * new GlobalMaxPooling2D().apply(zeros([1, 28, 28, 8])).shape; // [1, 8]
 */
export class GlobalMaxPooling2D extends BaseGlobalPooling {
  static override readonly className: string = 'GlobalMaxPooling2D';

  constructor(args: GlobalMaxPooling2DArgs = {}) {
    super(2, args);
  }

  protected override reduce(x: Tensor, axes: number[]): Tensor {
    return max(x, axes, this.keepdims);
  }
}
