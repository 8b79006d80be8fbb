import { BasePooling, PoolingArgs } from './base-pooling';

/** Options of `new MaxPooling1D(...)`; `poolSize` defaults to 2. */
export type MaxPooling1DArgs = PoolingArgs;

/**
 * 1-D max pooling over (steps) (`keras.layers.MaxPooling1D`): the maximum of each window, per channel.
 * Formula along each axis: y[b, t, c] = max_{k < poolSize} x[b, t·s + k - pad, c].
 *
 * Input `(batch, steps, channels)` (channels_first: `(batch, channels, steps)`); output the same layout with each spatial length
 * floor((in - poolSize) / s) + 1 ('valid') or ceil(in / s) ('same'). No weights.
 *
 * @example
 * new MaxPooling1D().apply(zeros([2, 10, 3])).shape; // [2, 5, 3]
 */
export class MaxPooling1D extends BasePooling {
  static override readonly className: string = 'MaxPooling1D';

  constructor(args: MaxPooling1DArgs = {}) {
    super(1, 'max', args, 2);
  }
}
