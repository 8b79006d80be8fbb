import { BasePooling, PoolingArgs } from './base-pooling';

/** Options of `new AveragePooling1D(...)`; `poolSize` is required. */
export type AveragePooling1DArgs = PoolingArgs;

/**
 * 1-D average pooling over (steps) (`keras.layers.AveragePooling1D`): the mean of each window (with 'same' padding, of its cells inside the input), per channel.
 * Formula along each axis: y[b, t, c] = mean_{k < poolSize, inside} x[b, t·s + k - pad, c].
 *
 * Input `(batch, steps, channels)` (channels_first: `(batch, channels, steps)`); output the same layout with each spatial length
 * floor((in - poolSize) / s) + 1 ('valid') or ceil(in / s) ('same'). No weights.
 *
 * @example
 * new AveragePooling1D({ poolSize: 2 }).apply(zeros([2, 10, 3])).shape; // [2, 5, 3]
 */
export class AveragePooling1D extends BasePooling {
  static override readonly className: string = 'AveragePooling1D';

  constructor(args: AveragePooling1DArgs) {
    super(1, 'average', args);
  }
}
