import { BaseSeparableConv, SeparableConvArgs } from './base-separable-conv';

/** Options of `new SeparableConv1D(...)`. */
export type SeparableConv1DArgs = SeparableConvArgs;

/**
 * 1-D separable convolution (`keras.layers.SeparableConv1D`): a depthwise convolution over steps,
 * then a pointwise (kernel size 1) convolution to `filters` channels,
 * y = activation(pointwise(depthwise(x)) + bias).
 *
 * Input `(batch, steps, channels)` (or channels_first); output `(batch, newSteps, filters)`.
 * Weights: `depthwise_kernel (kernelSize, channels, depthMultiplier)`,
 * `pointwise_kernel (1, channels · depthMultiplier, filters)`, `bias (filters)`.
 *
 * @example
 * new SeparableConv1D({ filters: 4, kernelSize: 3 }).apply(zeros([2, 10, 3])).shape; // [2, 8, 4]
 */
export class SeparableConv1D extends BaseSeparableConv {
  static override readonly className: string = 'SeparableConv1D';

  constructor(args: SeparableConv1DArgs) {
    super(1, args);
  }
}
