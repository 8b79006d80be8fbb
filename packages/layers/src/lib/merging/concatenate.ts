import { ShapeError, Tensor, ValueError, any, broadcastTo, concat, expandDims, logicalOr, onesLike, show, zerosLike } from '@strata/tensor';
import { LayerArgs } from '../engine/layer-args';
import { Shape } from '../engine/shape';
import { Mask } from '../engine/symbolic-call';
import { Merge, formatShapeList, maskListOf, shapeListOf } from './merge';

/** Options of `new Concatenate(...)`. */
export interface ConcatenateArgs extends LayerArgs {
  /** The axis to join along (negative counts from the end). Default -1. */
  axis?: number;
}

/**
 * Joins a list of tensors along `axis` (`keras.layers.Concatenate`); every other axis must have
 * the same size in all inputs. With masks, the masks are joined the same way (an input without
 * a mask counts as unmasked) and reduced with `any` over the last axis.
 *
 * Inputs: `(batch, ..., d_i, ...)` for each input. Output: `(batch, ..., sum(d_i), ...)`. No weights.
 *
 * @example
 * new Concatenate({ axis: 1 }).apply([zeros([2, 2, 5]), zeros([2, 1, 5])]).shape; // [2, 3, 5]
 */
export class Concatenate extends Merge {
  static override readonly className: string = 'Concatenate';
  readonly axis: number;

  constructor(args: ConcatenateArgs = {}) {
    super(args);
    const axis = args.axis ?? -1;
    if (!Number.isInteger(axis)) {
      throw new ValueError(`Concatenate: axis must be an integer, received axis=${show(axis)}`);
    }
    this.axis = axis;
  }

  /** Keras's checks: one rank, and equal sizes (where known) on every axis but `axis`. */
  override build(inputShape: Shape | Shape[]): void {
    const shapes = shapeListOf(inputShape, this.who);
    const mismatch = () =>
      new ShapeError(
        `${this.who}: inputs must have matching shapes except on the concatenation axis (axis=${this.axis}), ` +
          `received input_shape=${formatShapeList(shapes)}`,
      );
    const rank = shapes[0].length;
    if (shapes.some((s) => s.length !== rank)) throw mismatch();
    if (this.axis < -rank || this.axis >= rank) {
      throw new ShapeError(
        `${this.who}: axis must be in [-${rank}, ${rank}) for inputs of rank ${rank}, received axis=${this.axis}`,
      );
    }
    const ax = this.axis < 0 ? this.axis + rank : this.axis;
    for (let k = 0; k < rank; k++) {
      if (k === ax) continue;
      const known = new Set(shapes.map((s) => s[k]).filter((d) => d !== null));
      if (known.size > 1) throw mismatch();
    }
  }

  override call(inputs: Tensor | Tensor[]): Tensor {
    if (!Array.isArray(inputs)) shapeListOf(inputs.shape, this.who);
    const xs = inputs as Tensor[];
    this.build(xs.map((x) => x.shape));
    return concat(xs, this.axis);
  }

  protected override mergeFunction(inputs: Tensor[]): Tensor {
    return concat(inputs, this.axis);
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shapes = shapeListOf(inputShape, this.who);
    const out = [...shapes[0]];
    const ax = this.axis < 0 ? this.axis + out.length : this.axis;
    for (const s of shapes.slice(1)) {
      const d = s[ax];
      if (out[ax] === null || d === null) {
        out[ax] = null;
        break;
      }
      out[ax] = (out[ax] as number) + d;
    }
    return out;
  }

  /** Keras's `Concatenate.compute_mask`: masks joined along `axis`, then `any` over the last axis. */
  override computeMask(inputs: Tensor | Tensor[], mask: Mask): Mask {
    if (mask === null || mask === undefined) return null;
    const xs = Array.isArray(inputs) ? inputs : [inputs];
    const masks = maskListOf(mask, xs.length, this.who);
    if (masks.every((m) => m === null)) return null;
    const full = xs.map((x, i) => {
      const m = masks[i];
      if (!m) return onesLike(x, 'bool');
      if (m.rank < x.rank) return logicalOr(expandDims(m, -1), zerosLike(x, 'bool'));
      return broadcastTo(m, x.shape);
    });
    return any(concat(full, this.axis), -1);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), axis: this.axis };
  }
}
