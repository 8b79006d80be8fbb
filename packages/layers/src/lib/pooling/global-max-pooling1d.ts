import { Tensor, max } from '@strata/tensor';
import { BaseGlobalPooling, GlobalPoolingArgs } from './base-global-pooling';

/** Options of `new GlobalMaxPooling1D(...)`. */
export type GlobalMaxPooling1DArgs = GlobalPoolingArgs;

/**
 * Global max pooling over (steps) (`keras.layers.GlobalMaxPooling1D`): y[b, c] = max_{steps} x[b, ..., c].
 *
 * Input `(batch, steps, channels)` (channels_first: `(batch, channels, steps)`); output `(batch, channels)`, or with `keepdims`
 * the input layout with every spatial length 1. No weights.
 *
 * @example
 * new GlobalMaxPooling1D().apply(zeros([2, 10, 3])).shape; // [2, 3]
 */
export class GlobalMaxPooling1D extends BaseGlobalPooling {
  static override readonly className: string = 'GlobalMaxPooling1D';

  constructor(args: GlobalMaxPooling1DArgs = {}) {
    super(1, args);
  }

  protected override reduce(x: Tensor, axes: number[]): Tensor {
    return max(x, axes, this.keepdims);
  }
}
