import { DType, Tensor, ValueError, show, toOptions } from '@strata/tensor';

/**
 * The base class of every initializer (`keras.initializers.Initializer`): `apply(shape, dtype?)`
 * returns a new tensor of that shape, `getConfig()` the Keras (snake_case) config and the static
 * `fromConfig(config)` builds one back.
 *
 * A subclass sets `static readonly className`, implements `apply`, and overrides `getConfig`
 * when it has arguments; the inherited `fromConfig` passes the config's keys, camelCased, to
 * its constructor's options object.
 *
 * @example
 * class Fives extends Initializer {
 *   static readonly className = 'Fives';
 *   apply(shape: number[], dtype: DType = 'float32') { return full(shape, 5, dtype); }
 * }
 * new Fives().apply([2, 2]); // [[5, 5], [5, 5]]
 */
export abstract class Initializer {
  /** Keras's class name, used by `serialize`. */
  static readonly className: string = 'Initializer';

  /** A new tensor of `shape` and `dtype` (float32 unless given). */
  abstract apply(shape: readonly number[], dtype?: DType): Tensor;

  /** The Keras config: snake_case keys, exactly what Keras 3 writes. */
  getConfig(): Record<string, unknown> {
    return {};
  }

  /** Builds an instance from a Keras config (snake_case keys). */
  static fromConfig<T extends Initializer>(
    this: new (options?: Record<string, unknown>) => T,
    config: Record<string, unknown>,
  ): T {
    return new this(toOptions(config));
  }

  /** The name used in error messages: the subclass's Keras class name. */
  protected get who(): string {
    return (this.constructor as typeof Initializer).className;
  }
}

/** Throws a `ValueError` unless `shape` is an array of non-negative integers; returns it as an array. */
export function checkShape(shape: unknown, who: string): number[] {
  if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0)) {
    throw new ValueError(`${who}: shape must be an array of non-negative integers, received shape=${show(shape)}`);
  }
  return shape as number[];
}

/** Throws a `ValueError` unless `value` is a finite number; `arg` names the argument. */
export function checkNumber(value: unknown, who: string, arg: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ValueError(`${who}: ${arg} must be a finite number, received ${arg}=${show(value)}`);
  }
  return value;
}
