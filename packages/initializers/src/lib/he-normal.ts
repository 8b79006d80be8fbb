import { VarianceScaling, VarianceScalingPresetOptions } from './variance-scaling';

/**
 * The He normal initializer (`keras.initializers.HeNormal`): a truncated normal with standard deviation
 * `sqrt(2 / fanIn)` after truncation, i.e.
 * `VarianceScaling({ scale: 2, mode: 'fan_in', distribution: 'truncated_normal' })`.
 *
 * @example
 * new HeNormal({ seed: 1 }).apply([3, 3, 16, 32]);
 */
export class HeNormal extends VarianceScaling {
  static override readonly className: string = 'HeNormal';

  constructor(options: VarianceScalingPresetOptions = {}) {
    super({ ...options, scale: 2, mode: 'fan_in', distribution: 'truncated_normal' });
  }

  override getConfig(): Record<string, unknown> {
    // Keras leaves the fixed arguments out of the config.
    const { seed, input_axes, output_axes } = super.getConfig();
    return { seed, input_axes, output_axes };
  }
}
