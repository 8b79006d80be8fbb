import { DType, Tensor, ValueError, show, transpose } from '@strata/tensor';
import { Layer } from '../engine/layer';
import { InputSpec } from '../engine/input-spec';
import { LayerArgs } from '../engine/layer-args';
import { Shape, singleShape } from '../engine/shape';

/** Options of `new Permute(...)`. */
export interface PermuteArgs extends LayerArgs {
  /** A permutation of `1..n` (1-based, batch axis excluded): `[2, 1]` swaps the two sample axes. */
  dims: number[];
}

/**
 * Permutes the axes of each sample (`keras.layers.Permute`): output axis `i` is input axis
 * `dims[i - 1]`, the batch axis stays first.
 *
 * Input `(batch, d1, ..., dn)`; output `(batch, d_dims[0], ..., d_dims[n-1])`.
 *
 * @example
 * new Permute({ dims: [2, 1] }).apply(zeros([4, 10, 64])).shape; // [4, 64, 10]
 */
export class Permute extends Layer {
  static override readonly className: string = 'Permute';
  readonly dims: number[];

  constructor(args: PermuteArgs) {
    super(args);
    const dims = args?.dims;
    const isPermutation =
      Array.isArray(dims) && [...dims].sort((a, b) => a - b).every((d, i) => d === i + 1);
    if (!isPermutation) {
      throw new ValueError(
        `${this.className}: dims must be a permutation of 1..n (consecutive indices starting from 1), received dims=${show(dims)}`,
      );
    }
    this.dims = [...dims];
    this.inputSpec = new InputSpec({ ndim: dims.length + 1 });
  }

  override call(x: Tensor): Tensor {
    return transpose(x, [0, ...this.dims]);
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const s = singleShape(inputShape, this.name);
    return [s[0], ...this.dims.map((d) => s[d])];
  }

  /** Only the axes move: the input dtype passes through. */
  override computeOutputDType(inputDTypes: DType[]): DType {
    return inputDTypes[0] ?? this.dtype;
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), dims: this.dims };
  }
}
