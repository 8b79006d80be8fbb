import { SeedGenerator, Tensor, ValueError, mul, randomNormal } from '@strata/tensor';
import { CallContext, Layer } from '../engine/layer';
import { LayerArgs } from '../engine/layer-args';
import { Shape, singleShape } from '../engine/shape';
import { seedArg, unitInterval } from './noise-args';

/** Options of `new GaussianDropout(...)`. */
export interface GaussianDropoutArgs extends LayerArgs {
  /** Drop probability, in [0, 1]: the noise has standard deviation `sqrt(rate / (1 - rate))`. */
  rate: number;
  /** Integer seed: a seeded layer draws the same sequence of noise on every run. */
  seed?: number | null;
}

/**
 * Multiplicative Gaussian noise during training (`keras.layers.GaussianDropout`):
 * `y = x * n` with `n ~ N(1, rate / (1 - rate))`, drawn anew on every call with
 * `training: true`. At inference `y = x`.
 *
 * Input: any shape. Output: the same shape. No weights; masks pass through.
 *
 * @example
 * const drop = new GaussianDropout({ rate: 0.2, seed: 1 });
 * drop.apply(ones([2, 3]), { training: true }); // about 1 +- 0.5
 */
export class GaussianDropout extends Layer {
  static override readonly className: string = 'GaussianDropout';
  readonly rate: number;
  readonly seed: number | null;
  private readonly seedGenerator: SeedGenerator | null;

  constructor(args: GaussianDropoutArgs) {
    super(args);
    this.rate = unitInterval(args?.rate, 'rate', 'GaussianDropout');
    this.seed = seedArg(args.seed, 'GaussianDropout');
    this.seedGenerator = this.rate > 0 ? new SeedGenerator(this.seed ?? undefined) : null;
    this.supportsMasking = true;
    this.built = true;
  }

  override call(x: Tensor, context: CallContext): Tensor {
    if (!context.training || !this.seedGenerator) return x;
    if (this.rate === 1) {
      // Keras divides by zero here (ZeroDivisionError); the noise would be infinitely wide.
      throw new ValueError(`GaussianDropout '${this.name}': rate must be below 1 in training (the noise stddev is infinite), received rate=1`);
    }
    const stddev = Math.sqrt(this.rate / (1 - this.rate));
    return mul(x, randomNormal(x.shape, { mean: 1, stddev, seed: this.seedGenerator }));
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    return [...singleShape(inputShape, this.name)];
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), rate: this.rate, seed: this.seed };
  }
}
