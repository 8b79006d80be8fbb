import { BaseConvTranspose, ConvTransposeArgs } from './base-conv-transpose';

/** Options of `new Conv2DTranspose(...)`. */
export type Conv2DTransposeArgs = ConvTransposeArgs;

/**
 * 2-D transposed convolution (`keras.layers.Conv2DTranspose`), the input gradient of `Conv2D`
 * used for upsampling: y = activation(conv2dTranspose(x, kernel) + bias).
 *
 * Input `(batch, height, width, channels)` (or channels_first); output `(batch, newHeight, newWidth, filters)`,
 * each new length in·s for 'same' and (in - 1)·s + max(k_eff, s) for 'valid' (plus `outputPadding` rules).
 * Weights: `kernel (kh, kw, filters, channels)`, `bias (filters)`.
 *
 * @example
 * new Conv2DTranspose({ filters: 8, kernelSize: 3, strides: 2, padding: 'same' }).apply(zeros([1, 7, 7, 16])).shape; // [1, 14, 14, 8]
 */
export class Conv2DTranspose extends BaseConvTranspose {
  static override readonly className: string = 'Conv2DTranspose';

  constructor(args: Conv2DTransposeArgs) {
    super(2, args);
  }
}
