import { Tensor, cast, div, expandDims, mean, sum, where, zerosLike } from '@strata/tensor';
import { CallContext } from '../engine/layer';
import { Mask } from '../engine/symbolic-call';
import { BaseGlobalPooling, GlobalPoolingArgs } from './base-global-pooling';

/** Options of `new GlobalAveragePooling1D(...)`. */
export type GlobalAveragePooling1DArgs = GlobalPoolingArgs;

/**
 * Global average pooling over steps (`keras.layers.GlobalAveragePooling1D`):
 * y[b, c] = mean_t x[b, t, c]; with a mask (batch, steps) only the unmasked steps count,
 * y[b, c] = Σ_t m[b, t]·x[b, t, c] / Σ_t m[b, t]. The output carries no mask.
 *
 * Input `(batch, steps, channels)` (channels_first: `(batch, channels, steps)`); output
 * `(batch, channels)`, or with `keepdims` `(batch, 1, channels)` / `(batch, channels, 1)`. No weights.
 *
 * @example
 * const x = tensor([[[1], [3], [100]]]);
 * new GlobalAveragePooling1D().apply(x, { mask: tensor([[true, true, false]]) }); // [[2]]
 */
export class GlobalAveragePooling1D extends BaseGlobalPooling {
  static override readonly className: string = 'GlobalAveragePooling1D';

  constructor(args: GlobalAveragePooling1DArgs = {}) {
    super(1, args);
    this.supportsMasking = true;
  }

  protected override reduce(x: Tensor, axes: number[], context: CallContext): Tensor {
    const mask = Array.isArray(context.mask) ? context.mask[0] : context.mask;
    if (!mask) return mean(x, axes, this.keepdims);
    const m = cast(expandDims(mask, this.dataFormat === 'channels_last' ? 2 : 1), 'bool');
    // `where` rather than a product, so masked NaN or Inf steps cannot leak into the mean.
    const kept = where(m, x, zerosLike(x));
    return div(sum(kept, axes, this.keepdims), sum(cast(m, x.dtype), axes, this.keepdims));
  }

  override computeMask(): Mask {
    return null;
  }
}
