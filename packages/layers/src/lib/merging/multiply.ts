import { Tensor, logicalOr, mul, where } from '@strata/tensor';
import { Merge, expandMask } from './merge';

/**
 * Multiplies a list of tensors elementwise (`keras.layers.Multiply`): `y = x0 * x1 * ... * xn`,
 * with broadcasting (batch axes must agree). Masked entries count as 1; when every input has a
 * mask, entries masked in all inputs become 0 and the output mask is the OR of the input masks.
 *
 * Inputs: a list of `(batch, ...)` tensors. Output: `(batch, ...broadcast shape)`. No weights.
 *
 * @example
 * new Multiply().apply([tensor([[1, 2]]), tensor([[3, 4]])]); // [[3, 8]]
 */
export class Multiply extends Merge {
  static override readonly className: string = 'Multiply';

  protected override mergeFunction(inputs: Tensor[], masks: (Tensor | null)[]): Tensor {
    const allMasked = masks.every((m) => m !== null);
    let output: Tensor | null = null;
    let outputMask: Tensor | null = null;
    inputs.forEach((x0, i) => {
      let x = x0;
      const mask = expandMask(masks[i], x);
      if (mask) {
        x = where(mask, x, 1);
        if (allMasked) outputMask = outputMask ? logicalOr(outputMask, mask) : mask;
      }
      output = output ? mul(output, x) : x;
    });
    const product = output ?? inputs[0];
    // Entries masked in every input carry no value: Keras zeroes them.
    return allMasked && outputMask ? where(outputMask, product, 0) : product;
  }
}
