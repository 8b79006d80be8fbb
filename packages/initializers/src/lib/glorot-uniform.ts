import { VarianceScaling, VarianceScalingPresetOptions } from './variance-scaling';

/**
 * The Glorot (Xavier) uniform initializer (`keras.initializers.GlorotUniform`, Keras's default kernel
 * initializer): uniform on `[-limit, limit)` with `limit = sqrt(6 / (fanIn + fanOut))`, i.e.
 * `VarianceScaling({ scale: 1, mode: 'fan_avg', distribution: 'uniform' })`.
 *
 * @example
 * new GlorotUniform({ seed: 1 }).apply([64, 32]);
 */
export class GlorotUniform extends VarianceScaling {
  static override readonly className: string = 'GlorotUniform';

  constructor(options: VarianceScalingPresetOptions = {}) {
    super({ ...options, scale: 1, mode: 'fan_avg', distribution: 'uniform' });
  }

  override getConfig(): Record<string, unknown> {
    // Keras leaves the fixed arguments out of the config.
    const { seed, input_axes, output_axes } = super.getConfig();
    return { seed, input_axes, output_axes };
  }
}
