import { BaseConv, ConvArgs } from './base-conv';

/** Options of `new Conv1D(...)`. */
export type Conv1DArgs = ConvArgs;

/**
 * 1-D convolution over steps (`keras.layers.Conv1D`):
 * y[b, t, o] = activation(Σ_{k, c} x[b, t·s + k·d - pad, c] · kernel[k, c, o] + bias[o]).
 * `padding: 'causal'` pads only before the sequence, so y[t] never sees x[t + 1].
 *
 * Input `(batch, steps, channels)` (channels_first: `(batch, channels, steps)`); output
 * `(batch, newSteps, filters)`. Weights: `kernel (kernelSize, channels / groups, filters)`, `bias (filters)`.
 *
 * @example
 * const conv = new Conv1D({ filters: 8, kernelSize: 3, padding: 'causal', activation: 'relu' });
 * conv.apply(zeros([4, 10, 2])).shape; // [4, 10, 8]
 */
export class Conv1D extends BaseConv {
  static override readonly className: string = 'Conv1D';

  constructor(args: Conv1DArgs) {
    super(1, args);
  }
}
