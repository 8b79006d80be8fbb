import { BasePooling, PoolingArgs } from './base-pooling';

/** Options of `new AveragePooling2D(...)`; `poolSize` is required. */
export type AveragePooling2DArgs = PoolingArgs;

/**
 * 2-D average pooling over (height, width) (`keras.layers.AveragePooling2D`): the mean of each window (with 'same' padding, of its cells inside the input), per channel.
 * Formula along each axis: y[b, t, c] = mean_{k < poolSize, inside} x[b, t·s + k - pad, c].
 *
 * Input `(batch, height, width, channels)` (channels_first: `(batch, channels, height, width)`); output the same layout with each spatial length
 * floor((in - poolSize) / s) + 1 ('valid') or ceil(in / s) ('same'). No weights.
 *
 * @example
 * new AveragePooling2D({ poolSize: 2 }).apply(zeros([1, 28, 28, 8])).shape; // [1, 14, 14, 8]
 */
export class AveragePooling2D extends BasePooling {
  static override readonly className: string = 'AveragePooling2D';

  constructor(args: AveragePooling2DArgs) {
    super(2, 'average', args);
  }
}
