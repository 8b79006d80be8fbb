// Mirrors the initializer, regularizer, constraint, activation, loss, metric and callback
// sections of docs/writing-layers.md.
import {
  DType,
  Tensor,
  TensorLike,
  abs,
  full,
  minimum,
  mul,
  randomNormal,
  setSeed,
  sub,
  sum,
  tanh,
  tensor,
} from '@strata/tensor';
import { Initializer, register as registerInitializer } from '@strata/initializers';
import { Regularizer, register as registerRegularizer } from '@strata/regularizers';
import { Constraint, register as registerConstraint } from '@strata/constraints';
import { register as registerActivation, serialize as serializeActivation } from '@strata/activations';
import { Loss, Metric, register as registerLoss, metrics } from '@strata/losses';
import { Dense } from '@strata/layers';
import { Callback, LambdaCallback, Logs, Sequential } from '@strata/models';

/** Every value is `value` (default 5): a custom initializer with an argument. */
export class Fill extends Initializer {
  static override readonly className: string = 'Fill';
  readonly value: number;

  constructor(options: { value?: number } = {}) {
    super();
    this.value = options.value ?? 5;
  }

  override apply(shape: readonly number[], dtype: DType = 'float32'): Tensor {
    return full(shape, this.value, dtype);
  }

  override getConfig(): Record<string, unknown> {
    return { value: this.value };
  }
}

/** Penalty `factor * sum(|w|³)`. */
export class L3 extends Regularizer {
  static override readonly className: string = 'L3';
  readonly factor: number;

  constructor(options: { factor?: number } = {}) {
    super();
    this.factor = options.factor ?? 0.01;
  }

  override apply(w: Tensor): Tensor {
    const a = abs(w);
    return mul(this.factor, sum(mul(a, mul(a, a))));
  }

  override getConfig(): Record<string, unknown> {
    return { factor: this.factor };
  }
}

/** Projects weights onto `w <= 0`. */
export class NonPos extends Constraint {
  static override readonly className: string = 'NonPos';

  override apply(w: Tensor): Tensor {
    return minimum(w, 0);
  }
}

/** `scaledTanh(x) = 1.7159 * tanh(2x / 3)` (LeCun's), a custom activation. */
export function scaledTanh(x: Tensor): Tensor {
  return mul(1.7159, tanh(mul(x, 2 / 3)));
}

/** Per-sample sum of absolute errors over the last axis. */
export class SumAbsoluteError extends Loss {
  static override readonly className: string = 'SumAbsoluteError';

  override call(yTrue: Tensor, yPred: Tensor): Tensor {
    return sum(abs(sub(yTrue, yPred)), -1);
  }
}

/** The largest absolute error seen since the last reset. */
export class MaxError extends Metric {
  static override readonly className: string = 'MaxError';
  private worst = 0;

  constructor(options: { name?: string } = {}) {
    super(options, 'max_error');
  }

  override updateState(yTrue: TensorLike, yPred?: TensorLike | null): void {
    const t = tensor(yTrue).data;
    const p = tensor(yPred ?? 0).data;
    for (let i = 0; i < t.length; i++) this.worst = Math.max(this.worst, Math.abs(t[i] - p[i]));
  }

  override result(): number {
    return this.worst;
  }

  override resetState(): void {
    this.worst = 0;
  }
}

/** Records the loss of every epoch, and stops once it is below `target`. */
export class StopAtLoss extends Callback {
  readonly losses: number[] = [];

  constructor(readonly target: number) {
    super();
  }

  override onEpochEnd(_epoch: number, logs: Logs = {}): void {
    this.losses.push(logs['loss']);
    if (logs['loss'] < this.target && this.model) this.model.stopTraining = true;
  }
}

export async function customObjectsExample(): Promise<Record<string, unknown>> {
  // Register each class once, in the plugin's entry point.
  registerInitializer(Fill, 'my-pkg'); // 'my-pkg>Fill'
  registerRegularizer(L3, 'my-pkg');
  registerConstraint(NonPos, 'my-pkg');
  const activationName = registerActivation(scaledTanh, 'scaled_tanh', 'my-pkg'); // 'my-pkg>scaled_tanh'
  registerLoss(SumAbsoluteError, 'my-pkg');
  metrics.register(MaxError, 'my-pkg');

  const dense = new Dense({
    units: 2,
    inputShape: [3],
    kernelInitializer: new Fill({ value: -0.5 }),
    kernelRegularizer: new L3({ factor: 0.1 }),
    kernelConstraint: 'my-pkg>NonPos', // registered names work wherever Keras takes a name
    activation: activationName,
  });
  const config = dense.getConfig(); // kernel_initializer: { class_name: 'Fill', registered_name: 'my-pkg>Fill', ... }

  setSeed(1);
  const x = randomNormal([32, 3]);
  const y = randomNormal([32, 2]);
  const model = new Sequential({ layers: [dense] });
  const recorder = new StopAtLoss(0.01);
  const printer = new LambdaCallback({ onEpochEnd: (epoch, logs) => console.log(`epoch ${epoch + 1}: loss ${logs?.['loss']}`) });
  model.compile({ optimizer: 'sgd', loss: new SumAbsoluteError(), metrics: [new MaxError()] });
  const history = await model.fit(x, y, { epochs: 3, batchSize: 8, verbose: 0, callbacks: [recorder, printer] });

  return {
    kernelInitializer: config['kernel_initializer'],
    activation: serializeActivation(scaledTanh),
    losses: recorder.losses,
    maxError: history.history['max_error'],
    kernelIsNonPositive: Array.from(dense.getWeights()[0].data).every((v) => v <= 0),
  };
}
