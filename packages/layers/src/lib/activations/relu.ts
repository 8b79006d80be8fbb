import { relu } from '@strata/activations';
import { Tensor, ValueError, show } from '@strata/tensor';
import { Layer } from '../engine/layer';
import { LayerArgs } from '../engine/layer-args';
import { Shape, singleShape } from '../engine/shape';

/** Options of `new ReLU(...)`: Keras's arguments in camelCase. */
export interface ReLUArgs extends LayerArgs {
  /** Largest output value; `null` (default) for none. Non-negative. */
  maxValue?: number | null;
  /** Slope below the threshold. Non-negative (`null` is rejected, as Keras); default 0. */
  negativeSlope?: number;
  /** Inputs at or below it are damped. Non-negative; default 0. */
  threshold?: number;
}

function nonNegative(value: unknown, arg: string): number {
  if (typeof value !== 'number' || !(value >= 0)) {
    throw new ValueError(`ReLU: ${arg} must be a non-negative number, received ${arg}=${show(value)}`);
  }
  return value;
}

/**
 * The rectified linear unit layer (`keras.layers.ReLU`):
 * `y = min(x, maxValue)` for `x >= threshold`, `y = negativeSlope * (x - threshold)` below.
 *
 * Input: any shape. Output: the same shape. No weights; masks pass through.
 *
 * @example
 * new ReLU({ maxValue: 5, negativeSlope: 0.5 }).apply(tensor([-2, 3, 8])); // [-1, 3, 5]
 */
export class ReLU extends Layer {
  static override readonly className: string = 'ReLU';
  readonly maxValue: number | null;
  readonly negativeSlope: number;
  readonly threshold: number;

  constructor(args: ReLUArgs = {}) {
    super(args);
    this.maxValue = args.maxValue === undefined || args.maxValue === null ? null : nonNegative(args.maxValue, 'maxValue');
    this.negativeSlope = nonNegative(args.negativeSlope === undefined ? 0 : args.negativeSlope, 'negativeSlope');
    this.threshold = nonNegative(args.threshold === undefined ? 0 : args.threshold, 'threshold');
    this.supportsMasking = true;
    this.built = true;
  }

  override call(x: Tensor): Tensor {
    return relu(x, { negativeSlope: this.negativeSlope, maxValue: this.maxValue, threshold: this.threshold });
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    return [...singleShape(inputShape, this.name)];
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), max_value: this.maxValue, negative_slope: this.negativeSlope, threshold: this.threshold };
  }
}
