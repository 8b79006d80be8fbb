import { VarianceScaling, VarianceScalingPresetOptions } from './variance-scaling';

/**
 * The LeCun normal initializer (`keras.initializers.LecunNormal`): a truncated normal with standard
 * deviation `sqrt(1 / fanIn)` after truncation, i.e.
 * `VarianceScaling({ scale: 1, mode: 'fan_in', distribution: 'truncated_normal' })`.
 *
 * @example
 * new LecunNormal({ seed: 1 }).apply([64, 32]);
 */
export class LecunNormal extends VarianceScaling {
  static override readonly className: string = 'LecunNormal';

  constructor(options: VarianceScalingPresetOptions = {}) {
    super({ ...options, scale: 1, mode: 'fan_in', distribution: 'truncated_normal' });
  }

  override getConfig(): Record<string, unknown> {
    // Keras leaves the fixed arguments out of the config.
    const { seed, input_axes, output_axes } = super.getConfig();
    return { seed, input_axes, output_axes };
  }
}
