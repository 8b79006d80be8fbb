import { ValueError, show } from '@strata/tensor';
import { checkNumber, checkString, f32 } from '../checks';
import { LearningRateSchedule } from './learning-rate-schedule';

/** Options of {@link PiecewiseConstantDecay}. */
export interface PiecewiseConstantDecayOptions {
  /** Increasing step boundaries. Required. */
  boundaries: readonly number[];
  /** One more value than boundaries: the rate up to each boundary, then after the last. Required. */
  values: readonly number[];
  /** Default `'PiecewiseConstant'`. */
  name?: string;
}

function numbers(x: unknown, who: string, arg: string): number[] {
  if (!Array.isArray(x)) throw new ValueError(`${who}: ${arg} must be an array of numbers, received ${arg}=${show(x)}`);
  return x.map((v, i) => checkNumber(v, who, `${arg}[${i}]`));
}

/**
 * Piecewise constant rates (`keras.optimizers.schedules.PiecewiseConstantDecay`): `values[0]` while
 * `step <= boundaries[0]`, `values[i]` while `boundaries[i-1] < step <= boundaries[i]`, and
 * `values[last]` after the last boundary.
 *
 * @example
 * const s = new PiecewiseConstantDecay({ boundaries: [100, 200], values: [1, 0.5, 0.1] });
 * [s.apply(100), s.apply(101), s.apply(500)]; // [1, 0.5, 0.1]
 */
export class PiecewiseConstantDecay extends LearningRateSchedule {
  static override readonly className: string = 'PiecewiseConstantDecay';
  readonly boundaries: number[];
  readonly values: number[];
  readonly name: string;

  constructor(options: PiecewiseConstantDecayOptions) {
    super();
    this.boundaries = numbers(options?.boundaries, this.who, 'boundaries');
    this.values = numbers(options?.values, this.who, 'values');
    if (this.boundaries.length !== this.values.length - 1) {
      throw new ValueError(
        `${this.who}: boundaries must have one element less than values, received boundaries=${show(this.boundaries)} ` +
          `of length ${this.boundaries.length} and values=${show(this.values)} of length ${this.values.length}`,
      );
    }
    if (this.boundaries.length === 0) {
      // Keras fails later, when the schedule is called (IndexError).
      throw new ValueError(`${this.who}: boundaries must have at least one element, received boundaries=[]`);
    }
    this.name = checkString(options.name ?? 'PiecewiseConstant', this.who, 'name');
  }

  override apply(step: number): number {
    const b = this.boundaries;
    const v = this.values;
    // Keras adds up indicator * value over the intervals, so it is kept as a sum.
    let rate = 0;
    if (step <= b[0]) rate += v[0];
    if (step > b[b.length - 1]) rate += v[v.length - 1];
    for (let i = 0; i + 1 < b.length; i++) {
      if (step > b[i] && step <= b[i + 1]) rate += v[i + 1];
    }
    return f32(rate);
  }

  override getConfig(): Record<string, unknown> {
    return { boundaries: [...this.boundaries], values: [...this.values], name: this.name };
  }
}
