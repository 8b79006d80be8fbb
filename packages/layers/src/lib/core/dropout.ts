import {
  SeedGenerator, ShapeError, Tensor, ValueError, bernoulli, div, formatShape, show, where, zerosLike,
} from '@strata/tensor';
import { CallContext, Layer } from '../engine/layer';
import { LayerArgs } from '../engine/layer-args';
import { Shape, singleShape } from '../engine/shape';

/** Options of `new Dropout(...)`: Keras's arguments in camelCase. */
export interface DropoutArgs extends LayerArgs {
  /** Fraction of the input units to drop, in [0, 1]. */
  rate: number;
  /**
   * Shape of the binary mask, broadcast against the input (e.g. `[null, 1, features]` to drop the
   * same features at every timestep); `null` entries take the input's size on that axis.
   */
  noiseShape?: (number | null)[] | null;
  /** Integer seed: a seeded layer draws the same sequence of masks on every run. */
  seed?: number | null;
}

/**
 * Randomly zeroes inputs during training (`keras.layers.Dropout`), scaling the kept ones so the
 * expected sum is unchanged: `y = x * m / (1 - rate)` with `m ~ Bernoulli(1 - rate)` of shape
 * `noiseShape`, drawn anew on every call with `training: true`. At inference `y = x`.
 *
 * Input: any shape. Output: the same shape. No weights; masks pass through.
 *
 * @example
 * const drop = new Dropout({ rate: 0.5, seed: 1 });
 * drop.apply(ones([2, 4]));                     // unchanged
 * drop.apply(ones([2, 4]), { training: true }); // entries 0 or 2
 */
export class Dropout extends Layer {
  static override readonly className: string = 'Dropout';
  readonly rate: number;
  readonly noiseShape: (number | null)[] | null;
  readonly seed: number | null;
  /** Fresh seeds for each call's mask; `null` when `rate` is 0 (as Keras). */
  protected readonly seedGenerator: SeedGenerator | null;

  constructor(args: DropoutArgs) {
    super(args);
    const who = this.className;
    const rate = args?.rate;
    if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) {
      throw new ValueError(`${who}: rate must be a number between 0 and 1, received rate=${show(rate)}`);
    }
    const seed = args.seed ?? null;
    if (seed !== null && (typeof seed !== 'number' || !Number.isSafeInteger(seed))) {
      throw new ValueError(`${who}: seed must be an integer or null, received seed=${show(seed)}`);
    }
    this.rate = rate;
    this.seed = seed;
    this.noiseShape = validateNoiseShape(args.noiseShape ?? null, who);
    this.seedGenerator = rate > 0 ? new SeedGenerator(seed ?? undefined) : null;
    this.supportsMasking = true;
    this.built = true;
  }

  /**
   * The concrete mask shape for an input shape: `noiseShape` with its `null` entries filled
   * from the input (by position, as Keras), checked to broadcast against the input.
   */
  protected noiseShapeFor(shape: readonly number[]): number[] {
    if (!this.noiseShape) return [...shape];
    const noise = this.noiseShape.map((d, i) => (d === null ? shape[i] : d));
    const offset = shape.length - noise.length;
    if (offset < 0 || noise.some((d, i) => d === undefined || (d !== 1 && d !== shape[offset + i]))) {
      throw new ShapeError(
        `${this.className} '${this.name}': noiseShape must broadcast to the input shape ${formatShape(shape)}, ` +
          `received noiseShape=${show(this.noiseShape)}`,
      );
    }
    return noise;
  }

  override call(x: Tensor, context: CallContext): Tensor {
    if (!context.training || !this.seedGenerator) return x;
    // Keras returns zeros rather than dividing by a keep probability of 0.
    if (this.rate === 1) return zerosLike(x);
    const keep = 1 - this.rate;
    const mask = bernoulli(this.noiseShapeFor(x.shape), { p: keep, seed: this.seedGenerator });
    return where(mask, div(x, keep), 0);
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    return [...singleShape(inputShape, this.name)];
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), rate: this.rate, seed: this.seed, noise_shape: this.noiseShape };
  }
}

function validateNoiseShape(noiseShape: unknown, who: string): (number | null)[] | null {
  if (noiseShape === null) return null;
  if (!Array.isArray(noiseShape)) {
    throw new ValueError(`${who}: noiseShape must be an array of positive integers or null, received noiseShape=${show(noiseShape)}`);
  }
  noiseShape.forEach((d, i) => {
    if (d !== null && (typeof d !== 'number' || !Number.isInteger(d) || d <= 0)) {
      throw new ValueError(
        `${who}: noiseShape entries must be positive integers or null, received noiseShape=${show(noiseShape)} (entry ${i} is ${show(d)})`,
      );
    }
  });
  return [...noiseShape];
}
