import { StrataError, Tensor, ValueError, show, toOptions, zeros } from '@strata/tensor';

/**
 * The base class of every weight regularizer (`keras.regularizers.Regularizer`):
 * `apply(w)` returns the penalty as a scalar `Tensor`, which layers add to the training loss,
 * so it is built from differentiable ops.
 *
 * The base class's own penalty is 0 and, as in Keras, it has no config: a subclass sets
 * `static readonly className`, implements `apply` and `getConfig`; the inherited
 * `fromConfig(config)` passes the config's keys, camelCased, to the constructor's options object.
 *
 * @example
 * class L2Half extends Regularizer {
 *   static readonly className = 'L2Half';
 *   apply(w: Tensor) { return mul(0.5, sum(square(w))); }
 *   getConfig() { return {}; }
 * }
 * new L2Half().apply(tensor([1, 2])).item(); // 2.5
 */
export class Regularizer {
  /** Keras's class name, used by `serialize`. */
  static readonly className: string = 'Regularizer';

  /** The penalty for weight `w`: a scalar (shape `[]`) float32 tensor. The base class returns 0. */
  apply(w: Tensor): Tensor {
    void w;
    return zeros([]);
  }

  /** The Keras config: snake_case keys, exactly what Keras 3 writes. Subclasses must override it. */
  getConfig(): Record<string, unknown> {
    throw new StrataError(`${this.who}: getConfig() is not implemented; a Regularizer subclass must override it`);
  }

  /** Builds an instance from a Keras config (snake_case keys); unknown keys are a `ValueError`. */
  static fromConfig<T extends Regularizer>(
    this: new (options?: Record<string, unknown>) => T,
    config: Record<string, unknown>,
  ): T {
    const obj = new this(toOptions(config));
    const keys = Object.keys(config);
    if (keys.length > 0) {
      // The keys an instance writes are exactly the arguments its constructor takes.
      const known = Object.keys(obj.getConfig());
      const unknown = keys.filter((k) => !known.includes(k));
      if (unknown.length > 0) {
        const who = (this as unknown as typeof Regularizer).className;
        throw new ValueError(
          `${who}: config has unknown keys (expected ${known.join(', ') || 'none'}), received ${show(unknown)}`,
        );
      }
    }
    return obj;
  }

  /** The name used in error messages: the subclass's Keras class name. */
  protected get who(): string {
    return (this.constructor as typeof Regularizer).className;
  }
}

/**
 * Keras's `validate_float_arg`: a penalty factor must be a finite, non-negative number.
 * Throws a `ValueError` naming `who`, the argument and the value.
 */
export function validateFloatArg(value: unknown, who: string, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new ValueError(`${who}: ${name} must be a non-negative finite number, received ${name}=${show(value)}`);
  }
  return value;
}
