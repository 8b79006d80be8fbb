import { BaseConvTranspose, ConvTransposeArgs } from './base-conv-transpose';

/** Options of `new Conv3DTranspose(...)`. */
export type Conv3DTransposeArgs = ConvTransposeArgs;

/**
 * 3-D transposed convolution (`keras.layers.Conv3DTranspose`): `Conv2DTranspose` with a depth axis,
 * y = activation(conv3dTranspose(x, kernel) + bias).
 *
 * Input `(batch, depth, height, width, channels)` (or channels_first); output
 * `(batch, newDepth, newHeight, newWidth, filters)`. Weights: `kernel (kd, kh, kw, filters, channels)`, `bias (filters)`.
 *
 * @example
 * new Conv3DTranspose({ filters: 3, kernelSize: 2, strides: 2 }).apply(zeros([1, 4, 4, 4, 2])).shape; // [1, 8, 8, 8, 3]
 */
export class Conv3DTranspose extends BaseConvTranspose {
  static override readonly className: string = 'Conv3DTranspose';

  constructor(args: Conv3DTransposeArgs) {
    super(3, args);
  }
}
