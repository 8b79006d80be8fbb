import { Variable } from '@strata/tensor';
import { checkBoolean, checkNumber, f32 } from './checks';
import { Optimizer } from './optimizer';
import { OptimizerOptions, withDefaultRate } from './optimizer-options';

/** Options of {@link RMSprop}. */
export interface RMSpropOptions extends OptimizerOptions {
  /** Default 0.001. */
  learningRate?: OptimizerOptions['learningRate'];
  /** Decay of the moving average of squared gradients. Default 0.9. */
  rho?: number;
  /** Momentum of the update; slots are created only when > 0. Default 0. */
  momentum?: number;
  /** Default 1e-7. */
  epsilon?: number;
  /** Normalize by the centered second moment (the variance estimate). Default false. */
  centered?: boolean;
}

/**
 * RMSprop (`keras.optimizers.RMSprop`): `v = rho * v + (1 - rho) * g²`; with `centered`,
 * `a = rho * a + (1 - rho) * g` and the denominator is `sqrt(v - a² + epsilon)`, else
 * `sqrt(v + epsilon)`; `step = lr * g / denominator`; with momentum, `m = momentum * m + step`
 * and `w -= m`, else `w -= step`. Slots: `<variable>_velocity`, then `<variable>_momentum`
 * (momentum > 0), then `<variable>_average_gradient` (centered).
 *
 * @example
 * const opt = new RMSprop({ learningRate: 0.01, momentum: 0.9, centered: true });
 */
export class RMSprop extends Optimizer {
  static override readonly className: string = 'RMSprop';
  readonly rho: number;
  readonly momentum: number;
  readonly epsilon: number;
  readonly centered: boolean;
  private velocities: Variable[] = [];
  private momentums: Variable[] = [];
  private averageGradients: Variable[] = [];

  constructor(options: RMSpropOptions = {}) {
    super(withDefaultRate(options, 0.001, 'RMSprop'));
    const { rho = 0.9, momentum = 0, epsilon = 1e-7, centered = false } = options;
    this.rho = checkNumber(rho, this.who, 'rho');
    this.momentum = checkNumber(momentum, this.who, 'momentum');
    this.epsilon = checkNumber(epsilon, this.who, 'epsilon');
    this.centered = checkBoolean(centered, this.who, 'centered');
  }

  protected override buildSlots(variables: readonly Variable[]): void {
    this.velocities = this.addSlots(variables, ['velocity'])[0];
    if (this.momentum > 0) this.momentums = this.addSlots(variables, ['momentum'])[0];
    if (this.centered) this.averageGradients = this.addSlots(variables, ['average_gradient'])[0];
  }

  protected override updateStep(g: Float32Array, variable: Variable, lr: number): void {
    const k = this.variableIndex(variable);
    const rho = f32(this.rho);
    const c = f32(1 - this.rho);
    const eps = f32(this.epsilon);
    const mu = f32(this.momentum);
    const useMomentum = this.momentum > 0;
    const w = this.read(variable);
    const v = this.read(this.velocities[k]);
    const m = useMomentum ? this.read(this.momentums[k]) : null;
    const a = this.centered ? this.read(this.averageGradients[k]) : null;
    const n = w.length;
    const [out, vNew] = [new Float32Array(n), new Float32Array(n)];
    const mNew = m ? new Float32Array(n) : null;
    const aNew = a ? new Float32Array(n) : null;
    for (let i = 0; i < n; i++) {
      const vi = (vNew[i] = f32(f32(rho * v[i]) + f32(c * f32(g[i] * g[i]))));
      let denominator: number;
      if (a && aNew) {
        const ai = (aNew[i] = f32(f32(rho * a[i]) + f32(c * g[i])));
        denominator = f32(f32(vi - f32(ai * ai)) + eps);
      } else {
        denominator = f32(vi + eps);
      }
      const step = f32(f32(lr * g[i]) / f32(Math.sqrt(denominator)));
      out[i] = w[i] - (m && mNew ? (mNew[i] = f32(f32(mu * m[i]) + step)) : step);
    }
    this.write(this.velocities[k], vNew);
    if (mNew) this.write(this.momentums[k], mNew);
    if (aNew) this.write(this.averageGradients[k], aNew);
    this.write(variable, out);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), rho: this.rho, momentum: this.momentum, epsilon: this.epsilon, centered: this.centered };
  }
}
