/**
 * The base class of every error Strata throws. Catch it to catch them all.
 *
 * @example
 * try { reshape(x, [7]); } catch (e) { if (e instanceof StrataError) console.log(e.message); }
 */
export class StrataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A tensor's shape does not fit what an op or layer needs (Keras raises `ValueError` here). */
export class ShapeError extends StrataError {}

/** An argument has a value that is not allowed: it names the argument and the value received. */
export class ValueError extends StrataError {}

/** A dtype that an op does not support, for example `matmul` on `bool` tensors. */
export class DTypeError extends StrataError {}

/** Formats a value for an error message the way it was passed: arrays as `[2,3]`, strings quoted. */
export function show(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (Array.isArray(value)) return `[${value.map(show).join(', ')}]`;
  if (value === null) return 'null';
  if (typeof value === 'object') {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}
