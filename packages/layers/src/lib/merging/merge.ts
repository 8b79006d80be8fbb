import { ShapeError, Tensor, ValueError, broadcastTo, expandDims, logicalOr, show, where } from '@strata/tensor';
import { CallContext, Layer } from '../engine/layer';
import { LayerArgs } from '../engine/layer-args';
import { Mask } from '../engine/symbolic-call';
import { Shape, formatKerasShape, isShapeList } from '../engine/shape';

/**
 * Keras's `[(None, 3), (None, 4)]` notation for a list of shapes.
 * @example formatShapeList([[null, 3], [2]]); // '[(None, 3), (2,)]'
 */
export function formatShapeList(shapes: readonly Shape[]): string {
  return `[${shapes.map(formatKerasShape).join(', ')}]`;
}

/**
 * The shapes of a merge layer's inputs; throws a `ShapeError` unless `inputShape` is a list of
 * at least one shape (a lone shape means the layer was called on one tensor, not a list).
 * @example shapeListOf([[null, 3], [null, 3]], "Add 'add'"); // the two shapes
 */
export function shapeListOf(inputShape: Shape | Shape[], who: string): Shape[] {
  if (inputShape.length === 0) {
    throw new ShapeError(`${who}: a merge layer must be called on a list of at least 1 input, received 0 inputs`);
  }
  if (!isShapeList(inputShape)) {
    throw new ShapeError(
      `${who}: a merge layer must be called on a list of inputs, received input_shape=${formatKerasShape(inputShape)} (not a list of shapes)`,
    );
  }
  return inputShape;
}

/**
 * The masks of a merge call, one per input (`null` where an input has none); throws a
 * `ValueError` for a single mask or a list of the wrong length.
 * @example maskListOf(null, 2, "Add 'add'"); // [null, null]
 */
export function maskListOf(mask: Mask, count: number, who: string): (Tensor | null)[] {
  if (mask === null || mask === undefined) return new Array<Tensor | null>(count).fill(null);
  if (!Array.isArray(mask)) {
    throw new ValueError(`${who}: mask must be a list with one entry per input, received mask=${show(mask)}`);
  }
  if (mask.length !== count) {
    throw new ValueError(`${who}: mask must have one entry per input (${count}), received ${mask.length} masks`);
  }
  return mask;
}

/**
 * Keras's `Merge`: the base of the layers that combine a list of tensors elementwise (`Add`,
 * `Subtract`, `Multiply`, `Average`, `Maximum`, `Minimum`). The batch axes must agree; the other
 * axes broadcast as NumPy after aligning the shapes right (a lower-rank input gains size-1 axes
 * just after its batch axis). The output mask is the OR of the input masks when every input has
 * one. Subclasses write `mergeFunction`.
 *
 * Inputs: a list of tensors `(batch, ...)`. Output: `(batch, ...broadcast shape)`. No weights.
 *
 * @example
 * class Hypot extends Merge {
 *   static override readonly className = 'Hypot';
 *   protected override mergeFunction(xs: Tensor[]) { return sqrt(add(square(xs[0]), square(xs[1]))); }
 * }
 */
export abstract class Merge extends Layer {
  static override readonly className: string = 'Merge';

  constructor(args: LayerArgs = {}) {
    super(args);
    this.supportsMasking = true;
  }

  /** `Layer 'name'`, how errors from build and call name this layer. */
  protected get who(): string {
    return `${this.className} '${this.name}'`;
  }

  /**
   * Combines the inputs (already brought to one rank). `masks[i]` is input i's mask (its shape
   * minus the last axis), or `null` when it has none or had to gain axes (as in Keras).
   */
  protected abstract mergeFunction(inputs: Tensor[], masks: (Tensor | null)[]): Tensor;

  override build(inputShape: Shape | Shape[]): void {
    this.computeOutputShape(inputShape);
  }

