import { DType, Tensor, ValueError, show } from '@strata/tensor';
import { Layer } from '../engine/layer';
import { parseDType } from '../engine/layer-args';
import { Shape } from '../engine/shape';
import { SymbolicTensor } from '../engine/symbolic-tensor';

/** Options of `input()` and `new InputLayer()`, Keras's `keras.Input` arguments in camelCase. */
export interface InputOptions {
  /** Shape of one sample, without the batch axis (`null` for unknown sizes). */
  shape?: Shape;
  batchSize?: number;
  /** Full shape with the batch axis; instead of `shape`. */
  batchShape?: Shape;
  /** Keras 2's name for `batchShape`. */
  batchInputShape?: Shape;
  name?: string;
  dtype?: DType | string;
  /** Sparse inputs are not supported; `true` is an error. */
  sparse?: boolean;
  ragged?: boolean;
  optional?: boolean;
}

/**
 * The entry point of a model (`keras.layers.InputLayer`): it produces the `SymbolicTensor` that
 * the model's first layers are called on. Usually made with `input()`.
 */
export class InputLayer extends Layer {
  static override readonly className = 'InputLayer';
  readonly batchShape: Shape;
  readonly inputDType: DType;
  readonly optional: boolean;
  /** The symbolic tensor this layer produces. */
  readonly output: SymbolicTensor;

  constructor(options: InputOptions = {}) {
    const who = 'InputLayer';
    if (options.sparse) {
      throw new ValueError(`${who}: sparse inputs are not supported by Strata, received sparse=true. Pass dense tensors.`);
    }
    if (options.ragged) throw new ValueError(`${who}: ragged inputs are not supported, received ragged=true`);
    const given = [options.shape, options.batchShape, options.batchInputShape].filter((s) => s !== undefined);
    if (given.length !== 1) {
      throw new ValueError(`${who}: pass exactly one of shape or batchShape, received shape=${show(options.shape)}, batchShape=${show(options.batchShape ?? options.batchInputShape)}`);
    }
    const batchShape = options.shape ? [options.batchSize ?? null, ...options.shape] : [...(options.batchShape ?? options.batchInputShape)!];
    for (const d of batchShape) {
      if (d !== null && (!Number.isInteger(d) || d < 0)) {
        throw new ValueError(`${who}: shape entries must be non-negative integers or null, received shape=${show(batchShape)}`);
      }
    }
    super({ name: options.name });
    this.batchShape = batchShape;
    this.inputDType = parseDType(options.dtype, who);
    this.optional = options.optional ?? false;
    this.built = true;
    this.output = new SymbolicTensor(batchShape, this.inputDType, null, 0, this.name);
    const node = { layer: this as Layer, inputs: [], inputIsList: false, outputs: [this.output], callArgs: {} };
    this.output.node = node;
    this.inboundNodes.push(node);
  }

  override call(inputs: Tensor): Tensor {
    return inputs;
  }

  override computeOutputShape(): Shape {
    return [...this.batchShape];
  }

  override getConfig(): Record<string, unknown> {
    return { batch_shape: this.batchShape, dtype: this.inputDType, sparse: false, ragged: false, name: this.name, optional: this.optional };
  }

  static override fromConfig<T extends Layer>(this: new (args: never) => T, config: Record<string, unknown>): T {
    const { batch_shape, batch_input_shape, dtype, name, sparse, ragged, optional } = config as Record<string, never>;
    const shape = batch_shape ?? batch_input_shape;
    return new this({ batchShape: shape, dtype, name, sparse, ragged, optional } as never);
  }
}

/**
 * A symbolic model input (`keras.Input`): call layers on it, then make a `Model`.
 *
 * @example
 * const x = input({ shape: [16] });        // shape [null, 16]
 * const y = new Dense({ units: 8 }).apply(x);
 */
export function input(options: InputOptions): SymbolicTensor {
  return new InputLayer(options).output;
}
