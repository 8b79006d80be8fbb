import { Tensor, cast, minimum, mul, rsqrt, show, square, sum, ValueError } from '@strata/tensor';
import { CallContext, Layer } from '../engine/layer';
import { LayerArgs } from '../engine/layer-args';
import { Shape, formatKerasShape, singleShape } from '../engine/shape';
import { axesInRange, axisListArg } from './normalization-args';

/** Options of `new UnitNormalization(...)`: Keras's arguments in camelCase. */
export interface UnitNormalizationArgs extends LayerArgs {
  /** The axis or axes whose L2 norm becomes 1. Default -1. */
  axis?: number | number[];
}

// keras.ops.normalize's epsilon for this layer: the inverse norm is capped at 1 / 1e-12.
const MAX_INV_NORM = 1 / 1e-12;

/**
 * Scales each sample to unit L2 norm over `axis` (`keras.layers.UnitNormalization`):
 * `y = x * min(1 / sqrt(sum(x^2, axis)), 1e12)`, so an all-zero slice stays zero.
 *
 * Input: any shape; output: the same. No weights; masks pass through.
 *
 * @example
 * new UnitNormalization().apply(tensor([[3, 4]])); // [[0.6, 0.8]]
 */
export class UnitNormalization extends Layer {
  static override readonly className: string = 'UnitNormalization';
  readonly axis: number | number[];

  constructor(args: UnitNormalizationArgs = {}) {
    super(args);
    this.axis = axisListArg(args.axis, this.className);
    this.supportsMasking = true;
    this.built = true;
  }

  override call(input: Tensor, _context?: CallContext): Tensor {
    const x = cast(input, 'float32');
    const axes = this.resolve(x.shape);
    const inv = minimum(rsqrt(sum(square(x), axes, true)), MAX_INV_NORM);
    return mul(x, inv);
  }

  private resolve(shape: Shape): number[] {
    const who = `${this.className} '${this.name}'`;
    const axes = axesInRange(Array.isArray(this.axis) ? this.axis : [this.axis], shape, who, this.axis);
    if (new Set(axes).size !== axes.length) {
      throw new ValueError(`${who}: axis must not repeat an axis, received axis=${show(this.axis)} for input shape ${formatKerasShape(shape)}`);
    }
    return axes;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shape = singleShape(inputShape, this.name);
    this.resolve(shape);
    return [...shape];
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), axis: Array.isArray(this.axis) ? [...this.axis] : this.axis };
  }
}
