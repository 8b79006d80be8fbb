import { DType, Tensor, ValueError, randomNormal, randomUniform, show, truncatedNormal } from '@strata/tensor';
import { computeFans } from './compute-fans';
import { checkShape } from './initializer';
import { InitializerSeed, RandomInitializer } from './random-initializer';

/** Which fan divides the scale. */
export type FanMode = 'fan_in' | 'fan_out' | 'fan_avg';
/** The distribution drawn from (`'normal'` is accepted and means `'truncated_normal'`). */
export type Distribution = 'truncated_normal' | 'untruncated_normal' | 'uniform';

/** Options of {@link VarianceScaling}. */
export interface VarianceScalingOptions {
  /** Positive scaling factor. Default 1. */
  scale?: number;
  /** Default `'fan_in'`. */
  mode?: FanMode;
  /** Case-insensitive; `'normal'` is stored as `'truncated_normal'`, as Keras. Default `'truncated_normal'`. */
  distribution?: Distribution | 'normal' | string;
  /** Integer or `SeedGenerator`; see {@link RandomInitializer} for what each gives. */
  seed?: InitializerSeed;
  /** Axes whose sizes multiply into `fan_in`; used only together with `outputAxes`. */
  inputAxes?: number[] | null;
  /** Axes whose sizes multiply into `fan_out`; used only together with `inputAxes`. */
  outputAxes?: number[] | null;
}

// The standard deviation of a standard normal truncated to [-2, 2]: dividing by it makes the
// truncated samples' standard deviation sqrt(scale / n).
const TRUNCATED_STD = 0.87962566103423978;
const MODES: readonly string[] = ['fan_in', 'fan_out', 'fan_avg'];
const DISTRIBUTIONS: readonly string[] = ['uniform', 'truncated_normal', 'untruncated_normal'];

function checkAxes(axes: unknown, who: string, arg: string): number[] | null {
  if (axes === undefined || axes === null) return null;
  if (!Array.isArray(axes) || !axes.every((a) => Number.isInteger(a))) {
    throw new ValueError(`${who}: ${arg} must be an array of integers or null, received ${arg}=${show(axes)}`);
  }
  return [...(axes as number[])];
}

/**
 * Draws with a variance adapted to the weight's shape (`keras.initializers.VarianceScaling`).
 *
 * With `n` = `fanIn`, `fanOut` or `(fanIn + fanOut) / 2` by `mode` (at least 1; fans as
 * {@link computeFans}), the samples have standard deviation `sqrt(scale / n)`:
 * - `'truncated_normal'`: a normal with `stddev = sqrt(scale / n) / 0.87962566103423978`,
 *   truncated to two standard deviations;
 * - `'untruncated_normal'`: a normal with `stddev = sqrt(scale / n)`;
 * - `'uniform'`: uniform on `[-limit, limit)`, `limit = sqrt(3 · scale / n)`.
 *
 * @example
 * const init = new VarianceScaling({ scale: 2, mode: 'fan_in', distribution: 'uniform', seed: 1 });
 * init.apply([64, 32]); // uniform on [-0.25, 0.25)
 */
export class VarianceScaling extends RandomInitializer {
  static override readonly className: string = 'VarianceScaling';
  readonly scale: number;
  readonly mode: FanMode;
  readonly distribution: Distribution;
  readonly inputAxes: number[] | null;
  readonly outputAxes: number[] | null;

  constructor(options: VarianceScalingOptions = {}) {
    super(options.seed);
    const { scale = 1, mode = 'fan_in', distribution = 'truncated_normal' } = options;
    if (typeof scale !== 'number' || !(scale > 0) || !Number.isFinite(scale)) {
      throw new ValueError(`${this.who}: scale must be a positive number, received scale=${show(scale)}`);
    }
    if (!MODES.includes(mode)) {
      throw new ValueError(`${this.who}: mode must be one of 'fan_in', 'fan_out', 'fan_avg', received mode=${show(mode)}`);
    }
    let dist = typeof distribution === 'string' ? distribution.toLowerCase() : distribution;
    if (dist === 'normal') dist = 'truncated_normal';
    if (typeof dist !== 'string' || !DISTRIBUTIONS.includes(dist)) {
      throw new ValueError(
        `${this.who}: distribution must be one of 'truncated_normal', 'untruncated_normal', 'uniform' ` +
          `(or 'normal'), received distribution=${show(distribution)}`,
      );
    }
    this.scale = scale;
    this.mode = mode;
    this.distribution = dist as Distribution;
    this.inputAxes = checkAxes(options.inputAxes, this.who, 'input_axes');
    this.outputAxes = checkAxes(options.outputAxes, this.who, 'output_axes');
  }

  apply(shape: readonly number[], dtype: DType = 'float32'): Tensor {
    this.checkFloat(dtype);
    checkShape(shape, this.who);
    const { fanIn, fanOut } = computeFans(shape, this.inputAxes, this.outputAxes);
    const n = this.mode === 'fan_in' ? fanIn : this.mode === 'fan_out' ? fanOut : (fanIn + fanOut) / 2;
    const scale = this.scale / Math.max(1, n);
    const seed = this.seed;
    if (this.distribution === 'truncated_normal') {
      return truncatedNormal(shape, { mean: 0, stddev: Math.sqrt(scale) / TRUNCATED_STD, seed });
    }
    if (this.distribution === 'untruncated_normal') {
      return randomNormal(shape, { mean: 0, stddev: Math.sqrt(scale), seed });
    }
    const limit = Math.sqrt(3 * scale);
    return randomUniform(shape, { minval: -limit, maxval: limit, seed });
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      scale: this.scale,
      mode: this.mode,
      distribution: this.distribution,
      input_axes: this.inputAxes,
      output_axes: this.outputAxes,
    };
  }
}

/** Options of the named variance-scaling initializers (Glorot, He, LeCun): only the seed and axes. */
export type VarianceScalingPresetOptions = Pick<VarianceScalingOptions, 'seed' | 'inputAxes' | 'outputAxes'>;
