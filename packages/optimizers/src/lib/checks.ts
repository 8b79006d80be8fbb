import { ValueError, show } from '@strata/tensor';

/**
 * Rounds to float32, as every scalar and element Keras computes is a float32: the optimizers and
 * schedules round each intermediate result with it so they agree with Keras to the last bits.
 */
export const f32: (x: number) => number = Math.fround;

/** Throws a `ValueError` unless `value` is a number (not NaN); `arg` is Keras's argument name. */
export function checkNumber(value: unknown, who: string, arg: string): number {
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new ValueError(`${who}: ${arg} must be a number, received ${arg}=${show(value)}`);
  }
  return value;
}

/** Like {@link checkNumber}, but `null` and `undefined` give `null` (Keras's `None`). */
export function checkOptionalNumber(value: unknown, who: string, arg: string): number | null {
  return value === null || value === undefined ? null : checkNumber(value, who, arg);
}

/** Throws a `ValueError` unless `value` is a boolean. */
export function checkBoolean(value: unknown, who: string, arg: string): boolean {
  if (typeof value !== 'boolean') {
    throw new ValueError(`${who}: ${arg} must be a boolean, received ${arg}=${show(value)}`);
  }
  return value;
}

/** Throws a `ValueError` unless `value` is a string. */
export function checkString(value: unknown, who: string, arg: string): string {
  if (typeof value !== 'string') {
    throw new ValueError(`${who}: ${arg} must be a string, received ${arg}=${show(value)}`);
  }
  return value;
}

/** Throws a `ValueError` unless `lo <= value <= hi`. */
export function checkRange(value: number, lo: number, hi: number, who: string, arg: string): number {
  if (!(value >= lo && value <= hi)) {
    throw new ValueError(`${who}: ${arg} must be in the range [${lo}, ${hi}], received ${arg}=${show(value)}`);
  }
  return value;
}

/** Throws a `ValueError` unless `value > 0` (Keras's check on `decay_steps`). */
export function checkPositive(value: number, who: string, arg: string): number {
  if (!(value > 0)) throw new ValueError(`${who}: ${arg} must be > 0, received ${arg}=${show(value)}`);
  return value;
}

/**
 * Throws a `ValueError` when a Keras config has keys the class does not write: `known` are the keys
 * an instance's `getConfig()` returns, which are exactly its constructor's arguments.
 */
export function checkConfigKeys(config: Record<string, unknown>, known: readonly string[], who: string): void {
  const unknown = Object.keys(config).filter((k) => !known.includes(k));
  if (unknown.length > 0) {
    throw new ValueError(`${who}: config has unknown keys (expected ${known.join(', ') || 'none'}), received ${show(unknown)}`);
  }
}
