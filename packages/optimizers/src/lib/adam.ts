import { Variable } from '@strata/tensor';
import { checkBoolean, checkNumber, f32 } from './checks';
import { Optimizer } from './optimizer';
import { OptimizerOptions, withDefaultRate } from './optimizer-options';

/** Options of {@link Adam}. */
export interface AdamOptions extends OptimizerOptions {
  /** Default 0.001. */
  learningRate?: OptimizerOptions['learningRate'];
  /** Decay of the first-moment estimate. Default 0.9. */
  beta1?: number;
  /** Decay of the second-moment estimate. Default 0.999. */
  beta2?: number;
  /** Added to `sqrt(v)` (Keras's "epsilon hat"). Default 1e-7. */
  epsilon?: number;
  /** Use the maximum of past second moments (AMSGrad). Default false. */
  amsgrad?: boolean;
}

/**
 * Adam (`keras.optimizers.Adam`). At step `t` (1-based):
 * `m += (g - m) * (1 - beta1)`, `v += (g² - v) * (1 - beta2)`,
 * `w -= m * lr * sqrt(1 - beta2^t) / (1 - beta1^t) / (sqrt(v) + epsilon)`; with `amsgrad`,
 * `vHat = max(vHat, v)` replaces `v` in the last formula. Slots: `<variable>_momentum`,
 * `<variable>_velocity` (interleaved per variable), then `<variable>_velocity_hat` with `amsgrad`.
 *
 * @example
 * const w = new Variable(tensor([1, 2]));
 * new Adam({ learningRate: 0.1 }).apply([tensor([3, -0.5])], [w]); // w ≈ [0.9, 2.1]
 */
export class Adam extends Optimizer {
  static override readonly className: string = 'Adam';
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  readonly amsgrad: boolean;
  private momentums: Variable[] = [];
  private velocities: Variable[] = [];
  private velocityHats: Variable[] = [];

  constructor(options: AdamOptions = {}) {
    super(withDefaultRate(options, 0.001, 'Adam'));
    const { beta1 = 0.9, beta2 = 0.999, epsilon = 1e-7, amsgrad = false } = options;
    this.beta1 = checkNumber(beta1, this.who, 'beta_1');
    this.beta2 = checkNumber(beta2, this.who, 'beta_2');
    this.epsilon = checkNumber(epsilon, this.who, 'epsilon');
    this.amsgrad = checkBoolean(amsgrad, this.who, 'amsgrad');
  }

  protected override buildSlots(variables: readonly Variable[]): void {
    [this.momentums, this.velocities] = this.addSlots(variables, ['momentum', 'velocity']);
    if (this.amsgrad) this.velocityHats = this.addSlots(variables, ['velocity_hat'])[0];
  }

  protected override updateStep(g: Float32Array, variable: Variable, lr: number): void {
    const k = this.variableIndex(variable);
    const t = this.iterations + 1;
    const beta1Power = f32(Math.pow(f32(this.beta1), t));
    const beta2Power = f32(Math.pow(f32(this.beta2), t));
    const alpha = f32(f32(lr * f32(Math.sqrt(f32(1 - beta2Power)))) / f32(1 - beta1Power));
    const c1 = f32(1 - this.beta1);
    const c2 = f32(1 - this.beta2);
    const eps = f32(this.epsilon);
    const w = this.read(variable);
    const m = this.read(this.momentums[k]);
    const v = this.read(this.velocities[k]);
    const vHat = this.amsgrad ? this.read(this.velocityHats[k]) : null;
    const n = w.length;
    const [out, mNew, vNew] = [new Float32Array(n), new Float32Array(n), new Float32Array(n)];
    const vHatNew = vHat ? new Float32Array(n) : null;
    for (let i = 0; i < n; i++) {
      const mi = f32(m[i] + f32(f32(g[i] - m[i]) * c1));
      let vi = f32(v[i] + f32(f32(f32(g[i] * g[i]) - v[i]) * c2));
      mNew[i] = mi;
      vNew[i] = vi;
      if (vHat && vHatNew) vi = vHatNew[i] = Math.max(vHat[i], vi);
      out[i] = w[i] - f32(f32(mi * alpha) / f32(f32(Math.sqrt(vi)) + eps));
    }
    this.write(this.momentums[k], mNew);
    this.write(this.velocities[k], vNew);
    if (vHatNew) this.write(this.velocityHats[k], vHatNew);
    this.write(variable, out);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), beta_1: this.beta1, beta_2: this.beta2, epsilon: this.epsilon, amsgrad: this.amsgrad };
  }
}
