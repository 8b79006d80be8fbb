import { DType, Tensor } from '@strata/tensor';
import { Layer } from '../engine/layer';
import { LayerArgs } from '../engine/layer-args';
import { Shape, isShapeList } from '../engine/shape';

/**
 * Returns its inputs unchanged (`keras.layers.Identity`): a placeholder where no operation is
 * performed. `y = x`; one tensor or a list of them; masks pass through.
 *
 * Input: any shape(s). Output: the same.
 *
 * @example
 * new Identity().apply(tensor([1, 2])); // [1, 2]
 */
export class Identity extends Layer {
  static override readonly className: string = 'Identity';

  constructor(args: LayerArgs = {}) {
    super(args);
    this.supportsMasking = true;
    this.built = true;
  }

  override call(inputs: Tensor | Tensor[]): Tensor | Tensor[] {
    return inputs;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape | Shape[] {
    return isShapeList(inputShape) ? inputShape.map((s) => [...s]) : [...inputShape];
  }

  /** Nothing is computed: the input dtype passes through. */
  override computeOutputDType(inputDTypes: DType[]): DType {
    return inputDTypes[0] ?? this.dtype;
  }
}
