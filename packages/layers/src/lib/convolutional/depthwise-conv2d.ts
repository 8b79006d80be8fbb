import { BaseDepthwiseConv, DepthwiseConvArgs } from './base-depthwise-conv';

/** Options of `new DepthwiseConv2D(...)`. */
export type DepthwiseConv2DArgs = DepthwiseConvArgs;

/**
 * 2-D depthwise convolution (`keras.layers.DepthwiseConv2D`):
 * y[b, i, j, c·M + m] = activation(Σ_{ki, kj} x[b, i·s₀ + ki·d₀ - pad₀, j·s₁ + kj·d₁ - pad₁, c] · kernel[ki, kj, c, m] + bias[c·M + m]).
 *
 * Input `(batch, height, width, channels)` (or channels_first); output
 * `(batch, newHeight, newWidth, channels · depthMultiplier)`. Weights: `kernel (kh, kw, channels, depthMultiplier)`,
 * `bias (channels · depthMultiplier)`.
 *
 * @example
 * new DepthwiseConv2D({ kernelSize: 3, padding: 'same' }).apply(zeros([1, 5, 5, 3])).shape; // [1, 5, 5, 3]
 */
export class DepthwiseConv2D extends BaseDepthwiseConv {
  static override readonly className: string = 'DepthwiseConv2D';

  constructor(args: DepthwiseConv2DArgs) {
    super(2, args);
  }
}
