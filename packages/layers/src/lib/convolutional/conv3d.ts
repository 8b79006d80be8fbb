import { BaseConv, ConvArgs } from './base-conv';

/** Options of `new Conv3D(...)`. */
export type Conv3DArgs = ConvArgs;

/**
 * 3-D convolution over volumes (`keras.layers.Conv3D`): the 2-D formula with a depth axis,
 * y = activation(conv3d(x, kernel) + bias).
 *
 * Input `(batch, depth, height, width, channels)` (channels_first: `(batch, channels, depth, height, width)`);
 * output `(batch, newDepth, newHeight, newWidth, filters)`.
 * Weights: `kernel (kd, kh, kw, channels / groups, filters)`, `bias (filters)`.
 *
 * @example
 * new Conv3D({ filters: 4, kernelSize: 3 }).apply(zeros([2, 8, 8, 8, 1])).shape; // [2, 6, 6, 6, 4]
 */
export class Conv3D extends BaseConv {
  static override readonly className: string = 'Conv3D';

  constructor(args: Conv3DArgs) {
    super(3, args);
  }
}
