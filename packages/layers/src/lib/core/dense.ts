import { get as getActivation, serialize as serializeActivation } from '@strata/activations';
import { serialize as serializeConstraint, get as getConstraint } from '@strata/constraints';
import { serialize as serializeInitializer, get as getInitializer } from '@strata/initializers';
import { serialize as serializeRegularizer, get as getRegularizer } from '@strata/regularizers';
import { Tensor, ValueError, Variable, add, matmul, reshape, show } from '@strata/tensor';
import { InputSpec } from '../engine/input-spec';
import { CallContext, Layer } from '../engine/layer';
import { LayerArgs } from '../engine/layer-args';
import { Shape, singleShape } from '../engine/shape';

/** Options of `new Dense(...)`: Keras's arguments in camelCase. */
export interface DenseArgs extends LayerArgs {
  /** Positive integer, dimensionality of the output space. */
  units: number;
  /** Default none (linear). */
  activation?: unknown;
  useBias?: boolean;
  kernelInitializer?: unknown;
  biasInitializer?: unknown;
  kernelRegularizer?: unknown;
  biasRegularizer?: unknown;
  kernelConstraint?: unknown;
  biasConstraint?: unknown;
}

/**
 * The densely connected layer (`keras.layers.Dense`): `output = activation(dot(input, kernel) + bias)`.
 * Inputs of rank > 2 are multiplied along their last axis.
 *
 * Input `(batch, ..., inputDim)`, output `(batch, ..., units)`; weights `kernel (inputDim, units)`, `bias (units)`.
 *
 * @example
 * const dense = new Dense({ units: 32, inputShape: [16], activation: 'relu', kernelInitializer: 'he_uniform', kernelConstraint: 'MaxNorm' });
 * dense.apply(zeros([4, 16])).shape; // [4, 32]
 */
export class Dense extends Layer {
  static override readonly className: string = 'Dense';
  readonly units: number;
  readonly activation: (x: Tensor) => Tensor;
  readonly useBias: boolean;
  readonly kernelInitializer;
  readonly biasInitializer;
  readonly kernelRegularizer;
  readonly biasRegularizer;
  readonly kernelConstraint;
  readonly biasConstraint;
  kernel!: Variable;
  bias: Variable | null = null;

  constructor(args: DenseArgs) {
    super(args);
    if (!Number.isInteger(args?.units) || args.units <= 0) {
      throw new ValueError(`Dense: units must be a positive integer, received units=${show(args?.units)}`);
    }
    this.units = args.units;
    this.activation = getActivation(args.activation as never);
    this.useBias = args.useBias ?? true;
    this.kernelInitializer = getInitializer((args.kernelInitializer ?? 'glorot_uniform') as never)!;
    this.biasInitializer = getInitializer((args.biasInitializer ?? 'zeros') as never)!;
    this.kernelRegularizer = getRegularizer(args.kernelRegularizer as never);
    this.biasRegularizer = getRegularizer(args.biasRegularizer as never);
    this.kernelConstraint = getConstraint(args.kernelConstraint as never);
    this.biasConstraint = getConstraint(args.biasConstraint as never);
    this.inputSpec = new InputSpec({ minNdim: 2 });
    this.supportsMasking = true;
  }

  override build(inputShape: Shape): void {
    const inputDim = inputShape[inputShape.length - 1];
    if (inputDim === null) throw new ValueError(`Dense '${this.name}': the last axis of the input must be known, received shape=${show(inputShape)}`);
    this.kernel = this.addWeight({
      name: 'kernel', shape: [inputDim, this.units], initializer: this.kernelInitializer,
      regularizer: this.kernelRegularizer, constraint: this.kernelConstraint,
    });
    if (this.useBias) {
      this.bias = this.addWeight({
        name: 'bias', shape: [this.units], initializer: this.biasInitializer,
        regularizer: this.biasRegularizer, constraint: this.biasConstraint,
      });
    }
    this.inputSpec = new InputSpec({ minNdim: 2, axes: { [-1]: inputDim } });
  }

  override call(x: Tensor, _context?: CallContext): Tensor {
    const inputDim = x.shape[x.rank - 1];
    // One 2-D matmul over all leading axes: a single large GEMM beats a batched one.
    const flat = x.rank === 2 ? x : reshape(x, [-1, inputDim]);
    let y = matmul(flat, this.kernel.value);
    if (this.bias) y = add(y, this.bias.value);
    if (x.rank !== 2) y = reshape(y, [...x.shape.slice(0, -1), this.units]);
    return this.activation(y);
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const s = singleShape(inputShape, this.name);
    return [...s.slice(0, -1), this.units];
  }

  override getConfig(): Record<string, unknown> {
    const ser = <T>(f: (x: T) => unknown, x: T | null) => (x ? f(x) : null);
    return {
      ...super.getConfig(),
      units: this.units,
      activation: serializeActivation(this.activation),
      use_bias: this.useBias,
      kernel_initializer: serializeInitializer(this.kernelInitializer),
      bias_initializer: serializeInitializer(this.biasInitializer),
      kernel_regularizer: ser(serializeRegularizer, this.kernelRegularizer),
      bias_regularizer: ser(serializeRegularizer, this.biasRegularizer),
      kernel_constraint: ser(serializeConstraint, this.kernelConstraint),
      bias_constraint: ser(serializeConstraint, this.biasConstraint),
      quantization_config: null,
    };
  }
}
