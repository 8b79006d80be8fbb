import { get as getActivation } from '@strata/activations';
import { Tensor, ValueError, Variable, add, matmul, reshape, show } from '@strata/tensor';
import { InputSpec } from '../engine/input-spec';
import { Layer } from '../engine/layer';
import { LayerArgs } from '../engine/layer-args';
import { Shape, singleShape } from '../engine/shape';

/** Options of the projection sublayers of `MultiHeadAttention`. */
export interface EinsumProjectionArgs extends LayerArgs {
  name: string;
  /** How many trailing input axes the kernel contracts (1 for query/key/value, 2 for the output). */
  boundDims: number;
  /** The trailing output axes, e.g. `[numHeads, keyDim]`. */
  outputDims: number[];
  useBias: boolean;
  activation?: string | null;
  kernelInitializer: unknown;
  biasInitializer: unknown;
  kernelRegularizer: unknown;
  biasRegularizer: unknown;
  kernelConstraint: unknown;
  biasConstraint: unknown;
}

/**
 * The `EinsumDense` projections inside `MultiHeadAttention` (Keras's equations
 * `abc,cde->abde` and `abcd,cde->abe`): contracts the last `boundDims` input axes with
 * `kernel (...boundAxes, ...outputDims)` and adds `bias (...outputDims)`. Internal: not
 * registered or exported, and never serialized on its own (Keras writes only the parent's config).
 *
 * Shapes: `(batch, ..., ...boundAxes)` → `(batch, ..., ...outputDims)`.
 *
 * @example
 * const q = new EinsumProjection({ name: 'query', boundDims: 1, outputDims: [2, 3], useBias: true, ... });
 * q.apply(zeros([2, 5, 4])).shape; // [2, 5, 2, 3]
 */
export class EinsumProjection extends Layer {
  static override readonly className: string = 'EinsumDense';
  readonly boundDims: number;
  readonly outputDims: number[];
  readonly useBias: boolean;
  private readonly activation: ((x: Tensor) => Tensor) | null;
  private readonly options: EinsumProjectionArgs;
  kernel!: Variable;
  bias: Variable | null = null;

  constructor(args: EinsumProjectionArgs) {
    super(args);
    this.boundDims = args.boundDims;
    this.outputDims = [...args.outputDims];
    this.useBias = args.useBias;
    this.activation = args.activation ? getActivation(args.activation as never) : null;
    this.options = args;
  }

  override build(inputShape: Shape | Shape[]): void {
    const shape = singleShape(inputShape, this.name);
    const bound = shape.slice(-this.boundDims);
    if (bound.length !== this.boundDims || bound.some((d) => d === null)) {
      throw new ValueError(`${this.name}: the last ${this.boundDims} input axes must be known, received shape=${show(shape)}`);
    }
    const o = this.options;
    this.kernel = this.addWeight({
      name: 'kernel', shape: [...(bound as number[]), ...this.outputDims], initializer: o.kernelInitializer,
      regularizer: o.kernelRegularizer, constraint: o.kernelConstraint,
    });
    if (this.useBias) {
      this.bias = this.addWeight({
        name: 'bias', shape: this.outputDims, initializer: o.biasInitializer,
        regularizer: o.biasRegularizer, constraint: o.biasConstraint,
      });
    }
    const axes: Record<number, number> = {};
    bound.forEach((d, i) => (axes[i - this.boundDims] = d as number));
    this.inputSpec = new InputSpec({ minNdim: this.boundDims + 1, axes });
  }

  override call(x: Tensor): Tensor {
    const free = x.shape.slice(0, x.rank - this.boundDims);
    const inSize = this.kernel.shape.slice(0, this.boundDims).reduce((p, d) => p * d, 1);
    const outSize = this.outputDims.reduce((p, d) => p * d, 1);
    // One GEMM over all free axes: (rows, inSize) · (inSize, outSize).
    let y = matmul(reshape(x, [-1, inSize]), reshape(this.kernel.value, [inSize, outSize]));
    if (this.bias) y = add(y, reshape(this.bias.value, [outSize]));
    y = reshape(y, [...free, ...this.outputDims]);
    return this.activation ? this.activation(y) : y;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const shape = singleShape(inputShape, this.name);
    return [...shape.slice(0, shape.length - this.boundDims), ...this.outputDims];
  }
}
