import { Variable } from '@strata/tensor';
import { checkNumber, f32 } from './checks';
import { Optimizer } from './optimizer';
import { OptimizerOptions, withDefaultRate } from './optimizer-options';

/** Options of {@link Adamax}. */
export interface AdamaxOptions extends OptimizerOptions {
  /** Default 0.001. */
  learningRate?: OptimizerOptions['learningRate'];
  /** Decay of the first-moment estimate. Default 0.9. */
  beta1?: number;
  /** Decay of the exponentially weighted infinity norm. Default 0.999. */
  beta2?: number;
  /** Default 1e-7. */
  epsilon?: number;
}

/**
 * Adamax, Adam with the infinity norm (`keras.optimizers.Adamax`). At step `t`:
 * `m += (g - m) * (1 - beta1)`, `u = max(beta2 * u, |g|)`,
 * `w -= lr * m / ((1 - beta1^t) * (u + epsilon))`. Slots: `<variable>_momentum`,
 * `<variable>_norm` (interleaved per variable).
 *
 * @example
 * const opt = new Adamax({ learningRate: 0.002 });
 */
export class Adamax extends Optimizer {
  static override readonly className: string = 'Adamax';
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  private momentums: Variable[] = [];
  private norms: Variable[] = [];

  constructor(options: AdamaxOptions = {}) {
    super(withDefaultRate(options, 0.001, 'Adamax'));
    const { beta1 = 0.9, beta2 = 0.999, epsilon = 1e-7 } = options;
    this.beta1 = checkNumber(beta1, this.who, 'beta_1');
    this.beta2 = checkNumber(beta2, this.who, 'beta_2');
    this.epsilon = checkNumber(epsilon, this.who, 'epsilon');
  }

  protected override buildSlots(variables: readonly Variable[]): void {
    [this.momentums, this.norms] = this.addSlots(variables, ['momentum', 'norm']);
  }

  protected override updateStep(g: Float32Array, variable: Variable, lr: number): void {
    const k = this.variableIndex(variable);
    const beta1Power = f32(Math.pow(f32(this.beta1), this.iterations + 1));
    const correction = f32(1 - beta1Power);
    const c1 = f32(1 - this.beta1);
    const beta2 = f32(this.beta2);
    const eps = f32(this.epsilon);
    const w = this.read(variable);
    const m = this.read(this.momentums[k]);
    const u = this.read(this.norms[k]);
    const n = w.length;
    const [out, mNew, uNew] = [new Float32Array(n), new Float32Array(n), new Float32Array(n)];
    for (let i = 0; i < n; i++) {
      const mi = (mNew[i] = f32(m[i] + f32(f32(g[i] - m[i]) * c1)));
      const ui = (uNew[i] = Math.max(f32(beta2 * u[i]), Math.abs(g[i])));
      out[i] = w[i] - f32(f32(lr * mi) / f32(correction * f32(ui + eps)));
    }
    this.write(this.momentums[k], mNew);
    this.write(this.norms[k], uNew);
    this.write(variable, out);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), beta_1: this.beta1, beta_2: this.beta2, epsilon: this.epsilon };
  }
}
