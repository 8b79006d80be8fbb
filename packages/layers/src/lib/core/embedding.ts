import { serialize as serializeConstraint, get as getConstraint } from '@strata/constraints';
import { serialize as serializeInitializer, get as getInitializer } from '@strata/initializers';
import { serialize as serializeRegularizer, get as getRegularizer } from '@strata/regularizers';
import { Tensor, TensorLike, ValueError, Variable, asTensor, cast, formatShape, gather, notEqual, show } from '@strata/tensor';
import { Layer } from '../engine/layer';
import { LayerArgs } from '../engine/layer-args';
import { Shape, singleShape } from '../engine/shape';
import { Mask } from '../engine/symbolic-call';

/** Options of `new Embedding(...)`: Keras's arguments in camelCase. */
export interface EmbeddingArgs extends LayerArgs {
  /** Size of the vocabulary: the largest index + 1. */
  inputDim: number;
  /** Size of each embedding vector. */
  outputDim: number;
  /** Default `'uniform'`: `RandomUniform({ minval: -0.05, maxval: 0.05 })`, as Keras. */
  embeddingsInitializer?: unknown;
  embeddingsRegularizer?: unknown;
  embeddingsConstraint?: unknown;
  /**
   * Whether index 0 is padding: the output then carries the mask `ids != 0`, and the vocabulary
   * needs `inputDim = vocabulary size + 1`. Default false.
   */
  maskZero?: boolean;
  /** Initial embeddings, shape `(inputDim, outputDim)` (Keras's `weights` argument). */
  weights?: TensorLike | [Tensor];
  /** Keras 2's argument, ignored: Keras 3 drops it with a deprecation warning; Strata drops it silently so Keras 2 configs load. */
  inputLength?: number | null;
  /** Keras's LoRA and quantization options: accepted only when unset. */
  loraRank?: null;
  loraAlpha?: null;
  quantizationConfig?: null;
}

function checkDim(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw new ValueError(`Embedding: ${name} must be a positive integer, received ${name}=${show(value)}`);
  }
  return value;
}

/**
 * Turns integer ids into dense vectors (`keras.layers.Embedding`): `output[..., :] = embeddings[ids[...], :]`.
 * Float ids are truncated to int32 first, as Keras casts them. The gradient with respect to the
 * embeddings scatter-adds the output gradient into the rows used (repeated ids accumulate).
 *
 * Input: ids of any shape `(batch, ...)`; output `(batch, ..., outputDim)`, float32.
 * Weight: `embeddings (inputDim, outputDim)`. With `maskZero`, the output mask is `ids != 0`.
 *
 * @example
 * const emb = new Embedding({ inputDim: 1000, outputDim: 64, maskZero: true });
 * const y = emb.apply(tensor([[4, 20, 0]], undefined, 'int32')); // shape [1, 3, 64]
 * getMask(y)!.toArray();                                            // [[true, true, false]]
 */
export class Embedding extends Layer {
  static override readonly className: string = 'Embedding';
  readonly inputDim: number;
  readonly outputDim: number;
  readonly embeddingsInitializer;
  readonly embeddingsRegularizer;
  readonly embeddingsConstraint;
  readonly maskZero: boolean;
  embeddings!: Variable;

  constructor(args: EmbeddingArgs) {
    super(args);
    this.inputDim = checkDim(args?.inputDim, 'inputDim');
    this.outputDim = checkDim(args.outputDim, 'outputDim');
    for (const key of ['loraRank', 'loraAlpha', 'quantizationConfig'] as const) {
      if (args[key] !== undefined && args[key] !== null) {
        throw new ValueError(`Embedding: ${key} (LoRA, quantization) is not supported by Strata, received ${key}=${show(args[key])}`);
      }
    }
    this.embeddingsInitializer = getInitializer((args.embeddingsInitializer ?? 'uniform') as never)!;
    this.embeddingsRegularizer = getRegularizer(args.embeddingsRegularizer as never);
    this.embeddingsConstraint = getConstraint(args.embeddingsConstraint as never);
    this.maskZero = args.maskZero ?? false;
    this.supportsMasking = this.maskZero;
    if (args.weights !== undefined) {
      this.maybeBuild([null]);
      // Keras also takes the one-element list that getWeights() returns.
      const w = Array.isArray(args.weights) && args.weights[0] instanceof Tensor ? args.weights[0] : args.weights;
      this.setWeights([asTensor(w as TensorLike)]);
    }
  }

  // The weight's shape depends on inputDim/outputDim only, so any input shape builds it.
  override build(): void {
    this.embeddings = this.addWeight({
      name: 'embeddings', shape: [this.inputDim, this.outputDim], initializer: this.embeddingsInitializer,
      regularizer: this.embeddingsRegularizer, constraint: this.embeddingsConstraint,
    });
  }

  override call(ids: Tensor): Tensor {
    const idx = ids.dtype === 'int32' ? ids : cast(ids, 'int32');
    this.checkIds(idx);
    return gather(this.embeddings.value, idx, 0);
  }

  // Keras on JAX wraps negative ids and returns NaN rows past the end; Strata says which id is wrong.
  private checkIds(idx: Tensor): void {
    const d = idx.data;
    for (let i = 0; i < d.length; i++) {
      if (d[i] < 0 || d[i] >= this.inputDim) {
        throw new ValueError(
          `Embedding '${this.name}': ids must be integers in [0, ${this.inputDim - 1}] (inputDim=${this.inputDim}), ` +
            `received index=${d[i]} at flat position ${i} of ids with shape ${formatShape(idx.shape)}`,
        );
      }
    }
  }

  override computeMask(ids: Tensor | Tensor[]): Mask {
    return this.maskZero ? notEqual(ids as Tensor, 0) : null;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    return [...singleShape(inputShape, this.name), this.outputDim];
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      input_dim: this.inputDim,
      output_dim: this.outputDim,
      embeddings_initializer: serializeInitializer(this.embeddingsInitializer),
      embeddings_regularizer: this.embeddingsRegularizer ? serializeRegularizer(this.embeddingsRegularizer) : null,
      activity_regularizer: this.activityRegularizer ? serializeRegularizer(this.activityRegularizer) : null,
      embeddings_constraint: this.embeddingsConstraint ? serializeConstraint(this.embeddingsConstraint) : null,
      mask_zero: this.maskZero,
      quantization_config: null,
    };
  }
}
