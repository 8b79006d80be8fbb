import { ShapeError, ValueError, show } from './errors';

/** Number of elements of a shape (1 for a scalar). */
export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Row-major strides of a contiguous array of this shape. */
export function stridesOf(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= shape[i];
  }
  return s;
}

/** Writes a shape as Keras prints it: `(2, 3)`, `(None, 16)`, `(5,)`. */
export function formatShape(shape: readonly (number | null)[]): string {
  const parts = shape.map((d) => (d === null ? 'None' : String(d)));
  return parts.length === 1 ? `(${parts[0]},)` : `(${parts.join(', ')})`;
}

/** Throws unless every entry is a non-negative integer. */
export function checkShape(shape: unknown, who: string, arg = 'shape'): number[] {
  if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0)) {
    throw new ValueError(`${who}: ${arg} must be an array of non-negative integers, received ${arg}=${show(shape)}`);
  }
  return shape as number[];
}

/** Resolves a possibly negative axis against `rank`, as NumPy does; throws when out of range. */
export function normalizeAxis(axis: number, rank: number, who: string): number {
  if (!Number.isInteger(axis) || axis < -rank || axis >= Math.max(rank, 1)) {
    throw new ValueError(`${who}: axis must be an integer in [${-rank}, ${rank - 1}], received axis=${show(axis)}`);
  }
  return axis < 0 ? axis + rank : axis;
}

/** Resolves an `axis` argument (one axis, several, or all when undefined/null) to sorted unique axes. */
export function normalizeAxes(axis: number | readonly number[] | null | undefined, rank: number, who: string): number[] {
  if (axis === undefined || axis === null) return Array.from({ length: rank }, (_, i) => i);
  const list = typeof axis === 'number' ? [axis] : [...axis];
  const out = list.map((a) => normalizeAxis(a, rank, who));
  if (new Set(out).size !== out.length) {
    throw new ValueError(`${who}: axis must not repeat an axis, received axis=${show(axis)}`);
  }
  return out.sort((a, b) => a - b);
}

/** NumPy broadcasting of two shapes; throws a `ShapeError` naming the op and both shapes. */
export function broadcastShapes(a: readonly number[], b: readonly number[], who: string): number[] {
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const da = a[a.length - n + i] ?? 1;
    const db = b[b.length - n + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new ShapeError(
        `${who}: shapes ${formatShape(a)} and ${formatShape(b)} cannot be broadcast together (axis ${i - n}: ${da} vs ${db})`,
      );
    }
    out[i] = da === 1 ? db : da;
  }
  return out;
}

/** Strides for reading an input of `shape` broadcast to `outShape` (0 on broadcast axes). */
export function broadcastStrides(shape: readonly number[], outShape: readonly number[]): number[] {
  const own = stridesOf(shape);
  const off = outShape.length - shape.length;
  return outShape.map((_, i) => (i < off || shape[i - off] === 1 ? 0 : own[i - off]));
}

/** True when two shapes are equal. */
export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
