import { InputSpec, Layer, LayerArgs, Shape } from '@strata/layers';
import { Tensor, ValueError, Variable, add, matmul, maximum, mean, mul, reshape, show, sigmoid } from '@strata/tensor';

/** Options of `new SqueezeExcitation(...)`: camelCase here, snake_case keys in the config. */
export interface SqueezeExcitationArgs extends LayerArgs {
  /** Reduction ratio `r` of the bottleneck, a positive integer (default 16). */
  ratio?: number;
}

/**
 * Squeeze-and-Excitation (Hu et al., "Squeeze-and-Excitation Networks", 2018): rescales each
 * channel by a gate computed from the whole input.
 *
 * Squeeze `s = mean(x)` over the spatial axes; excite `e = sigmoid(relu(s · W1 + b1) · W2 + b2)`;
 * output `y = x * e`, the gate broadcast over every spatial position. The bottleneck has
 * `units = max(1, floor(channels / ratio))` hidden units.
 *
 * Input channels_last, rank 3 to 5: `(batch, steps, channels)`, `(batch, rows, cols, channels)` or
 * `(batch, depth, rows, cols, channels)`; output the same shape. Weights, in this order (Dense's
 * kernel-then-bias, squeeze before excite): `squeeze_kernel (channels, units)`,
 * `squeeze_bias (units)`, `excite_kernel (units, channels)`, `excite_bias (channels)`; kernels
 * start glorot_uniform, biases zeros.
 *
 * @example
 * const se = new SqueezeExcitation({ ratio: 4 });
 * se.apply(randomNormal([2, 8, 8, 16])).shape; // [2, 8, 8, 16], with 16 * 4 + 4 + 4 * 16 + 16 weights
 */
export class SqueezeExcitation extends Layer {
  // Keras's class name: what configs record. A static, so minifiers cannot break it.
  static override readonly className: string = 'SqueezeExcitation';
  readonly ratio: number;
  squeezeKernel!: Variable;
  squeezeBias!: Variable;
  exciteKernel!: Variable;
  exciteBias!: Variable;

  constructor(args: SqueezeExcitationArgs = {}) {
    super(args);
    const ratio = args.ratio ?? 16;
    if (!Number.isInteger(ratio) || ratio <= 0) {
      throw new ValueError(`SqueezeExcitation: ratio must be a positive integer, received ratio=${show(ratio)}`);
    }
    this.ratio = ratio;
    this.inputSpec = new InputSpec({ minNdim: 3, maxNdim: 5 });
  }

  override build(inputShape: Shape): void {
    const channels = inputShape[inputShape.length - 1];
    if (channels === null) {
      throw new ValueError(`SqueezeExcitation '${this.name}': the channels axis (last) must be known, received shape=${show(inputShape)}`);
    }
    // At least one unit, so that fewer channels than `ratio` still give a gate.
    const units = Math.max(1, Math.floor(channels / this.ratio));
    this.squeezeKernel = this.addWeight({ name: 'squeeze_kernel', shape: [channels, units], initializer: 'glorot_uniform' });
    this.squeezeBias = this.addWeight({ name: 'squeeze_bias', shape: [units], initializer: 'zeros' });
    this.exciteKernel = this.addWeight({ name: 'excite_kernel', shape: [units, channels], initializer: 'glorot_uniform' });
    this.exciteBias = this.addWeight({ name: 'excite_bias', shape: [channels], initializer: 'zeros' });
    this.inputSpec = new InputSpec({ minNdim: 3, maxNdim: 5, axes: { [-1]: channels } });
  }

  override call(x: Tensor): Tensor {
    const spatial = Array.from({ length: x.rank - 2 }, (_, i) => i + 1);
    const squeezed = mean(x, spatial); // (batch, channels)
    const hidden = maximum(add(matmul(squeezed, this.squeezeKernel.value), this.squeezeBias.value), 0);
    const gate = sigmoid(add(matmul(hidden, this.exciteKernel.value), this.exciteBias.value));
    return mul(x, reshape(gate, [x.shape[0], ...spatial.map(() => 1), x.shape[x.rank - 1]]));
  }

  override computeOutputShape(inputShape: Shape): Shape {
    return inputShape;
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), ratio: this.ratio };
  }
}
