import { leakyRelu } from '@strata/activations';
import { Tensor, ValueError, show } from '@strata/tensor';
import { Layer } from '../engine/layer';
import { LayerArgs } from '../engine/layer-args';
import { Shape, singleShape } from '../engine/shape';

/** Options of `new LeakyReLU(...)`. */
export interface LeakyReLUArgs extends LayerArgs {
  /** Slope for negative inputs. Non-negative; default 0.3 (Keras 3's default). */
  negativeSlope?: number;
  /** @deprecated Keras 2's name of `negativeSlope`, still read as Keras 3 does. */
  alpha?: number;
}

/**
 * Leaky rectified linear unit layer (`keras.layers.LeakyReLU`):
 * `y = x` for `x >= 0`, `y = negativeSlope * x` below.
 *
 * Input: any shape. Output: the same shape. No weights; masks pass through.
 *
 * @example
 * new LeakyReLU().apply(tensor([-10, 0, 5])); // [-3, 0, 5]
 */
export class LeakyReLU extends Layer {
  static override readonly className: string = 'LeakyReLU';
  readonly negativeSlope: number;

  constructor(args: LeakyReLUArgs = {}) {
    const { alpha, ...rest } = args ?? {};
    super(rest);
    const slope = alpha !== undefined ? alpha : args.negativeSlope === undefined ? 0.3 : args.negativeSlope;
    if (typeof slope !== 'number' || !(slope >= 0)) {
      throw new ValueError(`LeakyReLU: negativeSlope must be a non-negative number, received negativeSlope=${show(slope)}`);
    }
    this.negativeSlope = slope;
    this.supportsMasking = true;
    this.built = true;
  }

  override call(x: Tensor): Tensor {
    return leakyRelu(x, { negativeSlope: this.negativeSlope });
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    return [...singleShape(inputShape, this.name)];
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), negative_slope: this.negativeSlope };
  }
}
