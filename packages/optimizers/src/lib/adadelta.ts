import { Variable } from '@strata/tensor';
import { checkNumber, f32 } from './checks';
import { Optimizer } from './optimizer';
import { OptimizerOptions, withDefaultRate } from './optimizer-options';

/** Options of {@link Adadelta}. */
export interface AdadeltaOptions extends OptimizerOptions {
  /** Default 0.001 (Keras's default; the original paper uses 1). */
  learningRate?: OptimizerOptions['learningRate'];
  /** Decay of both moving averages. Default 0.95. */
  rho?: number;
  /** Default 1e-7. */
  epsilon?: number;
}

/**
 * Adadelta (`keras.optimizers.Adadelta`): `G = rho * G + (1 - rho) * g²`,
 * `delta = -sqrt(D + epsilon) * g / sqrt(G + epsilon)`, `D = rho * D + (1 - rho) * delta²`,
 * `w += lr * delta`. Slots: `<variable>_accumulated_grad`, `<variable>_accumulated_delta_var`
 * (interleaved per variable).
 *
 * @example
 * const opt = new Adadelta({ learningRate: 1, rho: 0.95 });
 */
export class Adadelta extends Optimizer {
  static override readonly className: string = 'Adadelta';
  readonly rho: number;
  readonly epsilon: number;
  private accumulatedGrads: Variable[] = [];
  private accumulatedDeltas: Variable[] = [];

  constructor(options: AdadeltaOptions = {}) {
    super(withDefaultRate(options, 0.001, 'Adadelta'));
    const { rho = 0.95, epsilon = 1e-7 } = options;
    this.rho = checkNumber(rho, this.who, 'rho');
    this.epsilon = checkNumber(epsilon, this.who, 'epsilon');
  }

  protected override buildSlots(variables: readonly Variable[]): void {
    [this.accumulatedGrads, this.accumulatedDeltas] = this.addSlots(variables, ['accumulated_grad', 'accumulated_delta_var']);
  }

  protected override updateStep(g: Float32Array, variable: Variable, lr: number): void {
    const k = this.variableIndex(variable);
    const rho = f32(this.rho);
    const c = f32(1 - this.rho);
    const eps = f32(this.epsilon);
    const w = this.read(variable);
    const G = this.read(this.accumulatedGrads[k]);
    const D = this.read(this.accumulatedDeltas[k]);
    const n = w.length;
    const [out, gNew, dNew] = [new Float32Array(n), new Float32Array(n), new Float32Array(n)];
    for (let i = 0; i < n; i++) {
      const gi = (gNew[i] = f32(f32(rho * G[i]) + f32(c * f32(g[i] * g[i]))));
      const delta = -f32(f32(f32(Math.sqrt(f32(D[i] + eps))) * g[i]) / f32(Math.sqrt(f32(gi + eps))));
      dNew[i] = f32(f32(rho * D[i]) + f32(c * f32(delta * delta)));
      out[i] = w[i] + f32(lr * delta);
    }
    this.write(this.accumulatedGrads[k], gNew);
    this.write(this.accumulatedDeltas[k], dNew);
    this.write(variable, out);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), rho: this.rho, epsilon: this.epsilon };
  }
}
