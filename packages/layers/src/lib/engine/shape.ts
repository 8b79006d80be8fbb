import { ShapeError } from '@strata/tensor';

/** A Keras shape: `null` marks an unknown size (the batch axis, usually). */
export type Shape = (number | null)[];

/** Keras's `(None, 16)` notation for messages. */
export function formatKerasShape(shape: readonly (number | null)[]): string {
  const parts = shape.map((d) => (d === null ? 'None' : String(d)));
  return parts.length === 1 ? `(${parts[0]},)` : `(${parts.join(', ')})`;
}

/** Whether `shapes` is a list of shapes rather than one shape. */
export function isShapeList(shapes: Shape | Shape[]): shapes is Shape[] {
  return shapes.length > 0 && Array.isArray(shapes[0]);
}

/** One shape from a `Shape | Shape[]` argument; `who` names the layer in the error. */
export function singleShape(shapes: Shape | Shape[], who: string): Shape {
  if (isShapeList(shapes)) {
    if (shapes.length !== 1) throw new ShapeError(`${who}: expected one input shape, received ${shapes.length}`);
    return shapes[0];
  }
  return shapes;
}