  override call(inputs: Tensor | Tensor[], context: CallContext): Tensor {
    if (!Array.isArray(inputs)) shapeListOf(inputs.shape, this.who);
    const xs = inputs as Tensor[];
    // Checked on every call: a layer builds once but may later meet other shapes.
    this.build(xs.map((x) => x.shape));
    const masks = maskListOf(context.mask, xs.length, this.who);
    const ranks = xs.map((x) => x.rank);
    const maxRank = Math.max(...ranks);
    if (ranks.every((r) => r === maxRank)) return this.mergeFunction(xs, masks);
    // Keras inserts size-1 axes after the batch axis; a reshaped tensor is a new tensor without its mask.
    const aligned = xs.map((x) => (x.rank === maxRank ? x : expandDims(x, Array.from({ length: maxRank - x.rank }, (_, i) => i + 1))));
    return this.mergeFunction(aligned, masks.map((m, i) => (xs[i].rank === maxRank ? m : null)));
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shapes = shapeListOf(inputShape, this.who);
    const batches = new Set(shapes.map((s) => s[0]).filter((d) => d !== null && d !== undefined));
    if (batches.size > 1) {
      throw new ShapeError(`${this.who}: inputs must have the same batch size, received input_shape=${formatShapeList(shapes)}`);
    }
    let out: Shape = shapes[0].slice(1);
    for (const s of shapes.slice(1)) out = this.broadcastShapes(out, s.slice(1), shapes);
    return [batches.size === 1 ? [...batches][0] : null, ...out];
  }

  /** Keras's `_compute_elemwise_op_output_shape` (batch axes removed): right-aligned broadcasting, unknown sizes stay unknown. */
  private broadcastShapes(a: Shape, b: Shape, all: Shape[]): Shape {
    const [long, short] = a.length >= b.length ? [a, b] : [b, a];
    const offset = long.length - short.length;
    const out = long.slice(0, offset);
    short.forEach((j, k) => {
      const i = long[offset + k];
      if (i === null || j === null) out.push(null);
      else if (i === 1) out.push(j);
      else if (j === 1 || i === j) out.push(i);
      else {
        throw new ShapeError(
          `${this.who}: inputs must have shapes that broadcast together (batch axis aside), received ` +
            `input_shape=${formatShapeList(all)}; ${formatKerasShape(a)} and ${formatKerasShape(b)} do not broadcast`,
        );
      }
    });
    return out;
  }

  /**
   * Keras's `_apply_merge_op_and_or_mask`, for ops without an identity element (max, min):
   * a masked entry of one input is replaced by the other side's value before `op` is applied,
   * so masked entries never win. Masks have the input shape minus its last axis.
   */
  protected applyMergeOpAndOrMask(op: (a: Tensor, b: Tensor) => Tensor, inputs: Tensor[], masks: (Tensor | null)[]): Tensor {
    let output = inputs[0];
    let outputMask = expandMask(masks[0], output);
    inputs.slice(1).forEach((x0, k) => {
      let x = x0;
      const mask = expandMask(masks[k + 1], x);
      if (mask) x = where(mask, x, output);
      if (outputMask) output = where(outputMask, output, x);
      outputMask = mask && outputMask ? logicalOr(outputMask, mask) : null;
      output = op(output, x);
    });
    return output;
  }

  /** The OR of the input masks when every input has one (Keras's `Merge.compute_mask`). */
  override computeMask(inputs: Tensor | Tensor[], mask: Mask): Mask {
    if (mask === null || mask === undefined) return null;
    const count = Array.isArray(inputs) ? inputs.length : 1;
    const masks = maskListOf(mask, count, this.who);
    if (masks.some((m) => m === null)) return null;
    return (masks as Tensor[]).reduce((acc, m) => logicalOr(acc, m));
  }
}

/**
 * A `(batch, ...)` mask expanded over the last axis of `x` (Keras's `broadcast_to(expand_dims(mask, -1), x.shape)`).
 * @example expandMask(tensor([[true, false]], undefined, 'bool'), zeros([1, 2, 3])).shape; // [1, 2, 3]
 */
export function expandMask(mask: Tensor | null, x: Tensor): Tensor | null {
  return mask ? broadcastTo(expandDims(mask, -1), x.shape) : null;
}
