import { ValueError, Variable, show } from '@strata/tensor';
import { checkBoolean, f32 } from './checks';
import { Optimizer } from './optimizer';
import { OptimizerOptions, withDefaultRate } from './optimizer-options';

/** Options of {@link SGD}: the base options plus `momentum` and `nesterov`. */
export interface SGDOptions extends OptimizerOptions {
  /** Default 0.01. */
  learningRate?: OptimizerOptions['learningRate'];
  /** In [0, 1]; 0 (default) is plain gradient descent and creates no slots. */
  momentum?: number;
  /** Nesterov momentum. Default false. */
  nesterov?: boolean;
}

/**
 * Gradient descent with optional (Nesterov) momentum (`keras.optimizers.SGD`). Without momentum:
 * `w -= lr * g`. With momentum `mu`: `m = mu * m - lr * g`, then `w += m`, or with Nesterov
 * `w += mu * m - lr * g`. Slots: `<variable>_momentum` (only when `momentum != 0`).
 *
 * @example
 * const w = new Variable(tensor([1, 2]));
 * new SGD({ learningRate: 0.1, momentum: 0.9 }).apply([tensor([1, -1])], [w]); // w = [0.9, 2.1]
 */
export class SGD extends Optimizer {
  static override readonly className: string = 'SGD';
  readonly momentum: number;
  readonly nesterov: boolean;
  private momentums: Variable[] = [];

  constructor(options: SGDOptions = {}) {
    super(withDefaultRate(options, 0.01, 'SGD'));
    const { momentum = 0, nesterov = false } = options;
    if (typeof momentum !== 'number' || !(momentum >= 0 && momentum <= 1)) {
      throw new ValueError(`SGD: momentum must be a number in [0, 1], received momentum=${show(momentum)}`);
    }
    this.momentum = momentum;
    this.nesterov = checkBoolean(nesterov, this.who, 'nesterov');
  }

  protected override buildSlots(variables: readonly Variable[]): void {
    if (this.momentum !== 0) this.momentums = this.addSlots(variables, ['momentum'])[0];
  }

  protected override updateStep(g: Float32Array, variable: Variable, lr: number): void {
    const w = this.read(variable);
    const out = new Float32Array(w.length);
    if (this.momentum === 0) {
      for (let i = 0; i < w.length; i++) out[i] = w[i] - f32(g[i] * lr);
      return this.write(variable, out);
    }
    const slot = this.momentums[this.variableIndex(variable)];
    const m = this.read(slot);
    const mu = f32(this.momentum);
    const mNew = new Float32Array(w.length);
    for (let i = 0; i < w.length; i++) {
      const step = f32(g[i] * lr);
      const mi = f32(f32(m[i] * mu) - step);
      mNew[i] = mi;
      out[i] = w[i] + (this.nesterov ? f32(f32(mi * mu) - step) : mi);
    }
    this.write(slot, mNew);
    this.write(variable, out);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), momentum: this.momentum, nesterov: this.nesterov };
  }
}
