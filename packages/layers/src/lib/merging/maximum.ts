import { Tensor, maximum } from '@strata/tensor';
import { Merge } from './merge';

/**
 * The elementwise maximum of a list of tensors (`keras.layers.Maximum`), with broadcasting
 * (batch axes must agree). A masked entry of one input never wins: it takes the other side's
 * value first. The output mask is the OR of the input masks when every input has one.
 *
 * Inputs: a list of `(batch, ...)` tensors. Output: `(batch, ...broadcast shape)`. No weights.
 *
 * @example
 * new Maximum().apply([tensor([[1, 5]]), tensor([[3, 2]])]); // [[3, 5]]
 */
export class Maximum extends Merge {
  static override readonly className: string = 'Maximum';

  protected override mergeFunction(inputs: Tensor[], masks: (Tensor | null)[]): Tensor {
    return this.applyMergeOpAndOrMask(maximum, inputs, masks);
  }
}
