import { get as getActivation, serialize as serializeActivation } from '@strata/activations';
import { Tensor, ValueError } from '@strata/tensor';
import { Layer } from '../engine/layer';
import { LayerArgs } from '../engine/layer-args';
import { Shape, singleShape } from '../engine/shape';

/** Options of `new Activation(...)`. */
export interface ActivationArgs extends LayerArgs {
  /** A name (`'relu'`, `'softmax'`, ...), an activation function, or `null` for linear. */
  activation: unknown;
}

/**
 * Applies an activation function elementwise (`keras.layers.Activation`): `y = activation(x)`.
 *
 * Input: any shape. Output: the same shape. No weights; masks pass through.
 *
 * @example
 * new Activation({ activation: 'relu' }).apply(tensor([-3, -1, 0, 2])); // [0, 0, 0, 2]
 */
export class Activation extends Layer {
  static override readonly className: string = 'Activation';
  readonly activation: (x: Tensor) => Tensor;

  constructor(args: ActivationArgs) {
    super(args);
    if (args?.activation === undefined) {
      throw new ValueError(`${this.className}: activation is required (a name, a function or null), received activation=undefined`);
    }
    this.activation = getActivation(args.activation as never);
    this.supportsMasking = true;
    this.built = true;
  }

  override call(x: Tensor): Tensor {
    return this.activation(x);
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    return [...singleShape(inputShape, this.name)];
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), activation: serializeActivation(this.activation) };
  }
}
