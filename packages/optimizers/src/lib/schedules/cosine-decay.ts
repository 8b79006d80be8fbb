import { checkNumber, checkOptionalNumber, checkPositive, checkString, f32 } from '../checks';
import { LearningRateSchedule } from './learning-rate-schedule';

/** Options of {@link CosineDecay}. */
export interface CosineDecayOptions {
  /** The learning rate at step 0 (where the warmup starts, if any). Required. */
  initialLearningRate: number;
  /** Steps of the cosine decay; must be > 0. Required. */
  decaySteps: number;
  /** The final rate as a fraction of the rate the decay starts from. Default 0. */
  alpha?: number;
  /** Default `'CosineDecay'`. */
  name?: string;
  /** The rate a linear warmup reaches after `warmupSteps`; `null` (default) skips the warmup. */
  warmupTarget?: number | null;
  /** Steps of the linear warmup. Default 0. */
  warmupSteps?: number;
}

/**
 * Cosine decay with an optional linear warmup (`keras.optimizers.schedules.CosineDecay`). Without
 * warmup: `initial * ((1 - alpha) * 0.5 * (1 + cos(pi * min(step, decaySteps) / decaySteps)) + alpha)`.
 * With `warmupTarget`, the rate first rises linearly from `initialLearningRate` to `warmupTarget`
 * over `warmupSteps`, then decays from `warmupTarget` as above over the next `decaySteps` steps.
 *
 * @example
 * const s = new CosineDecay({ initialLearningRate: 0.1, decaySteps: 100 });
 * [s.apply(0), s.apply(50), s.apply(100)]; // [0.1, 0.05, 0]
 */
export class CosineDecay extends LearningRateSchedule {
  static override readonly className: string = 'CosineDecay';
  readonly initialLearningRate: number;
  readonly decaySteps: number;
  readonly alpha: number;
  readonly name: string;
  readonly warmupTarget: number | null;
  readonly warmupSteps: number;

  constructor(options: CosineDecayOptions) {
    super();
    const { alpha = 0, name = 'CosineDecay', warmupTarget = null, warmupSteps = 0 } = options ?? {};
    this.initialLearningRate = checkNumber(options?.initialLearningRate, this.who, 'initial_learning_rate');
    this.decaySteps = checkPositive(checkNumber(options?.decaySteps, this.who, 'decay_steps'), this.who, 'decay_steps');
    this.alpha = checkNumber(alpha, this.who, 'alpha');
    this.name = checkString(name, this.who, 'name');
    this.warmupTarget = checkOptionalNumber(warmupTarget, this.who, 'warmup_target');
    this.warmupSteps = checkNumber(warmupSteps, this.who, 'warmup_steps');
  }

  override apply(step: number): number {
    const initial = f32(this.initialLearningRate);
    const decaySteps = f32(this.decaySteps);
    const s = f32(step);
    if (this.warmupTarget === null) return this.decay(Math.min(s, decaySteps), decaySteps, initial);
    const target = f32(this.warmupTarget);
    const warmupSteps = f32(this.warmupSteps);
    const clamped = Math.min(s, f32(decaySteps + warmupSteps));
    if (clamped < warmupSteps) {
      return f32(f32(f32(target - initial) * f32(clamped / warmupSteps)) + initial);
    }
    return this.decay(f32(clamped - warmupSteps), decaySteps, target);
  }

  private decay(step: number, decaySteps: number, from: number): number {
    const fraction = f32(step / decaySteps);
    const cosine = f32(0.5 * f32(1 + f32(Math.cos(f32(f32(Math.PI) * fraction)))));
    const decayed = f32(f32(f32(1 - this.alpha) * cosine) + f32(this.alpha));
    return f32(from * decayed);
  }

  override getConfig(): Record<string, unknown> {
    return {
      initial_learning_rate: this.initialLearningRate,
      decay_steps: this.decaySteps,
      alpha: this.alpha,
      name: this.name,
      warmup_target: this.warmupTarget,
      warmup_steps: this.warmupSteps,
    };
  }
}
