import { Tensor, ValueError, add, normalizeAxes, show, sqrt, square, sum, toOptions } from '@strata/tensor';

/**
 * Axis argument of the norm constraints: one axis, several (e.g. `[0, 1, 2]` for a Conv2D kernel
 * `[rows, cols, in, out]`), or `null` for the norm over the whole tensor. Negative axes count
 * from the end.
 */
export type ConstraintAxis = number | readonly number[] | null;

/**
 * The base class of every weight constraint (`keras.constraints.Constraint`): `apply(w)` returns
 * the projected weight (same shape). Layers apply it to a variable after each optimizer update.
 *
 * The base class returns `w` unchanged and has an empty config. A subclass sets
 * `static readonly className`, implements `apply`, and overrides `getConfig` when it has
 * arguments; the inherited `fromConfig(config)` passes the config's keys, camelCased, to the
 * constructor's options object.
 *
 * @example
 * class NonPositive extends Constraint {
 *   static readonly className = 'NonPositive';
 *   apply(w: Tensor) { return minimum(w, 0); }
 * }
 * new NonPositive().apply(tensor([-1, 2])); // [-1, 0]
 */
export class Constraint {
  /** Keras's class name, used by `serialize`. */
  static readonly className: string = 'Constraint';

  /** The projected weight, shaped like `w`. The base class returns `w` itself. */
  apply(w: Tensor): Tensor {
    return w;
  }

  /** The Keras config: snake_case keys, exactly what Keras 3 writes. */
  getConfig(): Record<string, unknown> {
    return {};
  }

  /** Builds an instance from a Keras config (snake_case keys); unknown keys are a `ValueError`. */
  static fromConfig<T extends Constraint>(
    this: new (options?: Record<string, unknown>) => T,
    config: Record<string, unknown>,
  ): T {
    const obj = new this(toOptions(config));
    // The keys an instance writes are exactly the arguments its constructor takes.
    const known = Object.keys(obj.getConfig());
    const unknown = Object.keys(config).filter((k) => !known.includes(k));
    if (unknown.length > 0) {
      const who = (this as unknown as typeof Constraint).className;
      throw new ValueError(
        `${who}: config has unknown keys (expected ${known.join(', ') || 'none'}), received ${show(unknown)}`,
      );
    }
    return obj;
  }

  /** The name used in error messages: the subclass's Keras class name. */
  protected get who(): string {
    return (this.constructor as typeof Constraint).className;
  }
}

/** Keras's `backend.epsilon()`, added to the norm in every norm constraint's denominator. */
export const EPSILON = 1e-7;

/** Throws a `ValueError` unless `axis` is an integer, an array of integers, or `null`; returns a copy. */
export function checkAxis(axis: unknown, who: string): ConstraintAxis {
  if (axis === null) return null;
  if (Number.isInteger(axis)) return axis as number;
  if (Array.isArray(axis) && axis.every((a) => Number.isInteger(a))) return [...(axis as number[])];
  throw new ValueError(`${who}: axis must be an integer, an array of integers or null, received axis=${show(axis)}`);
}

/** Throws a `ValueError` unless `value` is a number (not NaN); `arg` names the argument. */
export function checkNumber(value: unknown, who: string, arg: string): number {
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new ValueError(`${who}: ${arg} must be a number, received ${arg}=${show(value)}`);
  }
  return value;
}

/**
 * `sqrt(sum(w², axis, keepdims))`: the L2 norm of every slice along `axis`, with the reduced axes
 * kept as size 1 so it broadcasts against `w`. An axis out of range is a `ValueError` naming `who`.
 */
export function norms(w: Tensor, axis: ConstraintAxis, who: string): Tensor {
  normalizeAxes(axis, w.rank, who);
  return sqrt(sum(square(w), axis, true));
}

/** `EPSILON + n`, Keras's denominator (float32, as `backend.epsilon() + norms`). */
export function guarded(n: Tensor): Tensor {
  return add(EPSILON, n);
}

/** A copy of an axis for a config, so callers cannot mutate the constraint through it. */
export function axisConfig(axis: ConstraintAxis): number | number[] | null {
  return Array.isArray(axis) ? [...axis] : (axis as number | null);
}
