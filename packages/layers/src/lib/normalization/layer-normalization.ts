import { ShapeError, Tensor, ValueError, Variable, show, cast, mul, reshape, rsqrt, add, transpose, variance } from '@strata/tensor';
import { InputSpec } from '../engine/input-spec';
import { CallContext, Layer } from '../engine/layer';
import { LayerArgs } from '../engine/layer-args';
import { Shape, formatKerasShape, singleShape } from '../engine/shape';
import {
  Affine, AffineArgs, affineArgs, axesInRange, axisListArg, booleanArg, constraintConfig, epsilonArg, initConfig, regConfig,
} from './normalization-args';
import { groupMoments, normalizeGroups } from './normalize-kernel';

/** Options of `new LayerNormalization(...)`: Keras's arguments in camelCase. */
export interface LayerNormalizationArgs extends LayerArgs, AffineArgs {
  /** The axis or axes normalized over (and spanned by `gamma`/`beta`). Default -1. */
  axis?: number | number[];
  /** Added to the variance. Default 1e-3. */
  epsilon?: number;
  /**
   * Deprecated in Keras (it scales by the variance, not the root mean square): `y = x * rsqrt(var + eps) * gamma`,
   * with no centering and no `beta`. Default false.
   */
  rmsScaling?: boolean;
}

/**
 * Normalizes each sample over `axis` (`keras.layers.LayerNormalization`):
 * `y = (x - mean) / sqrt(var + epsilon) * gamma + beta`, with `mean` and biased `var` taken over
 * `axis` separately for every position of the other axes.
 *
 * Input: any shape; output: the same. Weights `gamma`, `beta` of shape `inputShape[axis]`
 * (the sizes of the normalized axes). Masks pass through.
 *
 * @example
 * const ln = new LayerNormalization();
 * ln.apply(tensor([[1, 2, 3]])); // [[-1.2238, 0, 1.2238]]
 */
export class LayerNormalization extends Layer {
  static override readonly className: string = 'LayerNormalization';
  /** As Keras: the value given until built, then a sorted list. */
  axis: number | number[];
  readonly epsilon: number;
  readonly affine: Affine;
  readonly rmsScaling: boolean;
  gamma: Variable | null = null;
  beta: Variable | null = null;

  constructor(args: LayerNormalizationArgs = {}) {
    super(args);
    const who = this.className;
    this.axis = axisListArg(args.axis, who);
    this.epsilon = epsilonArg(args.epsilon, who);
    this.affine = affineArgs(args, who);
    this.rmsScaling = booleanArg(args.rmsScaling, 'rmsScaling', who, false);
    this.supportsMasking = true;
  }

  private get who(): string {
    return `${this.className} '${this.name}'`;
  }

  override build(inputShape: Shape): void {
    const axes = Array.isArray(this.axis) ? [...this.axis].sort((a, b) => a - b) : [this.axis];
    const positions = axesInRange(axes, inputShape, this.who, this.axis);
    if (new Set(positions).size !== positions.length) {
      throw new ValueError(`${this.who}: axis must not repeat an axis, received axis=${show(this.axis)}`);
    }
    // Keras orders gamma's axes by the sorted raw values ([-1, 1] gives (d[-1], d[1])) and reshapes it by position.
    const shape = positions.map((p) => inputShape[p]);
    if (shape.some((d) => d === null)) {
      throw new ShapeError(`${this.who}: the normalized axes must have known sizes, received input shape ${formatKerasShape(inputShape)}`);
    }
    this.axis = axes;
    // Not in Keras (which fails later, broadcasting gamma): inputs whose normalized axes change size are rejected here.
    this.inputSpec = new InputSpec({ axes: Object.fromEntries(axes.map((ax, k) => [ax, shape[k]])) });
    const a = this.affine;
    if (a.scale || this.rmsScaling) {
      this.gamma = this.addWeight({
        name: 'gamma', shape: shape as number[], initializer: a.gammaInitializer,
        regularizer: a.gammaRegularizer, constraint: a.gammaConstraint,
      });
    }
    if (a.center && !this.rmsScaling) {
      this.beta = this.addWeight({
        name: 'beta', shape: shape as number[], initializer: a.betaInitializer,
        regularizer: a.betaRegularizer, constraint: a.betaConstraint,
      });
    }
  }

  override call(input: Tensor, _context?: CallContext): Tensor {
    const x = cast(input, 'float32');
    const axes = this.axis as number[];
    const positions = axesInRange(axes, x.shape, this.who, axes).sort((a, b) => a - b);
    const gamma = this.gamma?.value ?? null;
    if (this.rmsScaling) {
      const bshape = x.shape.map((d, k) => (positions.includes(k) ? d : 1));
      const y = mul(x, rsqrt(add(variance(x, positions, true), this.epsilon)));
      return gamma ? mul(y, reshape(gamma, bshape)) : y;
    }
    // Move the normalized axes last (in position order, which is how gamma's data is laid out),
    // so one fused kernel handles every case as rows of `d` values.
    const rest = x.shape.map((_, k) => k).filter((k) => !positions.includes(k));
    const perm = [...rest, ...positions];
    const moved = perm.every((p, k) => p === k) ? null : perm;
    const xt = moved ? transpose(x, moved) : x;
    const d = positions.reduce((p, k) => p * x.shape[k], 1);
    const layout = { b: d === 0 ? 0 : xt.size / d, m: 1, g: 1, cg: d, i: 1 };
    const flat = (t: Tensor | null) => (t ? reshape(t, [d]) : null);
    const y = normalizeGroups(xt, layout, groupMoments(xt.data, layout), flat(gamma), flat(this.beta?.value ?? null), this.epsilon, true);
    return moved ? transpose(y, inversePerm(moved)) : y;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shape = singleShape(inputShape, this.name);
    axesInRange(Array.isArray(this.axis) ? this.axis : [this.axis], shape, this.who, this.axis);
    return [...shape];
  }

  override getConfig(): Record<string, unknown> {
    const a = this.affine;
    return {
      ...super.getConfig(),
      axis: Array.isArray(this.axis) ? [...this.axis] : this.axis,
      epsilon: this.epsilon,
      center: a.center,
      scale: a.scale,
      rms_scaling: this.rmsScaling,
      beta_initializer: initConfig(a.betaInitializer),
      gamma_initializer: initConfig(a.gammaInitializer),
      beta_regularizer: regConfig(a.betaRegularizer),
      gamma_regularizer: regConfig(a.gammaRegularizer),
      beta_constraint: constraintConfig(a.betaConstraint),
      gamma_constraint: constraintConfig(a.gammaConstraint),
    };
  }
}

function inversePerm(perm: readonly number[]): number[] {
  const inv = new Array<number>(perm.length);
  perm.forEach((p, k) => (inv[p] = k));
  return inv;
}
