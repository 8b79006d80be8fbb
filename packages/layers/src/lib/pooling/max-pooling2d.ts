import { BasePooling, PoolingArgs } from './base-pooling';

/** Options of `new MaxPooling2D(...)`; `poolSize` defaults to 2. */
export type MaxPooling2DArgs = PoolingArgs;

/**
 * 2-D max pooling over (height, width) (`keras.layers.MaxPooling2D`): the maximum of each window, per channel.
 * Formula along each axis: y[b, t, c] = max_{k < poolSize} x[b, t·s + k - pad, c].
 *
 * Input `(batch, height, width, channels)` (channels_first: `(batch, channels, height, width)`); output the same layout with each spatial length
 * floor((in - poolSize) / s) + 1 ('valid') or ceil(in / s) ('same'). No weights.
 *
 * @example
 * new MaxPooling2D().apply(zeros([1, 28, 28, 8])).shape; // [1, 14, 14, 8]
 */
export class MaxPooling2D extends BasePooling {
  static override readonly className: string = 'MaxPooling2D';

  constructor(args: MaxPooling2DArgs = {}) {
    super(2, 'max', args, 2);
  }
}
