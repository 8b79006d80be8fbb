import { ShapeError, Tensor, ValueError, Variable, cast, show } from '@strata/tensor';
import { InputSpec } from '../engine/input-spec';
import { CallContext, Layer } from '../engine/layer';
import { LayerArgs } from '../engine/layer-args';
import { Shape, formatKerasShape, singleShape } from '../engine/shape';
import {
  Affine, AffineArgs, affineArgs, axesInRange, constraintConfig, epsilonArg, initConfig, regConfig,
} from './normalization-args';
import { GroupLayout, groupMoments, normalizeGroups } from './normalize-kernel';

/** Options of `new GroupNormalization(...)`: Keras's arguments in camelCase. */
export interface GroupNormalizationArgs extends LayerArgs, AffineArgs {
  /** Number of channel groups, dividing the channel count; -1 makes one group per channel (instance normalization). Default 32. */
  groups?: number;
  /** The channels axis. Default -1. */
  axis?: number;
  /** Added to the variance. Default 1e-3. */
  epsilon?: number;
}

/**
 * Group normalization (Wu and He, 2018; `keras.layers.GroupNormalization`): the channels of
 * `axis` are split into `groups` equal groups, and each sample is normalized per group over the
 * group's channels and every non-batch axis:
 * `y = (x - mean_group) / sqrt(var_group + epsilon) * gamma + beta`, `gamma`/`beta` per channel.
 * `groups: 1` is layer normalization over all non-batch axes; `groups: -1` is instance normalization.
 *
 * Input: rank >= 2, the batch axis first; output: the same shape. Weights `gamma`, `beta` of
 * shape `(channels)`. Masks pass through.
 *
 * @example
 * const gn = new GroupNormalization({ groups: 2 });
 * gn.apply(tensor([[1, 3, 10, 20]])); // [[-0.9995, 0.9995, -1, 1]]
 */
export class GroupNormalization extends Layer {
  static override readonly className: string = 'GroupNormalization';
  /** As Keras: `-1` is replaced by the channel count when the layer is built. */
  groups: number;
  readonly axis: number;
  readonly epsilon: number;
  readonly affine: Affine;
  gamma: Variable | null = null;
  beta: Variable | null = null;

  constructor(args: GroupNormalizationArgs = {}) {
    super(args);
    const who = this.className;
    const groups = args.groups ?? 32;
    if (typeof groups !== 'number' || !Number.isInteger(groups) || (groups <= 0 && groups !== -1)) {
      throw new ValueError(
        `${who}: groups must be a positive integer (or -1 for instance normalization), received groups=${show(groups)}`,
      );
    }
    const axis = args.axis ?? -1;
    if (typeof axis !== 'number' || !Number.isInteger(axis)) {
      throw new ValueError(`${who}: axis must be an integer, received axis=${show(axis)}`);
    }
    this.groups = groups;
    this.axis = axis;
    this.epsilon = epsilonArg(args.epsilon, who);
    this.affine = affineArgs(args, who);
    this.supportsMasking = true;
  }

  private get who(): string {
    return `${this.className} '${this.name}'`;
  }

  override build(inputShape: Shape): void {
    const [axis] = axesInRange([this.axis], inputShape, this.who, this.axis);
    if (axis === 0) {
      throw new ValueError(
        `${this.who}: axis must not be the batch axis, received axis=${this.axis} for input shape ${formatKerasShape(inputShape)}`,
      );
    }
    const dim = inputShape[axis];
    if (dim === null) {
      throw new ShapeError(`${this.who}: axis ${this.axis} of the input must have a known size, received input shape ${formatKerasShape(inputShape)}`);
    }
    if (this.groups === -1) this.groups = dim;
    if (dim < this.groups) {
      throw new ValueError(`${this.who}: groups cannot be more than the number of channels (${dim}), received groups=${this.groups}`);
    }
    if (dim % this.groups !== 0) {
      throw new ValueError(`${this.who}: the number of channels (${dim}) must be a multiple of groups, received groups=${this.groups}`);
    }
    this.inputSpec = new InputSpec({ ndim: inputShape.length, axes: { [this.axis]: dim } });
    const a = this.affine;
    if (a.scale) {
      this.gamma = this.addWeight({
        name: 'gamma', shape: [dim], initializer: a.gammaInitializer, regularizer: a.gammaRegularizer, constraint: a.gammaConstraint,
      });
    }
    if (a.center) {
      this.beta = this.addWeight({
        name: 'beta', shape: [dim], initializer: a.betaInitializer, regularizer: a.betaRegularizer, constraint: a.betaConstraint,
      });
    }
  }

  override call(input: Tensor, _context?: CallContext): Tensor {
    const x = cast(input, 'float32');
    const a = this.axis < 0 ? this.axis + x.rank : this.axis;
    const prod = (ds: readonly number[]) => ds.reduce((p, d) => p * d, 1);
    const layout: GroupLayout = {
      b: x.shape[0], m: prod(x.shape.slice(1, a)), g: this.groups, cg: x.shape[a] / this.groups, i: prod(x.shape.slice(a + 1)),
    };
    const gamma = this.gamma?.value ?? null;
    const beta = this.beta?.value ?? null;
    return normalizeGroups(x, layout, groupMoments(x.data, layout), gamma, beta, this.epsilon, true);
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shape = singleShape(inputShape, this.name);
    axesInRange([this.axis], shape, this.who, this.axis);
    return [...shape];
  }

  override getConfig(): Record<string, unknown> {
    const a = this.affine;
    return {
      ...super.getConfig(),
      groups: this.groups,
      axis: this.axis,
      epsilon: this.epsilon,
      center: a.center,
      scale: a.scale,
      beta_initializer: initConfig(a.betaInitializer),
      gamma_initializer: initConfig(a.gammaInitializer),
      beta_regularizer: regConfig(a.betaRegularizer),
      gamma_regularizer: regConfig(a.gammaRegularizer),
      beta_constraint: constraintConfig(a.betaConstraint),
      gamma_constraint: constraintConfig(a.gammaConstraint),
    };
  }
}
