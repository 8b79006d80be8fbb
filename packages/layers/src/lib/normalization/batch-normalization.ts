import { get as getInitializer, Initializer, serialize as serializeInitializer } from '@strata/initializers';
import { ShapeError, Tensor, ValueError, Variable, add, cast, formatShape, mul, show, sqrt } from '@strata/tensor';
import { InputSpec } from '../engine/input-spec';
import { CallContext, Layer } from '../engine/layer';
import { LayerArgs } from '../engine/layer-args';
import { Shape, formatKerasShape, singleShape } from '../engine/shape';
import { Mask } from '../engine/symbolic-call';
import { RenormClipping, batchNormOps, maskedMoments, movingAverage, renormCorrections } from './batch-norm-ops';
import {
  Affine, AffineArgs, affineArgs, axesInRange, booleanArg, constraintConfig, epsilonArg, initConfig, numberArg, regConfig,
} from './normalization-args';
import { GroupLayout, GroupStats, groupMoments, normalizeGroups } from './normalize-kernel';

/** Options of `new BatchNormalization(...)`: Keras's arguments in camelCase. */
export interface BatchNormalizationArgs extends LayerArgs, AffineArgs {
  /** The features axis, normalized per entry. Default -1 (channels last); 1 after a channels-first conv. */
  axis?: number;
  /** Momentum of the moving averages. Default 0.99. */
  momentum?: number;
  /** Added to the variance. Default 1e-3. */
  epsilon?: number;
  /** Default `'zeros'`. */
  movingMeanInitializer?: unknown;
  /** Default `'ones'`. */
  movingVarianceInitializer?: unknown;
  /** Cross-replica statistics (TensorFlow only in Keras); a no-op on one device, accepted for loading. */
  synchronized?: boolean;
  /** Batch renormalization (Ioffe 2017). Default false. */
  renorm?: boolean;
  /** Keys `rmax`, `rmin`, `dmax` bounding the renorm corrections. */
  renormClipping?: RenormClipping | null;
  /** Momentum of the renorm statistics. Default 0.99. */
  renormMomentum?: number;
}

/**
 * Normalizes each feature with batch statistics in training and moving averages at inference
 * (`keras.layers.BatchNormalization`):
 * `y = gamma * (x - mean) / sqrt(var + epsilon) + beta`, per entry of `axis`.
 *
 * Training (`training: true` and the layer trainable): `mean`, `var` (biased) over every other axis
 * (only where the mask is true when one is given); then
 * `moving = moving * momentum + batch * (1 - momentum)`. Otherwise the moving statistics are used:
 * a frozen layer (`trainable = false`) runs in inference mode, as in Keras.
 *
 * Input: any shape; output: the same. Weights (Keras's order): `gamma`, `beta` (trainable),
 * `moving_mean`, `moving_variance`, each `(inputShape[axis])`. Masks pass through.
 *
 * @example
 * const bn = new BatchNormalization({ momentum: 0.9 });
 * const y = bn.apply(randomNormal([32, 8]), { training: true }); // per-column mean 0, variance ~1
 */
export class BatchNormalization extends Layer {
  static override readonly className: string = 'BatchNormalization';
  readonly axis: number;
  readonly momentum: number;
  readonly epsilon: number;
  readonly affine: Affine;
  readonly movingMeanInitializer: Initializer;
  readonly movingVarianceInitializer: Initializer;
  readonly synchronized: boolean;
  readonly renorm: boolean;
  readonly renormClipping: RenormClipping | null;
  readonly renormMomentum: number;
  gamma: Variable | null = null;
  beta: Variable | null = null;
  movingMean!: Variable;
  movingVariance!: Variable;
  /** Batch renormalization's extra statistics (only with `renorm`). */
  movingStddev: Variable | null = null;
  renormMean: Variable | null = null;
  renormStddev: Variable | null = null;

  constructor(args: BatchNormalizationArgs = {}) {
    super(args);
    const who = this.className;
    const axis = args.axis ?? -1;
    if (typeof axis !== 'number' || !Number.isInteger(axis)) {
      throw new ValueError(`${who}: axis must be an integer, received axis=${show(axis)}`);
    }
    this.axis = axis;
    this.momentum = numberArg(args.momentum, 'momentum', who, 0.99);
    this.epsilon = epsilonArg(args.epsilon, who);
    this.affine = affineArgs(args, who);
    this.movingMeanInitializer = getInitializer((args.movingMeanInitializer ?? 'zeros') as never)!;
    this.movingVarianceInitializer = getInitializer((args.movingVarianceInitializer ?? 'ones') as never)!;
    this.synchronized = booleanArg(args.synchronized, 'synchronized', who, false);
    this.renorm = booleanArg(args.renorm, 'renorm', who, false);
    this.renormMomentum = numberArg(args.renormMomentum, 'renormMomentum', who, 0.99);
    this.renormClipping = this.renorm ? checkClipping(args.renormClipping ?? {}, who) : (args.renormClipping ?? null);
    this.supportsMasking = true;
  }

