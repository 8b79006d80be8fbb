import { ValueError, show } from '@strata/tensor';

/** Keras's `backend.epsilon()`: the clipping bound of probabilities and the guard of divisions. */
export const EPSILON = 1e-7;

/** An integer axis; Keras rejects a bool `axis` explicitly, any non-integer is rejected here. @internal */
export function checkAxis(who: string, axis: unknown): number {
  if (typeof axis !== 'number' || !Number.isInteger(axis)) {
    throw new ValueError(`${who}: axis must be an integer, received axis=${show(axis)}`);
  }
  return axis;
}

/** A boolean option. @internal */
export function checkBoolean(who: string, name: string, value: unknown): boolean {
  if (typeof value !== 'boolean') {
    throw new ValueError(`${who}: ${name} must be a boolean, received ${name}=${show(value)}`);
  }
  return value;
}

/** A finite number option. @internal */
export function checkNumber(who: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ValueError(`${who}: ${name} must be a finite number, received ${name}=${show(value)}`);
  }
  return value;
}
