import { Tensor, ShapeError, sub } from '@strata/tensor';
import { Shape } from '../engine/shape';
import { Merge, formatShapeList, shapeListOf } from './merge';

/**
 * Subtracts the second of exactly two tensors from the first (`keras.layers.Subtract`):
 * `y = x0 - x1`, with broadcasting (batch axes must agree). The output mask is the OR of the
 * input masks when both have one.
 *
 * Inputs: a list of two `(batch, ...)` tensors. Output: `(batch, ...broadcast shape)`. No weights.
 *
 * @example
 * new Subtract().apply([tensor([[5, 5]]), tensor([[1, 2]])]); // [[4, 3]]
 */
export class Subtract extends Merge {
  static override readonly className: string = 'Subtract';

  override build(inputShape: Shape | Shape[]): void {
    super.build(inputShape);
    const shapes = shapeListOf(inputShape, this.who);
    if (shapes.length !== 2) {
      throw new ShapeError(
        `${this.who}: expected exactly 2 inputs, received ${shapes.length} inputs with input_shape=${formatShapeList(shapes)}`,
      );
    }
  }

  protected override mergeFunction(inputs: Tensor[]): Tensor {
    return sub(inputs[0], inputs[1]);
  }
}
