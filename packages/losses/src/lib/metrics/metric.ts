import { TensorLike, ValueError, show, snakeCase, toOptions } from '@strata/tensor';
import { checkFloat32 } from '../losses/loss';

/** Options every metric class takes. */
export interface MetricOptions {
  /** The metric's name (the key it is reported under). Default: the class's Keras default name. */
  name?: string | null;
  /** Only `'float32'` (or `null`) is supported. */
  dtype?: string | null;
}

/**
 * The base class of every metric (`keras.metrics.Metric`): a running statistic over batches.
 * `updateState(yTrue, yPred, sampleWeight?)` folds a batch in, `result()` reads the statistic,
 * `resetState()` starts over. Metrics never take part in gradients: they read the tensors'
 * values with plain typed-array loops.
 *
 * A subclass sets `static readonly className` and implements the three methods (and `getConfig`
 * when it has arguments beyond `name` and `dtype`).
 *
 * @example
 * class MaxError extends Metric {
 *   static override readonly className = 'MaxError';
 *   private worst = 0;
 *   override updateState(yTrue: TensorLike, yPred?: TensorLike | null) {
 *     const t = tensor(yTrue).data, p = tensor(yPred!).data;
 *     for (let i = 0; i < t.length; i++) this.worst = Math.max(this.worst, Math.abs(t[i] - p[i]));
 *   }
 *   override result() { return this.worst; }
 *   override resetState() { this.worst = 0; }
 * }
 */
export abstract class Metric {
  /** Keras's class name, used by `serialize`. */
  static readonly className: string = 'Metric';
  /** Config keys `fromConfig` accepts beyond those `getConfig()` writes. */
  static readonly optionalConfigKeys: readonly string[] = [];
  /** The name the metric is reported under; `compile` may rename it (as Keras does). */
  name: string;
  /** The dtype of the state and result; always `'float32'`. */
  readonly dtype: 'float32';

  /** @param defaultName the name used when `options.name` is undefined (Keras's default argument). */
  constructor(options: MetricOptions = {}, defaultName?: string) {
    const who = (new.target as unknown as typeof Metric).className;
    this.dtype = checkFloat32(options.dtype, who);
    if (options.name !== undefined && options.name !== null && typeof options.name !== 'string') {
      throw new ValueError(`${who}: name must be a string, received name=${show(options.name)}`);
    }
    this.name = options.name || (options.name === undefined && defaultName) || snakeCase(who);
  }

  /** Folds one batch into the state. */
  abstract updateState(yTrue: TensorLike, yPred?: TensorLike | null, sampleWeight?: TensorLike | null): void;

  /** The current value: a number, or one number per class / threshold for some metrics. */
  abstract result(): number | number[];

  /** Clears the state, as if no batch had been seen. */
  abstract resetState(): void;

  /** The Keras config: `{ name, dtype }` plus the subclass's arguments, snake_case. */
  getConfig(): Record<string, unknown> {
    return { name: this.name, dtype: this.dtype };
  }

  /** Builds an instance from a Keras config (snake_case keys); unknown keys are a `ValueError`. */
  static fromConfig<T extends Metric>(this: new (options?: Record<string, unknown>) => T, config: Record<string, unknown>): T {
    const obj = new this(toOptions(config));
    const cls = this as unknown as typeof Metric;
    const known = [...Object.keys(obj.getConfig()), ...cls.optionalConfigKeys];
    const unknown = Object.keys(config).filter((k) => !known.includes(k));
    if (unknown.length > 0) {
      throw new ValueError(`${cls.className}: config has unknown keys (expected ${known.join(', ')}), received ${show(unknown)}`);
    }
    return obj;
  }

  /** The name used in error messages: the subclass's Keras class name. */
  protected get who(): string {
    return (this.constructor as typeof Metric).className;
  }
}

/** `yPred`, or a `ValueError` naming `who` when it is missing. @internal */
export function requirePred(who: string, yPred: TensorLike | null | undefined): TensorLike {
  if (yPred === undefined || yPred === null) {
    throw new ValueError(`${who}: updateState needs yTrue and yPred, received yPred=${String(yPred)}`);
  }
  return yPred;
}
