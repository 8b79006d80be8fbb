import { DType, Tensor, ValueError, repeat, reshape, show } from '@strata/tensor';
import { Layer } from '../engine/layer';
import { InputSpec } from '../engine/input-spec';
import { LayerArgs } from '../engine/layer-args';
import { Shape, singleShape } from '../engine/shape';

/** Options of `new RepeatVector(...)`. */
export interface RepeatVectorArgs extends LayerArgs {
  /** Positive integer, the number of repetitions. */
  n: number;
}

/**
 * Repeats each sample vector `n` times along a new axis (`keras.layers.RepeatVector`):
 * `y[b, i, :] = x[b, :]` for `i < n`.
 *
 * Input `(batch, features)`; output `(batch, n, features)`.
 *
 * @example
 * new RepeatVector({ n: 3 }).apply(zeros([2, 32])).shape; // [2, 3, 32]
 */
export class RepeatVector extends Layer {
  static override readonly className: string = 'RepeatVector';
  readonly n: number;

  constructor(args: RepeatVectorArgs) {
    super(args);
    const n = args?.n;
    // Keras raises TypeError for a non-integer and ValueError for n <= 0; both are bad arguments here.
    if (typeof n !== 'number' || !Number.isInteger(n) || n <= 0) {
      throw new ValueError(`${this.className}: n must be a positive integer, received n=${show(n)}`);
    }
    this.n = n;
    this.inputSpec = new InputSpec({ ndim: 2 });
  }

  override call(x: Tensor): Tensor {
    return repeat(reshape(x, [x.shape[0], 1, x.shape[1]]), this.n, 1);
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const s = singleShape(inputShape, this.name);
    return [s[0], this.n, s[1]];
  }

  /** Values are copied, not computed: the input dtype passes through. */
  override computeOutputDType(inputDTypes: DType[]): DType {
    return inputDTypes[0] ?? this.dtype;
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), n: this.n };
  }
}
