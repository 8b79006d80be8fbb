import { Tensor, mean } from '@strata/tensor';
import { BaseGlobalPooling, GlobalPoolingArgs } from './base-global-pooling';

/** Options of `new GlobalAveragePooling3D(...)`. */
export type GlobalAveragePooling3DArgs = GlobalPoolingArgs;

/**
 * Global average pooling over (depth, height, width) (`keras.layers.GlobalAveragePooling3D`): y[b, c] = mean_{depth, height, width} x[b, ..., c].
 *
 * Input `(batch, depth, height, width, channels)` (channels_first: `(batch, channels, depth, height, width)`); output `(batch, channels)`, or with `keepdims`
 * the input layout with every spatial length 1. No weights.
 *
 * @example
 * new GlobalAveragePooling3D().apply(zeros([1, 4, 4, 4, 2])).shape; // [1, 2]
 */
export class GlobalAveragePooling3D extends BaseGlobalPooling {
  static override readonly className: string = 'GlobalAveragePooling3D';

  constructor(args: GlobalAveragePooling3DArgs = {}) {
    super(3, args);
  }

  protected override reduce(x: Tensor, axes: number[]): Tensor {
    return mean(x, axes, this.keepdims);
  }
}
