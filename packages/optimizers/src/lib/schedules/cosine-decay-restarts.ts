import { checkNumber, checkPositive, checkString, f32 } from '../checks';
import { LearningRateSchedule } from './learning-rate-schedule';

/** Options of {@link CosineDecayRestarts}. */
export interface CosineDecayRestartsOptions {
  /** The learning rate at step 0. Required. */
  initialLearningRate: number;
  /** Steps of the first cosine period; must be > 0. Required. */
  firstDecaySteps: number;
  /** Each period is `tMul` times longer than the previous one. Default 2. */
  tMul?: number;
  /** Each period starts at `mMul` times the previous period's initial rate. Default 1. */
  mMul?: number;
  /** The rate at the end of a period, as a fraction of that period's initial rate. Default 0. */
  alpha?: number;
  /** Default `'SGDRDecay'`. */
  name?: string;
}

/**
 * Cosine decay with warm restarts, SGDR (`keras.optimizers.schedules.CosineDecayRestarts`). With
 * `i` the index of the period containing `step` and `t` the fraction of that period done:
 * `initial * ((1 - alpha) * 0.5 * mMul^i * (1 + cos(pi * t)) + alpha)`. Periods last
 * `firstDecaySteps * tMul^i` steps.
 *
 * @example
 * const s = new CosineDecayRestarts({ initialLearningRate: 0.1, firstDecaySteps: 10, tMul: 1 });
 * [s.apply(5), s.apply(10), s.apply(15)]; // [0.05, 0.1, 0.05]
 */
export class CosineDecayRestarts extends LearningRateSchedule {
  static override readonly className: string = 'CosineDecayRestarts';
  readonly initialLearningRate: number;
  readonly firstDecaySteps: number;
  readonly tMul: number;
  readonly mMul: number;
  readonly alpha: number;
  readonly name: string;

  constructor(options: CosineDecayRestartsOptions) {
    super();
    const { tMul = 2, mMul = 1, alpha = 0, name = 'SGDRDecay' } = options ?? {};
    this.initialLearningRate = checkNumber(options?.initialLearningRate, this.who, 'initial_learning_rate');
    this.firstDecaySteps = checkPositive(
      checkNumber(options?.firstDecaySteps, this.who, 'first_decay_steps'),
      this.who,
      'first_decay_steps',
    );
    this.tMul = checkNumber(tMul, this.who, 't_mul');
    this.mMul = checkNumber(mMul, this.who, 'm_mul');
    this.alpha = checkNumber(alpha, this.who, 'alpha');
    this.name = checkString(name, this.who, 'name');
  }

  override apply(step: number): number {
    const alpha = f32(this.alpha);
    const tMul = f32(this.tMul);
    let fraction = f32(f32(step) / f32(this.firstDecaySteps));
    let restart: number;
    if (tMul === 1) {
      restart = Math.floor(fraction);
      fraction = f32(fraction - restart);
    } else {
      // Period i starts at fraction (1 - tMul^i) / (1 - tMul) of the first period.
      const oneMinusT = f32(1 - tMul);
      restart = Math.floor(f32(f32(Math.log(f32(1 - f32(fraction * oneMinusT)))) / f32(Math.log(tMul))));
      const tPower = f32(Math.pow(tMul, restart));
      const before = f32(f32(1 - tPower) / oneMinusT);
      fraction = f32(f32(fraction - before) / tPower);
    }
    const mFactor = f32(Math.pow(f32(this.mMul), restart));
    const cosine = f32(f32(0.5 * mFactor) * f32(1 + f32(Math.cos(f32(f32(Math.PI) * fraction)))));
    const decayed = f32(f32(f32(1 - alpha) * cosine) + alpha);
    return f32(f32(this.initialLearningRate) * decayed);
  }

  override getConfig(): Record<string, unknown> {
    return {
      initial_learning_rate: this.initialLearningRate,
      first_decay_steps: this.firstDecaySteps,
      t_mul: this.tMul,
      m_mul: this.mMul,
      alpha: this.alpha,
      name: this.name,
    };
  }
}
