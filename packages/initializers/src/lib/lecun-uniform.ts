import { VarianceScaling, VarianceScalingPresetOptions } from './variance-scaling';

/**
 * The LeCun uniform initializer (`keras.initializers.LecunUniform`): uniform on `[-limit, limit)` with
 * `limit = sqrt(3 / fanIn)`, i.e. `VarianceScaling({ scale: 1, mode: 'fan_in', distribution: 'uniform' })`.
 *
 * @example
 * new LecunUniform({ seed: 1 }).apply([64, 32]);
 */
export class LecunUniform extends VarianceScaling {
  static override readonly className: string = 'LecunUniform';

  constructor(options: VarianceScalingPresetOptions = {}) {
    super({ ...options, scale: 1, mode: 'fan_in', distribution: 'uniform' });
  }

  override getConfig(): Record<string, unknown> {
    // Keras leaves the fixed arguments out of the config.
    const { seed, input_axes, output_axes } = super.getConfig();
    return { seed, input_axes, output_axes };
  }
}
