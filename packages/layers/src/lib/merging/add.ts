import { Tensor, add } from '@strata/tensor';
import { Merge } from './merge';

/**
 * Sums a list of tensors elementwise (`keras.layers.Add`): `y = x0 + x1 + ... + xn`, with
 * broadcasting (batch axes must agree). The output mask is the OR of the input masks when every
 * input has one.
 *
 * Inputs: a list of `(batch, ...)` tensors. Output: `(batch, ...broadcast shape)`. No weights.
 *
 * @example
 * new Add().apply([tensor([[1, 2]]), tensor([[10, 20]])]); // [[11, 22]]
 */
export class Add extends Merge {
  static override readonly className: string = 'Add';

  protected override mergeFunction(inputs: Tensor[]): Tensor {
    return inputs.slice(1).reduce((acc, x) => add(acc, x), inputs[0]);
  }
}
