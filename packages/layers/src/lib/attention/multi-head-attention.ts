import { serialize as serializeConstraint, get as getConstraint } from '@strata/constraints';
import { serialize as serializeInitializer, get as getInitializer } from '@strata/initializers';
import { serialize as serializeRegularizer, get as getRegularizer } from '@strata/regularizers';
import { ShapeError, Tensor, ValueError, mul, show } from '@strata/tensor';
import { Softmax } from '../activations/softmax';
import { Dropout } from '../core/dropout';
import { CallArgs, CallContext, Layer } from '../engine/layer';
import { Shape, formatKerasShape, isShapeList } from '../engine/shape';
import { Mask } from '../engine/symbolic-call';
import { broadcastsTo, describe, maskList } from './attention-utils';
import { EinsumProjection } from './einsum-projection';
import {
  AttentionLayout, attentionLayout, dotProductAttention, mergeMasks, normalizeAttentionAxes, scoresShape,
} from './multi-head-attention-ops';
import { validateMhaArgs } from './multi-head-attention-args';
import type { MultiHeadAttentionArgs } from './multi-head-attention-args';

export type { MultiHeadAttentionArgs };

/**
 * Multi-head attention (`keras.layers.MultiHeadAttention`, "Attention is all you need").
 * `query`, `key` and `value` are projected to `numHeads` heads (`EinsumDense` kernels
 * `(dim, numHeads, keyDim)`, biases `(numHeads, keyDim)`), then per head
 * `softmax(Q·Kᵀ / √keyDim)` over the attention axes (masked entries excluded) weights `V`, and the
 * heads are projected back by `attention_output` (kernel `(numHeads, valueDim, ...outputShape)`).
 * With `useGate`, a sigmoid projection of the query gates the heads first.
 *
 * Call: `apply([query, value])` or `apply([query, value, key])` with `attentionMask (B, T, S)`,
 * `useCausalMask`, `returnAttentionScores` (then `applyMulti` gives `[output, scores]`), `training`,
 * and `mask: [queryMask, valueMask, keyMask]` (defaulting to the masks the inputs carry).
 * Shapes: query `(B, T, dim)`, value `(B, S, dimV)`, key `(B, S, dimK)` → output
 * `(B, T, dim)` (or `(B, T, ...outputShape)`), scores `(B, numHeads, T, S)`.
 * Weights, in Keras's order: query kernel/bias, key kernel/bias, [gate kernel/bias], value kernel/bias,
 * output kernel/bias.
 *
 * @example
 * const mha = new MultiHeadAttention({ numHeads: 2, keyDim: 8 });
 * const [out, scores] = mha.applyMulti([x, x], { useCausalMask: true, returnAttentionScores: true });
 * // out: (B, T, dim), scores: (B, 2, T, T)
 */
export class MultiHeadAttention extends Layer {
  /** Keras's call takes `query, value, key` as separate arguments: JSON writes them positionally. */
  override get positionalInputs(): boolean {
    return true;
  }

  static override readonly className: string = 'MultiHeadAttention';
  readonly numHeads: number;
  readonly keyDim: number;
  readonly valueDim: number;
  readonly dropout: number;
  readonly useBias: boolean;
  readonly useGate: boolean;
  readonly outputShape: number[] | null;
  /** As given until built; then Keras's normalized axes of the projected tensors. */
  attentionAxes: number[] | null;
  readonly slidingWindow: number | null;
  readonly seed: number | null;
  readonly kernelInitializer;
  readonly biasInitializer;
  readonly kernelRegularizer;
  readonly biasRegularizer;
  /** Applied to every projection's output (Keras hands it to the sublayers, not to this layer). */
  readonly projectionActivityRegularizer;
  readonly kernelConstraint;
  readonly biasConstraint;
  queryDense!: EinsumProjection;
  keyDense!: EinsumProjection;
  gateDense: EinsumProjection | null = null;
  valueDense!: EinsumProjection;
  outputDense!: EinsumProjection;
  private softmaxLayer!: Softmax;
  private dropoutLayer!: Dropout;
  private layout!: AttentionLayout;

  constructor(args: MultiHeadAttentionArgs) {
    const a = validateMhaArgs(args);
    super({ ...args, activityRegularizer: undefined });
    this.kernelInitializer = getInitializer((args.kernelInitializer ?? 'glorot_uniform') as never)!;
    this.biasInitializer = getInitializer((args.biasInitializer ?? 'zeros') as never)!;
    this.kernelRegularizer = getRegularizer(args.kernelRegularizer as never);
    this.biasRegularizer = getRegularizer(args.biasRegularizer as never);
    this.projectionActivityRegularizer = getRegularizer(args.activityRegularizer as never);
    this.kernelConstraint = getConstraint(args.kernelConstraint as never);
    this.biasConstraint = getConstraint(args.biasConstraint as never);
    this.numHeads = a.numHeads;
    this.keyDim = a.keyDim;
    this.valueDim = a.valueDim;
    this.dropout = a.dropout;
    this.useBias = a.useBias;
    this.useGate = a.useGate;
    this.outputShape = a.outputShape;
    this.attentionAxes = a.attentionAxes;
    this.slidingWindow = a.slidingWindow;
    this.seed = a.seed;
    this.supportsMasking = true;
  }

