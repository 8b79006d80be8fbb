import { Tensor, max } from '@strata/tensor';
import { BaseGlobalPooling, GlobalPoolingArgs } from './base-global-pooling';

/** Options of `new GlobalMaxPooling3D(...)`. */
export type GlobalMaxPooling3DArgs = GlobalPoolingArgs;

/**
 * Global max pooling over (depth, height, width) (`keras.layers.GlobalMaxPooling3D`): y[b, c] = max_{depth, height, width} x[b, ..., c].
 *
 * Input `(batch, depth, height, width, channels)` (channels_first: `(batch, channels, depth, height, width)`); output `(batch, channels)`, or with `keepdims`
 * the input layout with every spatial length 1. No weights.
 *
 * @example
 * new GlobalMaxPooling3D().apply(zeros([1, 4, 4, 4, 2])).shape; // [1, 2]
 */
export class GlobalMaxPooling3D extends BaseGlobalPooling {
  static override readonly className: string = 'GlobalMaxPooling3D';

  constructor(args: GlobalMaxPooling3DArgs = {}) {
    super(3, args);
  }

  protected override reduce(x: Tensor, axes: number[]): Tensor {
    return max(x, axes, this.keepdims);
  }
}
