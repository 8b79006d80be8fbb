import { BasePooling, PoolingArgs } from './base-pooling';

/** Options of `new MaxPooling3D(...)`; `poolSize` defaults to 2. */
export type MaxPooling3DArgs = PoolingArgs;

/**
 * 3-D max pooling over (depth, height, width) (`keras.layers.MaxPooling3D`): the maximum of each window, per channel.
 * Formula along each axis: y[b, t, c] = max_{k < poolSize} x[b, t·s + k - pad, c].
 *
 * Input `(batch, depth, height, width, channels)` (channels_first: `(batch, channels, depth, height, width)`); output the same layout with each spatial length
 * floor((in - poolSize) / s) + 1 ('valid') or ceil(in / s) ('same'). No weights.
 *
 * @example
 * new MaxPooling3D().apply(zeros([1, 4, 4, 4, 2])).shape; // [1, 2, 2, 2, 2]
 */
export class MaxPooling3D extends BasePooling {
  static override readonly className: string = 'MaxPooling3D';

  constructor(args: MaxPooling3DArgs = {}) {
    super(3, 'max', args, 2);
  }
}
