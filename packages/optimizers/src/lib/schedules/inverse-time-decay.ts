import { checkBoolean, checkNumber, checkPositive, checkString, f32 } from '../checks';
import { LearningRateSchedule } from './learning-rate-schedule';

/** Options of {@link InverseTimeDecay}. */
export interface InverseTimeDecayOptions {
  /** The learning rate at step 0. Required. */
  initialLearningRate: number;
  /** Steps per decay period; must be > 0. Required. */
  decaySteps: number;
  /** Required. */
  decayRate: number;
  /** Decay at whole periods only (`floor(step / decaySteps)`). Default false. */
  staircase?: boolean;
  /** Default `'InverseTimeDecay'`. */
  name?: string;
}

/**
 * Inverse time decay (`keras.optimizers.schedules.InverseTimeDecay`):
 * `initialLearningRate / (1 + decayRate * step / decaySteps)`, with `step / decaySteps` floored
 * when `staircase` is true.
 *
 * @example
 * const s = new InverseTimeDecay({ initialLearningRate: 0.1, decaySteps: 1, decayRate: 0.5 });
 * s.apply(2); // 0.05
 */
export class InverseTimeDecay extends LearningRateSchedule {
  static override readonly className: string = 'InverseTimeDecay';
  readonly initialLearningRate: number;
  readonly decaySteps: number;
  readonly decayRate: number;
  readonly staircase: boolean;
  readonly name: string;

  constructor(options: InverseTimeDecayOptions) {
    super();
    const { staircase = false, name = 'InverseTimeDecay' } = options ?? {};
    this.initialLearningRate = checkNumber(options?.initialLearningRate, this.who, 'initial_learning_rate');
    this.decaySteps = checkPositive(checkNumber(options?.decaySteps, this.who, 'decay_steps'), this.who, 'decay_steps');
    this.decayRate = checkNumber(options?.decayRate, this.who, 'decay_rate');
    this.staircase = checkBoolean(staircase, this.who, 'staircase');
    this.name = checkString(name, this.who, 'name');
  }

  override apply(step: number): number {
    let p = f32(f32(step) / f32(this.decaySteps));
    if (this.staircase) p = Math.floor(p);
    return f32(f32(this.initialLearningRate) / f32(1 + f32(f32(this.decayRate) * p)));
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