  private get who(): string {
    return `MultiHeadAttention '${this.name}'`;
  }

  private projection(name: string, boundDims: number, outputDims: number[], activation: string | null = null): EinsumProjection {
    // Fresh initializers per sublayer, as Keras clones them from their configs.
    return new EinsumProjection({
      name, boundDims, outputDims, activation, useBias: this.useBias, dtype: this.dtype, trainable: this.trainable,
      kernelInitializer: getInitializer(serializeInitializer(this.kernelInitializer) as never),
      biasInitializer: getInitializer(serializeInitializer(this.biasInitializer) as never),
      kernelRegularizer: this.kernelRegularizer, biasRegularizer: this.biasRegularizer,
      kernelConstraint: this.kernelConstraint, biasConstraint: this.biasConstraint,
      activityRegularizer: this.projectionActivityRegularizer,
    });
  }

  override build(inputShape: Shape | Shape[]): void {
    const [query, value, key] = this.shapes(inputShape);
    const rank = query.length + 1;
    const axes = normalizeAttentionAxes(this.attentionAxes, rank);
    if (axes.length === 0 || axes.some((x) => !Number.isInteger(x) || x < 1 || x > rank - 3) || new Set(axes).size !== axes.length) {
      throw new ValueError(
        `${this.who}: attentionAxes must name distinct axes of the query between 1 and ${query.length - 2} ` +
          `(not the batch or the features), received attentionAxes=${show(this.attentionAxes)} for a query of rank ${query.length}`,
      );
    }
    const [h, dk, dv] = [this.numHeads, this.keyDim, this.valueDim];
    this.queryDense = this.trackLayer(this.projection('query', 1, [h, dk]));
    this.queryDense.maybeBuild(query);
    this.keyDense = this.trackLayer(this.projection('key', 1, [h, dk]));
    this.keyDense.maybeBuild(key);
    if (this.useGate) {
      this.gateDense = this.trackLayer(this.projection('gate', 1, [h, dv], 'sigmoid'));
      this.gateDense.maybeBuild(query);
    }
    this.valueDense = this.trackLayer(this.projection('value', 1, [h, dv]));
    this.valueDense.maybeBuild(value);
    this.attentionAxes = axes;
    this.layout = attentionLayout(rank, axes);
    const scoresRank = rank - 1 + axes.length;
    const softmaxAxes = axes.map((_, i) => scoresRank - axes.length + i);
    this.softmaxLayer = this.trackLayer(new Softmax({ axis: softmaxAxes, dtype: this.dtype }));
    this.dropoutLayer = this.trackLayer(new Dropout({ rate: this.dropout, seed: this.seed, dtype: this.dtype }));
    const out = this.outputShape ?? [query[query.length - 1] as number];
    this.outputDense = this.trackLayer(this.projection('attention_output', 2, out));
    this.outputDense.maybeBuild([...query.slice(0, -1), h, dv]);
  }

  override call(inputs: Tensor | Tensor[], context: CallContext): Tensor | Tensor[] {
    const [query, value, keyIn] = this.inputList(inputs);
    const key = keyIn ?? value;
    this.shapes([query.shape, value.shape, key.shape]);
    const masks = maskList(context.mask, this.who, '[queryMask, valueMask, keyMask]');
    const [queryMask, valueMask] = [masks?.[0] ?? null, masks?.[1] ?? null];
    const keyMask = keyIn ? (masks?.[2] ?? null) : null;
    const attentionMask = context['attentionMask'] ?? null;
    if (attentionMask !== null && !(attentionMask instanceof Tensor)) {
      throw new ValueError(`${this.who}: attentionMask must be a Tensor (B, T, S) or null, received attentionMask=${describe(attentionMask)}`);
    }
    for (const [m, x, what] of [[queryMask, query, 'query'], [valueMask, value, 'value'], [keyMask, key, 'key']] as const) {
      if (m && !broadcastsTo(m.shape, x.shape.slice(0, -1))) {
        throw new ShapeError(
          `${this.who}: the ${what} mask must have the ${what}'s shape without its last axis (${formatKerasShape(x.shape.slice(0, -1))}), ` +
            `received ${what}Mask.shape=${formatKerasShape(m.shape)}`,
        );
      }
    }
    const returnScores = Boolean(context['returnAttentionScores']);
    const mask = mergeMasks(query.shape[1], value.shape[1], {
      queryMask, valueMask, keyMask, attentionMask, useCausalMask: Boolean(context['useCausalMask']), slidingWindow: this.slidingWindow,
    });
    const gate = this.gateDense ? this.gateDense.apply(query) : null;
    const q = this.queryDense.apply(query);
    const k = this.keyDense.apply(key);
    const v = this.valueDense.apply(value);
    const { output, scores } = dotProductAttention(q, k, v, {
      who: this.who, layout: this.layout, scale: 1 / Math.sqrt(this.keyDim), mask,
      fused: this.dropout === 0 && !returnScores && q.rank === 4,
      maskedSoftmax: (logits, m) => this.softmaxLayer.apply(logits, { mask: m }),
      dropout: (p) => (this.dropout > 0 ? this.dropoutLayer.apply(p, { training: context.training }) : p),
    });
    const result = this.outputDense.apply(gate ? mul(output, gate) : output);
    return returnScores ? [result, scores] : result;
  }

