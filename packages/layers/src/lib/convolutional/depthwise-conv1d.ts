import { BaseDepthwiseConv, DepthwiseConvArgs } from './base-depthwise-conv';

/** Options of `new DepthwiseConv1D(...)`. */
export type DepthwiseConv1DArgs = DepthwiseConvArgs;

/**
 * 1-D depthwise convolution (`keras.layers.DepthwiseConv1D`): every channel convolved on its own,
 * y[b, t, c·M + m] = activation(Σ_k x[b, t·s + k·d - pad, c] · kernel[k, c, m] + bias[c·M + m]).
 *
 * Input `(batch, steps, channels)` (channels_first: `(batch, channels, steps)`); output
 * `(batch, newSteps, channels · depthMultiplier)`. Weights: `kernel (kernelSize, channels, depthMultiplier)`,
 * `bias (channels · depthMultiplier)`.
 *
 * @example
 * new DepthwiseConv1D({ kernelSize: 3, depthMultiplier: 2 }).apply(zeros([2, 10, 3])).shape; // [2, 8, 6]
 */
export class DepthwiseConv1D extends BaseDepthwiseConv {
  static override readonly className: string = 'DepthwiseConv1D';

  constructor(args: DepthwiseConv1DArgs) {
    super(1, args);
  }
}
