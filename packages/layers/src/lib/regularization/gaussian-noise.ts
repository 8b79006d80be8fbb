import { SeedGenerator, Tensor, add, randomNormal } from '@strata/tensor';
import { CallContext, Layer } from '../engine/layer';
import { LayerArgs } from '../engine/layer-args';
import { Shape, singleShape } from '../engine/shape';
import { seedArg, unitInterval } from './noise-args';

/** Options of `new GaussianNoise(...)`. */
export interface GaussianNoiseArgs extends LayerArgs {
  /** Standard deviation of the noise, in [0, 1]. */
  stddev: number;
  /** Integer seed: a seeded layer draws the same sequence of noise on every run. */
  seed?: number | null;
}

/**
 * Adds zero-centred Gaussian noise during training (`keras.layers.GaussianNoise`), a
 * regularizer for real-valued inputs: `y = x + n` with `n ~ N(0, stddev^2)` drawn anew on every
 * call with `training: true`. At inference `y = x`.
 *
 * Input: any shape. Output: the same shape. No weights; masks pass through.
 *
 * @example
 * const noise = new GaussianNoise({ stddev: 0.1, seed: 1 });
 * noise.apply(ones([2, 3]), { training: true }); // about 1 +- 0.1
 */
export class GaussianNoise extends Layer {
  static override readonly className: string = 'GaussianNoise';
  readonly stddev: number;
  readonly seed: number | null;
  private readonly seedGenerator: SeedGenerator | null;

  constructor(args: GaussianNoiseArgs) {
    super(args);
    this.stddev = unitInterval(args?.stddev, 'stddev', 'GaussianNoise');
    this.seed = seedArg(args.seed, 'GaussianNoise');
    // As Keras, no generator (and no draw from the global stream) when there is no noise.
    this.seedGenerator = this.stddev > 0 ? new SeedGenerator(this.seed ?? undefined) : null;
    this.supportsMasking = true;
    this.built = true;
  }

  override call(x: Tensor, context: CallContext): Tensor {
    if (!context.training || !this.seedGenerator) return x;
    return add(x, randomNormal(x.shape, { mean: 0, stddev: this.stddev, seed: this.seedGenerator }));
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    return [...singleShape(inputShape, this.name)];
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), stddev: this.stddev, seed: this.seed };
  }
}
