import { Constraint, get as getConstraint, serialize as serializeConstraint } from '@strata/constraints';
import { Initializer, get as getInitializer, serialize as serializeInitializer } from '@strata/initializers';
import { Regularizer, get as getRegularizer, serialize as serializeRegularizer } from '@strata/regularizers';
import { KerasObject, ValueError, show } from '@strata/tensor';
import { Shape, formatKerasShape } from '../engine/shape';

/** The `gamma`/`beta` arguments the affine normalization layers share (Keras's names, camelCase). */
export interface AffineArgs {
  /** Add the learned offset `beta`. Default true. */
  center?: boolean;
  /** Multiply by the learned scale `gamma`. Default true. */
  scale?: boolean;
  /** Default `'zeros'`. */
  betaInitializer?: unknown;
  /** Default `'ones'`. */
  gammaInitializer?: unknown;
  betaRegularizer?: unknown;
  gammaRegularizer?: unknown;
  betaConstraint?: unknown;
  gammaConstraint?: unknown;
}

/** `gamma`/`beta` settings resolved from `AffineArgs`. */
export interface Affine {
  center: boolean;
  scale: boolean;
  betaInitializer: Initializer;
  gammaInitializer: Initializer;
  betaRegularizer: Regularizer | null;
  gammaRegularizer: Regularizer | null;
  betaConstraint: Constraint | null;
  gammaConstraint: Constraint | null;
}

/** Throws a `ValueError` unless `value` is a boolean (or undefined, giving `fallback`). */
export function booleanArg(value: unknown, name: string, who: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new ValueError(`${who}: ${name} must be a boolean, received ${name}=${show(value)}`);
  return value;
}

/** Throws a `ValueError` unless `value` is a finite number (or undefined, giving `fallback`). */
export function numberArg(value: unknown, name: string, who: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ValueError(`${who}: ${name} must be a finite number, received ${name}=${show(value)}`);
  }
  return value;
}

/** `epsilon`: a finite number >= 0 (Keras does not check; a negative one only yields NaNs). */
export function epsilonArg(value: unknown, who: string): number {
  const eps = numberArg(value, 'epsilon', who, 1e-3);
  if (eps < 0) throw new ValueError(`${who}: epsilon must be a non-negative number, received epsilon=${show(value)}`);
  return eps;
}

/** An `axis` argument that may be one integer or a list of integers (LayerNormalization, UnitNormalization). */
export function axisListArg(value: unknown, who: string): number | number[] {
  if (value === undefined) return -1;
  const ok = (a: unknown) => typeof a === 'number' && Number.isInteger(a);
  if (ok(value)) return value as number;
  if (Array.isArray(value) && value.every(ok)) return [...(value as number[])];
  throw new ValueError(`${who}: axis must be an integer or an array of integers, received axis=${show(value)}`);
}

/** Resolves the `gamma`/`beta` arguments, with Keras's defaults. */
export function affineArgs(args: AffineArgs, who: string): Affine {
  return {
    center: booleanArg(args.center, 'center', who, true),
    scale: booleanArg(args.scale, 'scale', who, true),
    betaInitializer: getInitializer((args.betaInitializer ?? 'zeros') as never)!,
    gammaInitializer: getInitializer((args.gammaInitializer ?? 'ones') as never)!,
    betaRegularizer: getRegularizer(args.betaRegularizer as never),
    gammaRegularizer: getRegularizer(args.gammaRegularizer as never),
    betaConstraint: getConstraint(args.betaConstraint as never) as Constraint | null,
    gammaConstraint: getConstraint(args.gammaConstraint as never) as Constraint | null,
  };
}

/** Serialized initializer (Keras's `initializers.serialize`). */
export const initConfig = (i: Initializer): KerasObject => serializeInitializer(i);
/** Serialized regularizer, or null. */
export const regConfig = (r: Regularizer | null): KerasObject | null => (r ? serializeRegularizer(r) : null);
/** Serialized constraint, or null. */
export const constraintConfig = (c: Constraint | null): KerasObject | null => (c ? serializeConstraint(c) : null);

/**
 * Resolves `axes` against a rank; an axis outside `[-rank, rank)` is a `ValueError` worded as
 * Keras's `compute_output_shape`: `Axis 5 is out of bounds for input shape (None, 3)`.
 */
export function axesInRange(axes: readonly number[], shape: Shape, who: string, axisArg: number | number[]): number[] {
  const rank = shape.length;
  return axes.map((a) => {
    if (a >= rank || a < -rank) {
      throw new ValueError(
        `${who}: axis ${a} is out of bounds for input shape ${formatKerasShape(shape)}, received axis=${show(axisArg)}`,
      );
    }
    return a < 0 ? a + rank : a;
  });
}
