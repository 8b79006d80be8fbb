import { elu } from '@strata/activations';
import { Tensor, ValueError, show } from '@strata/tensor';
import { Layer } from '../engine/layer';
import { LayerArgs } from '../engine/layer-args';
import { Shape, singleShape } from '../engine/shape';

/** Options of `new ELU(...)`. */
export interface ELUArgs extends LayerArgs {
  /** Scale of the negative part. Default 1. */
  alpha?: number;
}

/**
 * Exponential linear unit layer (`keras.layers.ELU`):
 * `y = x` for `x > 0`, `y = alpha * (exp(x) - 1)` otherwise.
 *
 * Input: any shape. Output: the same shape. No weights; masks pass through.
 *
 * @example
 * new ELU({ alpha: 2 }).apply(tensor([-1, 3])); // [2 * (e^-1 - 1), 3] = [-1.2642, 3]
 */
export class ELU extends Layer {
  static override readonly className: string = 'ELU';
  readonly alpha: number;

  constructor(args: ELUArgs = {}) {
    super(args);
    const alpha = args.alpha ?? 1;
    if (typeof alpha !== 'number' || !Number.isFinite(alpha)) {
      throw new ValueError(`ELU: alpha must be a finite number, received alpha=${show(alpha)}`);
    }
    this.alpha = alpha;
    this.supportsMasking = true;
    this.built = true;
  }

  override call(x: Tensor): Tensor {
    return elu(x, { alpha: this.alpha });
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    return [...singleShape(inputShape, this.name)];
  }

  /** Keras's ELU writes its constructor arguments: `name`, `alpha`, then the base keys. */
  override getConfig(): Record<string, unknown> {
    const { name, ...base } = super.getConfig();
    return { name, alpha: this.alpha, ...base };
  }
}