  override build(inputShape: Shape): void {
    const [axis] = axesInRange([this.axis], inputShape, `${this.className} '${this.name}'`, this.axis);
    const dim = inputShape[axis];
    if (dim === null) {
      throw new ShapeError(
        `${this.className} '${this.name}': axis ${this.axis} of the input must have a known size, received input shape ${formatKerasShape(inputShape)}`,
      );
    }
    const shape = [dim];
    const a = this.affine;
    if (a.scale) {
      this.gamma = this.addWeight({
        name: 'gamma', shape, initializer: a.gammaInitializer, regularizer: a.gammaRegularizer, constraint: a.gammaConstraint,
      });
    }
    if (a.center) {
      this.beta = this.addWeight({
        name: 'beta', shape, initializer: a.betaInitializer, regularizer: a.betaRegularizer, constraint: a.betaConstraint,
      });
    }
    this.movingMean = this.addWeight({ name: 'moving_mean', shape, initializer: this.movingMeanInitializer, trainable: false });
    this.movingVariance = this.addWeight({
      name: 'moving_variance', shape, initializer: this.movingVarianceInitializer, trainable: false,
    });
    if (this.renorm) {
      // Keras tracks the stddev, initialized as sqrt of (a clone of) the variance initializer.
      const stddevInit = () => sqrt(clone(this.movingVarianceInitializer).apply(shape, 'float32'));
      this.movingStddev = this.addWeight({ name: 'moving_stddev', shape, initializer: 'zeros', trainable: false });
      this.movingStddev.assign(stddevInit());
      this.renormMean = this.addWeight({
        name: 'renorm_mean', shape, initializer: clone(this.movingMeanInitializer), trainable: false,
      });
      this.renormStddev = this.addWeight({ name: 'renorm_stddev', shape, initializer: 'zeros', trainable: false });
      this.renormStddev.assign(stddevInit());
    }
    this.inputSpec = new InputSpec({ ndim: inputShape.length, axes: { [this.axis]: dim } });
  }

  /** The input as `[1, before axis, channels, 1, after axis]` for the fused kernel. */
  private layout(shape: readonly number[]): GroupLayout {
    const a = this.axis < 0 ? this.axis + shape.length : this.axis;
    const prod = (ds: readonly number[]) => ds.reduce((p, d) => p * d, 1);
    return { b: 1, m: prod(shape.slice(0, a)), g: shape[a], cg: 1, i: prod(shape.slice(a + 1)) };
  }

  override call(input: Tensor, context: CallContext): Tensor {
    const x = cast(input, 'float32');
    const mask = singleMask(context.mask);
    if (mask && mask.rank !== x.rank - 1) {
      throw new ShapeError(
        `${this.className} '${this.name}': the mask must have one dimension less than the inputs, ` +
          `received mask.shape=${formatShape(mask.shape)} with inputs.shape=${formatShape(x.shape)}`,
      );
    }
    const gamma = this.gamma?.value ?? null;
    const beta = this.beta?.value ?? null;
    const layout = this.layout(x.shape);
    if (!(context.training && this.trainable)) {
      const moving = { mean: this.movingMean.value.data as Float32Array, variance: this.movingVariance.value.data as Float32Array };
      return normalizeGroups(x, layout, moving, gamma, beta, this.epsilon, false);
    }
    const axis = this.axis < 0 ? this.axis + x.rank : this.axis;
    const masked = mask ? maskedMoments(x, mask, axis) : null;
    const stats: GroupStats = masked
      ? { mean: masked.mean.data as Float32Array, variance: masked.variance.data as Float32Array }
      : groupMoments(x.data, layout);
    let [scale, offset] = [gamma, beta];
    if (this.renorm) [scale, offset] = this.renormTransform(stats, gamma, beta);
    else this.updateMoving(stats);
    return masked
      ? batchNormOps(x, masked.mean, masked.variance, scale, offset, this.epsilon, axis)
      : normalizeGroups(x, layout, stats, scale, offset, this.epsilon, true);
  }

