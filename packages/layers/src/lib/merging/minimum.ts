import { Tensor, minimum } from '@strata/tensor';
import { Merge } from './merge';

/**
 * The elementwise minimum of a list of tensors (`keras.layers.Minimum`), with broadcasting
 * (batch axes must agree). A masked entry of one input never wins: it takes the other side's
 * value first. The output mask is the OR of the input masks when every input has one.
 *
 * Inputs: a list of `(batch, ...)` tensors. Output: `(batch, ...broadcast shape)`. No weights.
 *
 * @example
 * new Minimum().apply([tensor([[1, 5]]), tensor([[3, 2]])]); // [[1, 2]]
 */
export class Minimum extends Merge {
  static override readonly className: string = 'Minimum';

  protected override mergeFunction(inputs: Tensor[], masks: (Tensor | null)[]): Tensor {
    return this.applyMergeOpAndOrMask(minimum, inputs, masks);
  }
}
