import { BaseConvTranspose, ConvTransposeArgs } from './base-conv-transpose';

/** Options of `new Conv1DTranspose(...)`. */
export type Conv1DTransposeArgs = ConvTransposeArgs;

/**
 * 1-D transposed convolution (`keras.layers.Conv1DTranspose`): each input step scatters
 * `kernel[k, :, c] · x[b, t, c]` to output step t·s + k·d - pad, then the bias and activation.
 *
 * Input `(batch, steps, channels)` (channels_first: `(batch, channels, steps)`); output
 * `(batch, newSteps, filters)` with newSteps = steps·s for 'same', (steps - 1)·s + max(k_eff, s) for 'valid'.
 * Weights: `kernel (kernelSize, filters, channels)`, `bias (filters)`.
 *
 * @example
 * new Conv1DTranspose({ filters: 4, kernelSize: 3, strides: 2, padding: 'same' }).apply(zeros([2, 5, 3])).shape; // [2, 10, 4]
 */
export class Conv1DTranspose extends BaseConvTranspose {
  static override readonly className: string = 'Conv1DTranspose';

  constructor(args: Conv1DTransposeArgs) {
    super(1, args);
  }
}
