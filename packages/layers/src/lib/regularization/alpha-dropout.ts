import {
  SeedGenerator, ShapeError, Tensor, ValueError, add, cast, formatShape, greaterEqual, mul, randomUniform, show, sub,
} from '@strata/tensor';
import { CallContext, Layer } from '../engine/layer';
import { LayerArgs } from '../engine/layer-args';
import { Shape, singleShape } from '../engine/shape';
import { seedArg, unitInterval } from './noise-args';

/** Options of `new AlphaDropout(...)`. */
export interface AlphaDropoutArgs extends LayerArgs {
  /** Drop probability, in [0, 1]. */
  rate: number;
  /** Shape of the keep mask, broadcast against the input; `null` entries take the input's size. */
  noiseShape?: (number | null)[] | null;
  /** Integer seed: a seeded layer draws the same sequence of masks on every run. */
  seed?: number | null;
}

// SELU's constants: dropped units are set to SELU's negative saturation value alpha' = -alpha * scale.
const ALPHA = 1.6732632423543772;
const SCALE = 1.0507009873554805;
const ALPHA_P = -ALPHA * SCALE;

/**
 * Dropout that keeps SELU's self-normalization (`keras.layers.AlphaDropout`): in training,
 * dropped inputs are set to `alpha' = -alpha * scale` of SELU, then `y = a * x' + b` with
 * `a = ((1 - rate) * (1 + rate * alpha'^2))^-1/2` and `b = -a * alpha' * rate`, so mean and
 * variance are preserved. The keep mask (`uniform >= rate`, shape `noiseShape`) is drawn anew on
 * every call with `training: true`. At inference `y = x`.
 *
 * Input: any shape. Output: the same shape. No weights; masks pass through.
 *
 * @example
 * const drop = new AlphaDropout({ rate: 0.1, seed: 1 });
 * drop.apply(x, { training: true });
 */
export class AlphaDropout extends Layer {
  static override readonly className: string = 'AlphaDropout';
  readonly rate: number;
  readonly noiseShape: (number | null)[] | null;
  readonly seed: number | null;
  private readonly seedGenerator: SeedGenerator | null;

  constructor(args: AlphaDropoutArgs) {
    super(args);
    this.rate = unitInterval(args?.rate, 'rate', 'AlphaDropout');
    this.seed = seedArg(args.seed, 'AlphaDropout');
    this.noiseShape = noiseShapeArg(args.noiseShape ?? null);
    this.seedGenerator = this.rate > 0 ? new SeedGenerator(this.seed ?? undefined) : null;
    this.supportsMasking = true;
    this.built = true;
  }

  /** `noiseShape` with its `null` entries filled from the input (by position, as Keras), checked to broadcast. */
  private noiseShapeFor(shape: readonly number[]): number[] {
    if (!this.noiseShape) return [...shape];
    const noise = this.noiseShape.map((d, i) => (d === null ? shape[i] : d));
    const offset = shape.length - noise.length;
    if (offset < 0 || noise.some((d, i) => d === undefined || (d !== 1 && d !== shape[offset + i]))) {
      throw new ShapeError(
        `AlphaDropout '${this.name}': noiseShape must broadcast to the input shape ${formatShape(shape)}, ` +
          `received noiseShape=${show(this.noiseShape)}`,
      );
    }
    return noise;
  }

  override call(x: Tensor, context: CallContext): Tensor {
    if (!context.training || !this.seedGenerator) return x;
    if (this.rate === 1) {
      // Keras divides by zero here (ZeroDivisionError): nothing is kept to rescale.
      throw new ValueError(`AlphaDropout '${this.name}': rate must be below 1 in training (nothing would be kept), received rate=1`);
    }
    const kept = cast(greaterEqual(randomUniform(this.noiseShapeFor(x.shape), { seed: this.seedGenerator }), this.rate), 'float32');
    const a = ((1 - this.rate) * (1 + this.rate * ALPHA_P ** 2)) ** -0.5;
    const b = -a * ALPHA_P * this.rate;
    const dropped = add(mul(x, kept), mul(sub(1, kept), ALPHA_P));
    return add(mul(dropped, a), b);
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    return [...singleShape(inputShape, this.name)];
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), rate: this.rate, seed: this.seed, noise_shape: this.noiseShape ? [...this.noiseShape] : null };
  }
}

function noiseShapeArg(noiseShape: unknown): (number | null)[] | null {
  if (noiseShape === null) return null;
  const ok = Array.isArray(noiseShape) && noiseShape.every((d) => d === null || (Number.isInteger(d) && d > 0));
  if (!ok) {
    throw new ValueError(
      `AlphaDropout: noiseShape must be an array of positive integers or nulls, or null, received noiseShape=${show(noiseShape)}`,
    );
  }
  return [...noiseShape];
}
