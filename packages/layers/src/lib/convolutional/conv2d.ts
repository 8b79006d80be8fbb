import { BaseConv, ConvArgs } from './base-conv';

/** Options of `new Conv2D(...)`. */
export type Conv2DArgs = ConvArgs;

/**
 * 2-D convolution over images (`keras.layers.Conv2D`):
 * y[b, i, j, o] = activation(Σ_{ki, kj, c} x[b, i·s₀ + ki·d₀ - pad₀, j·s₁ + kj·d₁ - pad₁, c] · kernel[ki, kj, c, o] + bias[o]).
 *
 * Input `(batch, height, width, channels)` (channels_first: `(batch, channels, height, width)`);
 * output `(batch, newHeight, newWidth, filters)`. Weights: `kernel (kh, kw, channels / groups, filters)`, `bias (filters)`.
 *
 * @example
 * const conv = new Conv2D({ filters: 16, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' });
 * conv.apply(zeros([1, 28, 28, 3])).shape; // [1, 14, 14, 16]
 */
export class Conv2D extends BaseConv {
  static override readonly className: string = 'Conv2D';

  constructor(args: Conv2DArgs) {
    super(2, args);
  }
}
