import { ValueError, show } from '@strata/tensor';

/**
 * Keras's check of `rate` / `stddev` in the noise layers: a number in [0, 1], else a `ValueError`.
 * @example unitInterval(0.2, 'rate', 'GaussianDropout'); // 0.2
 */
export function unitInterval(value: unknown, arg: string, who: string): number {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
    throw new ValueError(`${who}: ${arg} must be a number between 0 and 1, received ${arg}=${show(value)}`);
  }
  return value;
}

/**
 * An integer seed or null (the layer then draws from the global stream, fixed by `setSeed`).
 * @example seedArg(undefined, 'GaussianNoise'); // null
 */
export function seedArg(seed: unknown, who: string): number | null {
  if (seed === undefined || seed === null) return null;
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed)) {
    throw new ValueError(`${who}: seed must be an integer or null, received seed=${show(seed)}`);
  }
  return seed;
}
