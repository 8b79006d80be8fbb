import { Variable } from '@strata/tensor';
import { checkNumber, f32 } from './checks';
import { Optimizer } from './optimizer';
import { OptimizerOptions, withDefaultRate } from './optimizer-options';

/** Options of {@link Adagrad}. */
export interface AdagradOptions extends OptimizerOptions {
  /** Default 0.001. */
  learningRate?: OptimizerOptions['learningRate'];
  /** Starting value of the accumulators. Default 0.1. */
  initialAccumulatorValue?: number;
  /** Default 1e-7. */
  epsilon?: number;
}

/**
 * Adagrad (`keras.optimizers.Adagrad`): `acc += g²`, `w -= lr * g / sqrt(acc + epsilon)`.
 * Slots: `<variable>_accumulator`, starting at `initialAccumulatorValue`.
 *
 * @example
 * const opt = new Adagrad({ learningRate: 0.1, initialAccumulatorValue: 0.1 });
 */
export class Adagrad extends Optimizer {
  static override readonly className: string = 'Adagrad';
  readonly initialAccumulatorValue: number;
  readonly epsilon: number;
  private sums: Variable[] = [];

  constructor(options: AdagradOptions = {}) {
    super(withDefaultRate(options, 0.001, 'Adagrad'));
    const { initialAccumulatorValue = 0.1, epsilon = 1e-7 } = options;
    this.initialAccumulatorValue = checkNumber(initialAccumulatorValue, this.who, 'initial_accumulator_value');
    this.epsilon = checkNumber(epsilon, this.who, 'epsilon');
  }

  protected override buildSlots(variables: readonly Variable[]): void {
    this.sums = this.addSlots(variables, ['accumulator'], this.initialAccumulatorValue)[0];
  }

  protected override updateStep(g: Float32Array, variable: Variable, lr: number): void {
    const slot = this.sums[this.variableIndex(variable)];
    const eps = f32(this.epsilon);
    const w = this.read(variable);
    const acc = this.read(slot);
    const [out, accNew] = [new Float32Array(w.length), new Float32Array(w.length)];
    for (let i = 0; i < w.length; i++) {
      const ai = (accNew[i] = f32(acc[i] + f32(g[i] * g[i])));
      out[i] = w[i] - f32(f32(lr * g[i]) / f32(Math.sqrt(f32(ai + eps))));
    }
    this.write(slot, accNew);
    this.write(variable, out);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), initial_accumulator_value: this.initialAccumulatorValue, epsilon: this.epsilon };
  }
}
