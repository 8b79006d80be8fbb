import { ValueError, Variable, show } from '@strata/tensor';
import { checkNumber, f32 } from './checks';
import { Optimizer } from './optimizer';
import { OptimizerOptions, withDefaultRate } from './optimizer-options';

/** Options of {@link Lion}. */
export interface LionOptions extends OptimizerOptions {
  /** Default 0.001. */
  learningRate?: OptimizerOptions['learningRate'];
  /** Interpolation of momentum and gradient in the update's sign; in (0, 1]. Default 0.9. */
  beta1?: number;
  /** Decay of the momentum. Default 0.99. */
  beta2?: number;
}

/**
 * Lion (`keras.optimizers.Lion`): `w -= lr * sign(beta1 * m + (1 - beta1) * g)`, then
 * `m = beta2 * m + (1 - beta2) * g`. Slots: `<variable>_momentum`.
 *
 * @example
 * const opt = new Lion({ learningRate: 1e-4, weightDecay: 0.01 });
 */
export class Lion extends Optimizer {
  static override readonly className: string = 'Lion';
  readonly beta1: number;
  readonly beta2: number;
  private momentums: Variable[] = [];

  constructor(options: LionOptions = {}) {
    super(withDefaultRate(options, 0.001, 'Lion'));
    const { beta1 = 0.9, beta2 = 0.99 } = options;
    this.beta1 = checkNumber(beta1, this.who, 'beta_1');
    this.beta2 = checkNumber(beta2, this.who, 'beta_2');
    if (this.beta1 <= 0 || this.beta1 > 1) {
      throw new ValueError(
        `Lion: beta_1 must be in the range (0, 1] (otherwise the optimizer degenerates to SignSGD), received beta_1=${show(beta1)}`,
      );
    }
  }

  protected override buildSlots(variables: readonly Variable[]): void {
    this.momentums = this.addSlots(variables, ['momentum'])[0];
  }

  protected override updateStep(g: Float32Array, variable: Variable, lr: number): void {
    const slot = this.momentums[this.variableIndex(variable)];
    const [beta1, beta2] = [f32(this.beta1), f32(this.beta2)];
    const [c1, c2] = [f32(1 - beta1), f32(1 - beta2)];
    const w = this.read(variable);
    const m = this.read(slot);
    const [out, mNew] = [new Float32Array(w.length), new Float32Array(w.length)];
    for (let i = 0; i < w.length; i++) {
      out[i] = w[i] - lr * Math.sign(f32(f32(m[i] * beta1) + f32(g[i] * c1)));
      mNew[i] = f32(f32(m[i] * beta2) + f32(g[i] * c2));
    }
    this.write(variable, out);
    this.write(slot, mNew);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), beta_1: this.beta1, beta_2: this.beta2 };
  }
}
