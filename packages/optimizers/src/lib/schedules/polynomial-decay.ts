import { checkBoolean, checkNumber, checkPositive, checkString, f32 } from '../checks';
import { LearningRateSchedule } from './learning-rate-schedule';

/** Options of {@link PolynomialDecay}. */
export interface PolynomialDecayOptions {
  /** The learning rate at step 0. Required. */
  initialLearningRate: number;
  /** Steps to reach `endLearningRate`; must be > 0. Required. */
  decaySteps: number;
  /** Default 0.0001. */
  endLearningRate?: number;
  /** Default 1 (linear). */
  power?: number;
  /** Restart the decay every `decaySteps` multiple instead of staying at the end rate. Default false. */
  cycle?: boolean;
  /** Default `'PolynomialDecay'`. */
  name?: string;
}

/**
 * Polynomial decay (`keras.optimizers.schedules.PolynomialDecay`):
 * `(initial - end) * (1 - min(step, decaySteps) / decaySteps) ^ power + end`. With `cycle`,
 * `decaySteps` is replaced by its first multiple `>= step` (`decaySteps * ceil(step / decaySteps)`,
 * or `decaySteps` at step 0) instead of clamping the step.
 *
 * @example
 * const s = new PolynomialDecay({ initialLearningRate: 0.1, decaySteps: 10, endLearningRate: 0 });
 * s.apply(5); // 0.05
 */
export class PolynomialDecay extends LearningRateSchedule {
  static override readonly className: string = 'PolynomialDecay';
  readonly initialLearningRate: number;
  readonly decaySteps: number;
  readonly endLearningRate: number;
  readonly power: number;
  readonly cycle: boolean;
  readonly name: string;

  constructor(options: PolynomialDecayOptions) {
    super();
    const { endLearningRate = 0.0001, power = 1, cycle = false, name = 'PolynomialDecay' } = options ?? {};
    this.initialLearningRate = checkNumber(options?.initialLearningRate, this.who, 'initial_learning_rate');
    this.decaySteps = checkPositive(checkNumber(options?.decaySteps, this.who, 'decay_steps'), this.who, 'decay_steps');
    this.endLearningRate = checkNumber(endLearningRate, this.who, 'end_learning_rate');
    this.power = checkNumber(power, this.who, 'power');
    this.cycle = checkBoolean(cycle, this.who, 'cycle');
    this.name = checkString(name, this.who, 'name');
  }

  override apply(step: number): number {
    const initial = f32(this.initialLearningRate);
    const end = f32(this.endLearningRate);
    let s = f32(step);
    let decaySteps = f32(this.decaySteps);
    if (this.cycle) {
      const multiplier = s === 0 ? 1 : Math.ceil(f32(s / decaySteps));
      decaySteps = f32(decaySteps * multiplier);
    } else {
      s = Math.min(s, decaySteps);
    }
    const p = f32(s / decaySteps);
    return f32(f32(f32(initial - end) * f32(Math.pow(f32(1 - p), f32(this.power)))) + end);
  }

  override getConfig(): Record<string, unknown> {
    return {
      initial_learning_rate: this.initialLearningRate,
      decay_steps: this.decaySteps,
      end_learning_rate: this.endLearningRate,
      power: this.power,
      cycle: this.cycle,
      name: this.name,
    };
  }
}
