import { BasePooling, PoolingArgs } from './base-pooling';

/** Options of `new AveragePooling3D(...)`; `poolSize` is required. */
export type AveragePooling3DArgs = PoolingArgs;

/**
 * 3-D average pooling over (depth, height, width) (`keras.layers.AveragePooling3D`): the mean of each window (with 'same' padding, of its cells inside the input), per channel.
 * Formula along each axis: y[b, t, c] = mean_{k < poolSize, inside} x[b, t·s + k - pad, c].
 *
 * Input `(batch, depth, height, width, channels)` (channels_first: `(batch, channels, depth, height, width)`); output the same layout with each spatial length
 * floor((in - poolSize) / s) + 1 ('valid') or ceil(in / s) ('same'). No weights.
 *
 * @example
 * new AveragePooling3D({ poolSize: 2 }).apply(zeros([1, 4, 4, 4, 2])).shape; // [1, 2, 2, 2, 2]
 */
export class AveragePooling3D extends BasePooling {
  static override readonly className: string = 'AveragePooling3D';

  constructor(args: AveragePooling3DArgs) {
    super(3, 'average', args);
  }
}
