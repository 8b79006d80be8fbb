import { BaseSeparableConv, SeparableConvArgs } from './base-separable-conv';

/** Options of `new SeparableConv2D(...)`. */
export type SeparableConv2DArgs = SeparableConvArgs;

/**
 * 2-D separable convolution (`keras.layers.SeparableConv2D`): a depthwise convolution over
 * (height, width), then a pointwise 1×1 convolution to `filters` channels,
 * y = activation(pointwise(depthwise(x)) + bias).
 *
 * Input `(batch, height, width, channels)` (or channels_first); output `(batch, newHeight, newWidth, filters)`.
 * Weights: `depthwise_kernel (kh, kw, channels, depthMultiplier)`,
 * `pointwise_kernel (1, 1, channels · depthMultiplier, filters)`, `bias (filters)`.
 *
 * @example
 * new SeparableConv2D({ filters: 8, kernelSize: 3, padding: 'same' }).apply(zeros([1, 6, 6, 3])).shape; // [1, 6, 6, 8]
 */
export class SeparableConv2D extends BaseSeparableConv {
  static override readonly className: string = 'SeparableConv2D';

  constructor(args: SeparableConv2DArgs) {
    super(2, args);
  }
}