  private updateMoving(stats: GroupStats): void {
    this.movingMean.assign(movingAverage(this.movingMean.value.data, stats.mean, this.momentum));
    this.movingVariance.assign(movingAverage(this.movingVariance.value.data, stats.variance, this.momentum));
  }

  /** Keras's `(x * r + d) * gamma + beta`: returns the effective scale and offset, then updates the statistics. */
  private renormTransform(stats: GroupStats, gamma: Tensor | null, beta: Tensor | null): [Tensor, Tensor] {
    const [renormMean, renormStddev, movingStddev] = [this.renormMean!, this.renormStddev!, this.movingStddev!];
    const { r, d } = renormCorrections(
      stats.mean, stats.variance, renormMean.value.data, renormStddev.value.data, this.epsilon, this.renormClipping!,
    );
    const scale = gamma ? mul(r, gamma) : r;
    let offset = gamma ? mul(d, gamma) : d;
    if (beta) offset = add(offset, beta);
    const sigma = stats.variance.map((v) => Math.fround(Math.sqrt(Math.fround(v + this.epsilon))));
    renormMean.assign(movingAverage(renormMean.value.data, stats.mean, this.renormMomentum));
    renormStddev.assign(movingAverage(renormStddev.value.data, sigma, this.renormMomentum));
    this.movingMean.assign(movingAverage(this.movingMean.value.data, stats.mean, this.momentum));
    const newStddev = movingAverage(movingStddev.value.data, sigma, this.momentum);
    movingStddev.assign(newStddev);
    // relu guards against rounding below zero, as Keras.
    const variance = newStddev.data.map((s) => Math.max(0, Math.fround(Math.fround(s * s) - this.epsilon)));
    this.movingVariance.assign(new Tensor(variance, newStddev.shape, 'float32'));
    return [scale, offset];
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shape = singleShape(inputShape, this.name);
    axesInRange([this.axis], shape, `${this.className} '${this.name}'`, this.axis);
    return [...shape];
  }

  override getConfig(): Record<string, unknown> {
    const a = this.affine;
    return {
      ...super.getConfig(),
      axis: this.axis,
      momentum: this.momentum,
      epsilon: this.epsilon,
      center: a.center,
      scale: a.scale,
      beta_initializer: initConfig(a.betaInitializer),
      gamma_initializer: initConfig(a.gammaInitializer),
      moving_mean_initializer: initConfig(this.movingMeanInitializer),
      moving_variance_initializer: initConfig(this.movingVarianceInitializer),
      beta_regularizer: regConfig(a.betaRegularizer),
      gamma_regularizer: regConfig(a.gammaRegularizer),
      beta_constraint: constraintConfig(a.betaConstraint),
      gamma_constraint: constraintConfig(a.gammaConstraint),
      synchronized: this.synchronized,
      renorm: this.renorm,
      renorm_clipping: isPlainObject(this.renormClipping) ? { ...this.renormClipping } : this.renormClipping,
      renorm_momentum: this.renormMomentum,
    };
  }
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function singleMask(mask: Mask): Tensor | null {
  return Array.isArray(mask) ? (mask[0] ?? null) : mask;
}

/** A fresh instance from the config: a seeded random initializer then draws its own values again. */
function clone(init: Initializer): Initializer {
  return getInitializer(serializeInitializer(init) as never)!;
}

function checkClipping(clipping: unknown, who: string): RenormClipping {
  if (!isPlainObject(clipping)) {
    throw new ValueError(`${who}: renormClipping must be an object with keys rmax, rmin, dmax, received renormClipping=${show(clipping)}`);
  }
  const c = clipping;
  const bad = Object.keys(c).filter((k) => !['rmax', 'rmin', 'dmax'].includes(k));
  if (bad.length) {
    throw new ValueError(`${who}: renormClipping keys must be among rmax, rmin, dmax, received renormClipping=${show(clipping)}`);
  }
  for (const k of Object.keys(c)) {
    if (c[k] !== null && (typeof c[k] !== 'number' || Number.isNaN(c[k]))) {
      throw new ValueError(`${who}: renormClipping.${k} must be a number, received renormClipping=${show(clipping)}`);
    }
  }
  const { rmax, rmin, dmax } = c as RenormClipping;
  if (rmax != null && rmin != null && rmax < rmin) {
    throw new ValueError(`${who}: renormClipping.rmax must be >= rmin, received rmax=${rmax}, rmin=${rmin}`);
  }
  if (dmax != null && dmax < 0) throw new ValueError(`${who}: renormClipping.dmax must be non-negative, received dmax=${dmax}`);
  return { ...(c as RenormClipping) };
}
