import { VarianceScaling, VarianceScalingPresetOptions } from './variance-scaling';

/**
 * The He uniform initializer (`keras.initializers.HeUniform`): uniform on `[-limit, limit)` with
 * `limit = sqrt(6 / fanIn)`, i.e. `VarianceScaling({ scale: 2, mode: 'fan_in', distribution: 'uniform' })`.
 *
 * @example
 * new HeUniform({ seed: 1 }).apply([3, 4]);
 */
export class HeUniform extends VarianceScaling {
  static override readonly className: string = 'HeUniform';

  constructor(options: VarianceScalingPresetOptions = {}) {
    super({ ...options, scale: 2, mode: 'fan_in', distribution: 'uniform' });
  }

  override getConfig(): Record<string, unknown> {
    // Keras leaves the fixed arguments out of the config.
    const { seed, input_axes, output_axes } = super.getConfig();
    return { seed, input_axes, output_axes };
  }
}