  /** The output carries the query's mask; the scores carry none. */
  override computeMask(_inputs: Tensor | Tensor[], mask: Mask): Mask {
    const masks = maskList(mask, this.who, '[queryMask, valueMask, keyMask]');
    return [masks?.[0] ?? null, null];
  }

  override computeOutputShape(inputShape: Shape | Shape[], args?: CallArgs): Shape | Shape[] {
    const [query, , key] = this.shapes(inputShape);
    const output = [...query.slice(0, -1), ...(this.outputShape ?? [query[query.length - 1]])];
    if (!args?.['returnAttentionScores']) return output;
    const rank = query.length + 1;
    const layout = this.built ? this.layout : attentionLayout(rank, normalizeAttentionAxes(this.attentionAxes, rank));
    const heads = [this.numHeads, this.keyDim];
    return [output, scoresShape([...query.slice(0, -1), ...heads], [...key.slice(0, -1), ...heads], layout)];
  }

  /** Keras writes MultiHeadAttention's build shapes as `shapes_dict` (its build takes query, value, key shapes). */
  override getBuildConfig(): Record<string, unknown> | null {
    const s = this.built ? (this.buildInputShape as Shape[] | null) : null;
    if (!s) return null;
    return { shapes_dict: { query_shape: s[0], value_shape: s[1], ...(s[2] ? { key_shape: s[2] } : {}) } };
  }

  override getConfig(): Record<string, unknown> {
    const ser = <T>(f: (x: T) => unknown, x: T | null) => (x ? f(x) : null);
    return {
      ...super.getConfig(),
      num_heads: this.numHeads,
      key_dim: this.keyDim,
      value_dim: this.valueDim,
      dropout: this.dropout,
      use_bias: this.useBias,
      use_gate: this.useGate,
      output_shape: this.outputShape ? [...this.outputShape] : null,
      attention_axes: this.attentionAxes ? [...this.attentionAxes] : null,
      sliding_window: this.slidingWindow,
      kernel_initializer: serializeInitializer(this.kernelInitializer),
      bias_initializer: serializeInitializer(this.biasInitializer),
      kernel_regularizer: ser(serializeRegularizer, this.kernelRegularizer),
      bias_regularizer: ser(serializeRegularizer, this.biasRegularizer),
      activity_regularizer: ser(serializeRegularizer, this.projectionActivityRegularizer),
      kernel_constraint: ser(serializeConstraint, this.kernelConstraint),
      bias_constraint: ser(serializeConstraint, this.biasConstraint),
      seed: this.seed,
    };
  }

  private inputList(inputs: Tensor | Tensor[]): [Tensor, Tensor, Tensor | null] {
    if (!Array.isArray(inputs) || inputs.length < 2 || inputs.length > 3) {
      const got = Array.isArray(inputs) ? `a list of length ${inputs.length}` : `inputs=${describe(inputs)}`;
      throw new ValueError(`${this.who}: inputs must be a list [query, value] or [query, value, key], received ${got}`);
    }
    return [inputs[0], inputs[1], inputs[2] ?? null];
  }

  /** `[query, value, key]` shapes, checked as Keras's build (key defaults to value). */
  private shapes(inputShape: Shape | Shape[]): [Shape, Shape, Shape] {
    if (!isShapeList(inputShape) || inputShape.length < 2 || inputShape.length > 3) {
      const got = isShapeList(inputShape) ? `a list of length ${inputShape.length}` : `a single input of shape ${formatKerasShape(inputShape)}`;
      throw new ValueError(`${this.who}: inputs must be a list [query, value] or [query, value, key], received ${got}`);
    }
    const [query, value] = inputShape;
    const key = inputShape[2] ?? value;
    const all = `query.shape=${formatKerasShape(query)}, value.shape=${formatKerasShape(value)}, key.shape=${formatKerasShape(key)}`;
    if (query.length < 3 || value.length !== query.length || key.length !== query.length) {
      throw new ShapeError(`${this.who}: query, value and key must have the same rank, at least 3 (batch, steps..., features), received ${all}`);
    }
    const inner = (s: Shape) => s.slice(1, -1);
    if (inner(value).some((d, i) => d !== inner(key)[i])) {
      throw new ShapeError(`${this.who}: all dimensions of value and key, except the last one, must be equal, received ${all}`);
    }
    if ([query, value, key].some((s) => s[s.length - 1] === null)) {
      throw new ValueError(`${this.who}: the last axis of query, value and key must be known, received ${all}`);
    }
    return [query, value, key];
  }
}
