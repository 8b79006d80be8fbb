import { checkBoolean, checkNumber, checkPositive, checkString, f32 } from '../checks';
import { LearningRateSchedule } from './learning-rate-schedule';

/** Options of {@link ExponentialDecay}. */
export interface ExponentialDecayOptions {
  /** The learning rate at step 0. Required. */
  initialLearningRate: number;
  /** Steps per decay period; must be > 0. Required. */
  decaySteps: number;
  /** Factor applied per `decaySteps` steps. Required. */
  decayRate: number;
  /** Decay at whole periods only (`floor(step / decaySteps)`). Default false. */
  staircase?: boolean;
  /** Default `'ExponentialDecay'`. */
  name?: string;
}

/**
 * Exponential decay (`keras.optimizers.schedules.ExponentialDecay`):
 * `initialLearningRate * decayRate ^ (step / decaySteps)`, with the exponent floored when
 * `staircase` is true. Computed in float32 like Keras.
 *
 * @example
 * const s = new ExponentialDecay({ initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5 });
 * s.apply(20); // 0.025
 */
export class ExponentialDecay extends LearningRateSchedule {
  static override readonly className: string = 'ExponentialDecay';
  readonly initialLearningRate: number;
  readonly decaySteps: number;
  readonly decayRate: number;
  readonly staircase: boolean;
  readonly name: string;

  constructor(options: ExponentialDecayOptions) {
    super();
    const { staircase = false, name = 'ExponentialDecay' } = options ?? {};
    this.initialLearningRate = checkNumber(options?.initialLearningRate, this.who, 'initial_learning_rate');
    this.decaySteps = checkPositive(checkNumber(options?.decaySteps, this.who, 'decay_steps'), this.who, 'decay_steps');
    this.decayRate = checkNumber(options?.decayRate, this.who, 'decay_rate');
    this.staircase = checkBoolean(staircase, this.who, 'staircase');
    this.name = checkString(name, this.who, 'name');
  }

  override apply(step: number): number {
    let p = f32(f32(step) / f32(this.decaySteps));
    if (this.staircase) p = Math.floor(p);
    return f32(f32(this.initialLearningRate) * f32(Math.pow(f32(this.decayRate), p)));
  }

  override getConfig(): Record<string, unknown> {
    return {
      initial_learning_rate: this.initialLearningRate,
      decay_steps: this.decaySteps,
      decay_rate: this.decayRate,
      staircase: this.staircase,
      name: this.name,
    };
  }
}
