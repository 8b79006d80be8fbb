import { softmax } from '@strata/activations';
import { ShapeError, Tensor, ValueError, greater, show, where } from '@strata/tensor';
import { CallContext, Layer } from '../engine/layer';
import { LayerArgs } from '../engine/layer-args';
import { Shape, formatKerasShape, singleShape } from '../engine/shape';

/** Options of `new Softmax(...)`. */
export interface SoftmaxArgs extends LayerArgs {
  /** The axis (or axes) that sums to 1. Default -1. */
  axis?: number | number[];
}

// What Keras writes into masked logits for float32 (-3e4 is for float16 only).
const LARGE_NEGATIVE = -1e9;

/**
 * The softmax layer (`keras.layers.Softmax`): `y = exp(x) / sum(exp(x), axis)`. With a mask
 * (bool, or numbers where `> 0.5` means kept), masked logits become -1e9 before the softmax
 * and masked outputs 0 after it, so a fully masked row is all zeros, exactly as Keras.
 *
 * Input: any shape. Output: the same shape. The mask broadcasts against the input
 * (right-aligned, never of higher rank) and passes through. No weights.
 *
 * @example
 * new Softmax().apply(tensor([[1, 2, 3]]), { mask: tensor([[true, false, true]], undefined, 'bool') });
 * // [[0.1192, 0, 0.8808]]
 */
export class Softmax extends Layer {
  static override readonly className: string = 'Softmax';
  readonly axis: number | number[];

  constructor(args: SoftmaxArgs = {}) {
    super(args);
    const axis = args.axis ?? -1;
    const ok = Number.isInteger(axis) || (Array.isArray(axis) && axis.length > 0 && axis.every((a) => Number.isInteger(a)));
    if (!ok) {
      throw new ValueError(`Softmax: axis must be an integer or a non-empty array of integers, received axis=${show(axis)}`);
    }
    this.axis = Array.isArray(axis) ? [...axis] : axis;
    this.supportsMasking = true;
    this.built = true;
  }

  override call(x: Tensor, context: CallContext): Tensor {
    const mask = context?.mask ?? null;
    if (mask === null) return softmax(x, { axis: this.axis });
    if (Array.isArray(mask)) {
      throw new ValueError(`Softmax '${this.name}': mask must be a single tensor, received a list of ${mask.length} masks`);
    }
    const broadcastable =
      mask.rank <= x.rank && mask.shape.every((d, i) => d === 1 || d === x.shape[x.rank - mask.rank + i]);
    if (!broadcastable) {
      throw new ShapeError(
        `Softmax '${this.name}': the mask must broadcast to the inputs (each mask axis 1 or the input's size, no extra axes), ` +
          `received inputs.shape=${formatKerasShape(x.shape)}, mask.shape=${formatKerasShape(mask.shape)}`,
      );
    }
    const keep = mask.dtype === 'bool' ? mask : greater(mask, 0.5);
    const y = softmax(where(keep, x, LARGE_NEGATIVE), { axis: this.axis });
    return where(keep, y, 0);
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    return [...singleShape(inputShape, this.name)];
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), axis: Array.isArray(this.axis) ? [...this.axis] : this.axis };
  }
}
