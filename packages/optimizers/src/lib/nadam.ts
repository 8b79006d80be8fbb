import { Tensor, Variable } from '@strata/tensor';
import { checkNumber, f32 } from './checks';
import { Optimizer } from './optimizer';
import { OptimizerOptions, withDefaultRate } from './optimizer-options';

/** Options of {@link Nadam}. */
export interface NadamOptions extends OptimizerOptions {
  /** Default 0.001. */
  learningRate?: OptimizerOptions['learningRate'];
  /** Decay of the first-moment estimate. Default 0.9. */
  beta1?: number;
  /** Decay of the second-moment estimate. Default 0.999. */
  beta2?: number;
  /** Default 1e-7. */
  epsilon?: number;
}

// Keras's momentum schedule: u_t = beta1 * (1 - 0.5 * 0.96^t).
const momentumAt = (beta1: number, t: number) => f32(beta1 * f32(1 - f32(0.5 * f32(Math.pow(f32(0.96), t)))));

/**
 * Nadam, Adam with Nesterov momentum (`keras.optimizers.Nadam`). With `u_t = beta1 * (1 - 0.5 * 0.96^t)`
 * and `P_t = u_1 * ... * u_t`: `m += (g - m) * (1 - beta1)`, `v += (g² - v) * (1 - beta2)`,
 * `mHat = u_{t+1} * m / (1 - P_t * u_{t+1}) + (1 - u_t) * g / (1 - P_t)`, `vHat = v / (1 - beta2^t)`,
 * `w -= lr * mHat / (sqrt(vHat) + epsilon)`. Slots: `<variable>_momentum`, `<variable>_velocity`
 * (interleaved), then the scalar product `P` (named `variable`, as in Keras).
 *
 * @example
 * const opt = new Nadam({ learningRate: 0.002 });
 */
export class Nadam extends Optimizer {
  static override readonly className: string = 'Nadam';
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  private momentums: Variable[] = [];
  private velocities: Variable[] = [];
  private uProduct: Variable | null = null;

  constructor(options: NadamOptions = {}) {
    super(withDefaultRate(options, 0.001, 'Nadam'));
    const { beta1 = 0.9, beta2 = 0.999, epsilon = 1e-7 } = options;
    this.beta1 = checkNumber(beta1, this.who, 'beta_1');
    this.beta2 = checkNumber(beta2, this.who, 'beta_2');
    this.epsilon = checkNumber(epsilon, this.who, 'epsilon');
  }

  protected override buildSlots(variables: readonly Variable[]): void {
    [this.momentums, this.velocities] = this.addSlots(variables, ['momentum', 'velocity']);
    this.uProduct = this.addVariable(new Tensor(Float32Array.of(1), [], 'float32'), 'variable');
  }

  // The product of momentum factors advances once per update, before the variables are updated.
  protected override updateSteps(grads: readonly Float32Array[], variables: readonly Variable[], lr: number): void {
    const p = this.uProduct as Variable;
    const next = f32(f32(p.value.data[0] * this.beta1) * f32(1 - f32(0.5 * f32(Math.pow(f32(0.96), this.iterations + 1)))));
    p.assign(new Tensor(Float32Array.of(next), [], 'float32'));
    super.updateSteps(grads, variables, lr);
  }

  protected override updateStep(g: Float32Array, variable: Variable, lr: number): void {
    const k = this.variableIndex(variable);
    const t = this.iterations + 1;
    const beta1 = f32(this.beta1);
    const uT = momentumAt(beta1, t);
    const uNext = momentumAt(beta1, t + 1);
    const product = (this.uProduct as Variable).value.data[0];
    const productNext = f32(product * uNext);
    const beta2Power = f32(Math.pow(f32(this.beta2), t));
    const [c1, c2, eps] = [f32(1 - beta1), f32(1 - f32(this.beta2)), f32(this.epsilon)];
    const [dm, dg, dv] = [f32(1 - productNext), f32(1 - product), f32(1 - beta2Power)];
    const gFactor = f32(1 - uT);
    const w = this.read(variable);
    const m = this.read(this.momentums[k]);
    const v = this.read(this.velocities[k]);
    const n = w.length;
    const [out, mNew, vNew] = [new Float32Array(n), new Float32Array(n), new Float32Array(n)];
    for (let i = 0; i < n; i++) {
      const mi = (mNew[i] = f32(m[i] + f32(f32(g[i] - m[i]) * c1)));
      const vi = (vNew[i] = f32(v[i] + f32(f32(f32(g[i] * g[i]) - v[i]) * c2)));
      const mHat = f32(f32(f32(uNext * mi) / dm) + f32(f32(gFactor * g[i]) / dg));
      const vHat = f32(vi / dv);
      out[i] = w[i] - f32(f32(mHat * lr) / f32(f32(Math.sqrt(vHat)) + eps));
    }
    this.write(this.momentums[k], mNew);
    this.write(this.velocities[k], vNew);
    this.write(variable, out);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), beta_1: this.beta1, beta_2: this.beta2, epsilon: this.epsilon };
  }
}
