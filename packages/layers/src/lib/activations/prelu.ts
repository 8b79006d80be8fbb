import { relu } from '@strata/activations';
import { serialize as serializeConstraint, get as getConstraint } from '@strata/constraints';
import { serialize as serializeInitializer, get as getInitializer } from '@strata/initializers';
import { serialize as serializeRegularizer, get as getRegularizer } from '@strata/regularizers';
import { ShapeError, Tensor, ValueError, Variable, add, mul, neg, show } from '@strata/tensor';
import { InputSpec } from '../engine/input-spec';
import { Layer } from '../engine/layer';
import { LayerArgs } from '../engine/layer-args';
import { Shape, formatKerasShape, singleShape } from '../engine/shape';

/** Options of `new PReLU(...)`: Keras's arguments in camelCase. */
export interface PReLUArgs extends LayerArgs {
  /** Initializer of the slopes. Default `'Zeros'`. */
  alphaInitializer?: unknown;
  alphaRegularizer?: unknown;
  alphaConstraint?: unknown;
  /**
   * Axes (1 = the first after the batch axis) along which one slope is shared, e.g. `[1, 2]` for
   * one slope per channel of `(batch, height, width, channels)` images. Default none.
   */
  sharedAxes?: number | number[] | null;
}

/**
 * Parametric ReLU (`keras.layers.PReLU`): `y = x` for `x >= 0`, `y = alpha * x` below, with a
 * learned slope `alpha` per input entry (or shared along `sharedAxes`). Computed as Keras does:
 * `relu(x) - alpha * relu(-x)`.
 *
 * Input `(batch, ...dims)`; output the same shape. Weight `alpha` of shape `dims` with the shared
 * axes set to 1. Masks pass through.
 *
 * @example
 * const prelu = new PReLU({ alphaInitializer: 'ones', sharedAxes: [1, 2] });
 * prelu.apply(zeros([2, 8, 8, 3])); // alpha has shape [1, 1, 3]
 */
export class PReLU extends Layer {
  static override readonly className: string = 'PReLU';
  readonly alphaInitializer;
  readonly alphaRegularizer;
  readonly alphaConstraint;
  readonly sharedAxes: number[] | null;
  alpha!: Variable;

  constructor(args: PReLUArgs = {}) {
    super(args);
    this.alphaInitializer = getInitializer((args.alphaInitializer ?? 'Zeros') as never)!;
    this.alphaRegularizer = getRegularizer(args.alphaRegularizer as never);
    this.alphaConstraint = getConstraint(args.alphaConstraint as never);
    const shared = args.sharedAxes ?? null;
    const list = shared === null ? null : Array.isArray(shared) ? [...shared] : [shared];
    if (list && !list.every((a) => Number.isInteger(a) && a >= 1)) {
      throw new ValueError(
        `PReLU: sharedAxes must be positive integers (axis 0 is the batch axis), received sharedAxes=${show(shared)}`,
      );
    }
    this.sharedAxes = list;
    this.supportsMasking = true;
  }

  override build(inputShape: Shape | Shape[]): void {
    const shape = singleShape(inputShape, this.name);
    const bad = this.sharedAxes?.find((a) => a >= shape.length);
    if (bad !== undefined) {
      throw new ShapeError(
        `PReLU '${this.name}': sharedAxes must name axes of the input, received sharedAxes=${show(this.sharedAxes)} ` +
          `for input shape ${formatKerasShape(shape)}`,
      );
    }
    const paramShape = shape.slice(1).map((d, i) => (this.sharedAxes?.includes(i + 1) ? 1 : d));
    if (paramShape.some((d) => d === null)) {
      throw new ShapeError(
        `PReLU '${this.name}': every non-shared axis after the batch axis must be known, received input shape ${formatKerasShape(shape)}`,
      );
    }
    this.alpha = this.addWeight({
      name: 'alpha', shape: paramShape as number[], initializer: this.alphaInitializer,
      regularizer: this.alphaRegularizer, constraint: this.alphaConstraint,
    });
    const axes: Record<number, number | null> = {};
    if (this.sharedAxes && this.sharedAxes.length > 0) {
      for (let i = 1; i < shape.length; i++) if (!this.sharedAxes.includes(i)) axes[i] = shape[i];
    }
    this.inputSpec = new InputSpec({ ndim: shape.length, axes });
  }

  override call(x: Tensor): Tensor {
    return add(relu(x), mul(neg(this.alpha.value), relu(neg(x))));
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    return [...singleShape(inputShape, this.name)];
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      alpha_initializer: serializeInitializer(this.alphaInitializer),
      alpha_regularizer: this.alphaRegularizer ? serializeRegularizer(this.alphaRegularizer) : null,
      alpha_constraint: this.alphaConstraint ? serializeConstraint(this.alphaConstraint) : null,
      shared_axes: this.sharedAxes ? [...this.sharedAxes] : null,
    };
  }
}
