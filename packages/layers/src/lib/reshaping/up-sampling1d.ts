import { Tensor, ValueError, repeat, show } from '@strata/tensor';
import { InputSpec } from '../engine/input-spec';
import { Layer } from '../engine/layer';
import { LayerArgs } from '../engine/layer-args';
import { Shape, singleShape } from '../engine/shape';

/** Options of `new UpSampling1D(...)`. */
export interface UpSampling1DArgs extends LayerArgs {
  /** How many times each step is repeated. Positive integer; default 2. */
  size?: number;
}

/**
 * Repeats each step of a sequence `size` times (`keras.layers.UpSampling1D`):
 * `y[:, t, :] = x[:, floor(t / size), :]`.
 *
 * Input `(batch, steps, features)`; output `(batch, steps * size, features)`. No weights.
 *
 * @example
 * new UpSampling1D({ size: 2 }).apply(tensor([[[1], [2]]])).toArray(); // [[[1], [1], [2], [2]]]
 */
export class UpSampling1D extends Layer {
  static override readonly className: string = 'UpSampling1D';
  readonly size: number;

  constructor(args: UpSampling1DArgs = {}) {
    super(args);
    const size = args.size ?? 2;
    if (typeof size !== 'number' || !Number.isInteger(size) || size <= 0) {
      throw new ValueError(`UpSampling1D: size must be a positive integer, received size=${show(size)}`);
    }
    this.size = size;
    this.inputSpec = new InputSpec({ ndim: 3 });
  }

  override call(x: Tensor): Tensor {
    return repeat(x, this.size, 1);
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const s = singleShape(inputShape, this.name);
    return [s[0], s[1] === null ? null : s[1] * this.size, s[2]];
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), size: this.size };
  }
}
