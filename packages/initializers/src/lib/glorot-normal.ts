import { VarianceScaling, VarianceScalingPresetOptions } from './variance-scaling';

/**
 * The Glorot (Xavier) normal initializer (`keras.initializers.GlorotNormal`): a truncated normal with
 * standard deviation `sqrt(2 / (fanIn + fanOut))` after truncation, i.e.
 * `VarianceScaling({ scale: 1, mode: 'fan_avg', distribution: 'truncated_normal' })`.
 *
 * @example
 * new GlorotNormal({ seed: 1 }).apply([64, 32]);
 */
export class GlorotNormal extends VarianceScaling {
  static override readonly className: string = 'GlorotNormal';

  constructor(options: VarianceScalingPresetOptions = {}) {
    super({ ...options, scale: 1, mode: 'fan_avg', distribution: 'truncated_normal' });
  }

  override getConfig(): Record<string, unknown> {
    // Keras leaves the fixed arguments out of the config.
    const { seed, input_axes, output_axes } = super.getConfig();
    return { seed, input_axes, output_axes };
  }
}
