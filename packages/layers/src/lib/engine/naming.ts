import { snakeCase } from '@strata/tensor';

let uids = new Map<string, number>();

/**
 * Keras's unique default names: the first `Dense` is `dense`, then `dense_1`, `dense_2`, ...
 * @param prefix a class name (`'Dense'`) or an already snake_case prefix
 */
export function uniqueName(prefix: string): string {
  const base = snakeCase(prefix);
  const n = uids.get(base) ?? 0;
  uids.set(base, n + 1);
  return n === 0 ? base : `${base}_${n}`;
}

/** Resets default names (Keras's `keras.backend.clear_session()`); handy between tests. */
export function clearSession(): void {
  uids = new Map();
}
