import { Tensor, add, div } from '@strata/tensor';
import { Merge } from './merge';

/**
 * Averages a list of tensors elementwise (`keras.layers.Average`): `y = (x0 + ... + x(n-1)) / n`,
 * with broadcasting (batch axes must agree). The output mask is the OR of the input masks when
 * every input has one.
 *
 * Inputs: a list of `(batch, ...)` tensors. Output: `(batch, ...broadcast shape)`. No weights.
 *
 * @example
 * new Average().apply([tensor([[1, 2]]), tensor([[3, 6]])]); // [[2, 4]]
 */
export class Average extends Merge {
  static override readonly className: string = 'Average';

  protected override mergeFunction(inputs: Tensor[]): Tensor {
    return div(inputs.slice(1).reduce((acc, x) => add(acc, x), inputs[0]), inputs.length);
  }
}
