import { Tensor, ValueError, any, notEqual, show, where } from '@strata/tensor';
import { InputSpec } from '../engine/input-spec';
import { Layer } from '../engine/layer';
import { LayerArgs } from '../engine/layer-args';
import { Shape, singleShape } from '../engine/shape';
import { Mask } from '../engine/symbolic-call';

/** Options of `new Masking(...)`. */
export interface MaskingArgs extends LayerArgs {
  /** Timesteps whose features all equal this value are masked. Default 0. */
  maskValue?: number;
}

/**
 * Masks the timesteps whose features all equal `maskValue` (`keras.layers.Masking`), so that
 * downstream layers that support masking (RNNs, pooling, attention) skip them.
 *
 * `keep = any(x != maskValue, axis=-1)`; `output = where(keep[..., None], x, 0)`; the output mask is `keep`.
 *
 * Input `(batch, timesteps, features)` (any rank ≥ 1); output the same shape, with mask `(batch, timesteps)`.
 *
 * @example
 * const y = new Masking({ maskValue: 0 }).apply(tensor([[[1, 2], [0, 0], [0, 3]]]));
 * getMask(y)!.toArray(); // [[true, false, true]]
 */
export class Masking extends Layer {
  static override readonly className: string = 'Masking';
  readonly maskValue: number;

  constructor(args: MaskingArgs = {}) {
    super(args);
    const maskValue = args.maskValue ?? 0;
    if (typeof maskValue !== 'number') {
      throw new ValueError(`Masking: maskValue must be a number, received maskValue=${show(maskValue)}`);
    }
    this.maskValue = maskValue;
    this.supportsMasking = true;
    this.inputSpec = new InputSpec({ minNdim: 1 });
    // No weights: built at construction, as Keras's `_build_at_init`.
    this.built = true;
  }

  private keep(x: Tensor, keepdims: boolean): Tensor {
    return any(notEqual(x, this.maskValue), -1, keepdims);
  }

  override call(x: Tensor): Tensor {
    // `where`, not a product, as Keras: a kept Infinity stays Infinity and NaN never masks.
    return where(this.keep(x, true), x, 0);
  }

  override computeMask(x: Tensor | Tensor[]): Mask {
    return this.keep(x as Tensor, false);
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    return [...singleShape(inputShape, this.name)];
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), mask_value: this.maskValue };
  }
}
