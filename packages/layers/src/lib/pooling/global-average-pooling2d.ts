import { Tensor, mean } from '@strata/tensor';
import { BaseGlobalPooling, GlobalPoolingArgs } from './base-global-pooling';

/** Options of `new GlobalAveragePooling2D(...)`. */
export type GlobalAveragePooling2DArgs = GlobalPoolingArgs;

/**
 * Global average pooling over (height, width) (`keras.layers.GlobalAveragePooling2D`): y[b, c] = mean_{height, width} x[b, ..., c].
 *
 * Input `(batch, height, width, channels)` (channels_first: `(batch, channels, height, width)`); output `(batch, channels)`, or with `keepdims`
 * the input layout with every spatial length 1. No weights.
 *
 * @example
 * new GlobalAveragePooling2D().apply(zeros([1, 28, 28, 8])).shape; // [1, 8]
 */
export class GlobalAveragePooling2D extends BaseGlobalPooling {
  static override readonly className: string = 'GlobalAveragePooling2D';

  constructor(args: GlobalAveragePooling2DArgs = {}) {
    super(2, args);
  }

  protected override reduce(x: Tensor, axes: number[]): Tensor {
    return mean(x, axes, this.keepdims);
  }
}
