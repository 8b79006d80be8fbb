import {
  SeedGenerator, ShapeError, Tensor, ValueError, Variable, add, expandDims, logicalAnd, matmul, mul, show, sub, sum, tanh,
  where,
} from '@strata/tensor';
import { softmax } from '@strata/activations';
import { CallArgs, CallContext, Layer } from '../engine/layer';
import { LayerArgs } from '../engine/layer-args';
import { Shape, formatKerasShape, isShapeList } from '../engine/shape';
import { Mask } from '../engine/symbolic-call';
import { boolMask, broadcastsTo, causalMask, compatible, describe, dropoutProbs, maskList } from './attention-utils';

/** How `Attention` scores a query against a key. */
export type AttentionScoreMode = 'dot' | 'concat';

/** Options of `new Attention(...)`: Keras's arguments in camelCase. */
export interface AttentionArgs extends LayerArgs {
  /** Learn a scalar `scale` multiplying the scores. Default false. */
  useScale?: boolean;
  /** `'dot'` (query · key, default) or `'concat'` (`sum(tanh(query + key))`, weighted by a learned scalar). */
  scoreMode?: AttentionScoreMode;
  /** Fraction of the attention weights dropped in training, in [0, 1]. Default 0. */
  dropout?: number;
  /** Integer seed of the dropout. */
  seed?: number | null;
}

// What Keras subtracts from masked scores (float32; 65504 is for float16 only).
const MAX_VALUE = 1e9;

/**
 * Dot-product (Luong-style) attention (`keras.layers.Attention`). Inputs `[query, value]` or
 * `[query, value, key]` (key defaults to value):
 * `scores = query · keyᵀ` (times `scale` with `useScale`), or with `scoreMode: 'concat'`
 * `scores = concatScoreWeight · Σ tanh(scale · (query_i + key_j))`; masked scores get `-1e9`
 * added, `weights = softmax(scores)` over the value steps, `output = weights · value`.
 *
 * Shapes: query `(batch, Tq, dim)`, value `(batch, Tv, dimV)`, key `(batch, Tv, dim)` →
 * output `(batch, Tq, dimV)`; with `returnAttentionScores` also the weights `(batch, Tq, Tv)`
 * (use `applyMulti`). Call arguments: `mask: [queryMask (batch, Tq), valueMask (batch, Tv)]`
 * (defaults to the masks the inputs carry), `useCausalMask`, `returnAttentionScores`, `training`.
 * A masked query step outputs zeros; the output carries the query mask. Weights: `scale ()` with
 * `useScale`, `concat_score_weight ()` with `scoreMode: 'concat'`, both initialized to 1.
 *
 * @example
 * const att = new Attention();
 * att.apply([zeros([2, 3, 4]), zeros([2, 5, 4])]).shape;                                   // [2, 3, 4]
 * const [out, scores] = att.applyMulti([q, v], { returnAttentionScores: true, useCausalMask: true });
 */
export class Attention extends Layer {
  static override readonly className: string = 'Attention';
  readonly useScale: boolean;
  readonly scoreMode: AttentionScoreMode;
  readonly dropout: number;
  readonly seed: number | null;
  /** Fresh seeds for each call's dropout; `null` when `dropout` is 0 (as Keras). */
  protected readonly seedGenerator: SeedGenerator | null;
  scale: Variable | null = null;
  concatScoreWeight: Variable | null = null;

  constructor(args: AttentionArgs = {}) {
    super(args);
    const who = this.className;
    const { useScale = false, scoreMode = 'dot', dropout = 0, seed = null } = args ?? {};
    if (typeof useScale !== 'boolean') throw new ValueError(`${who}: useScale must be a boolean, received useScale=${show(useScale)}`);
    if (scoreMode !== 'dot' && scoreMode !== 'concat') {
      throw new ValueError(`${who}: scoreMode must be one of 'dot', 'concat', received scoreMode=${show(scoreMode)}`);
    }
    if (typeof dropout !== 'number' || !(dropout >= 0 && dropout <= 1)) {
      throw new ValueError(`${who}: dropout must be a number between 0 and 1, received dropout=${show(dropout)}`);
    }
    if (seed !== null && !Number.isSafeInteger(seed)) throw new ValueError(`${who}: seed must be an integer or null, received seed=${show(seed)}`);
    this.useScale = useScale;
    this.scoreMode = scoreMode;
    this.dropout = dropout;
    this.seed = seed;
    this.seedGenerator = dropout > 0 ? new SeedGenerator(seed ?? undefined) : null;
    this.supportsMasking = true;
  }

  override build(inputShape: Shape | Shape[]): void {
    this.checkShapes(this.inputShapes(inputShape));
    if (this.useScale) this.scale = this.addWeight({ name: 'scale', shape: [], initializer: 'ones' });
    if (this.scoreMode === 'concat') {
      this.concatScoreWeight = this.addWeight({ name: 'concat_score_weight', shape: [], initializer: 'ones' });
    }
  }

  /** Whether scores add query and key (which then broadcast on the features) rather than multiply them. */
  protected additiveScores(): boolean {
    return this.scoreMode === 'concat';
  }

  /** Scores `(batch, Tq, Tv)` of every query step against every key step. */
  protected calculateScores(query: Tensor, key: Tensor): Tensor {
    if (this.scoreMode === 'dot') {
      const scores = matmul(query, key, { transposeB: true });
      return this.scale ? mul(scores, this.scale.value) : scores;
    }
    let pairs = add(expandDims(query, -2), expandDims(key, -3));
    if (this.scale) pairs = mul(this.scale.value, pairs);
    const scores = sum(tanh(pairs), -1);
    return this.concatScoreWeight ? mul(this.concatScoreWeight.value, scores) : scores;
  }

  override call(inputs: Tensor | Tensor[], context: CallContext): Tensor | Tensor[] {
    const [query, value, keyIn] = this.inputList(inputs);
    const key = keyIn ?? value;
    this.checkShapes([query.shape, value.shape, key.shape]);
    const masks = this.masks(context.mask);
    const queryMask = masks?.[0] ?? null;
    const valueMask = masks?.[1] ?? null;
    this.checkMask(queryMask, query, 'query');
    this.checkMask(valueMask, value, 'value');

    let scores = this.calculateScores(query, key);
    let scoresMask: Tensor | null = valueMask && boolMask(valueMask);
    if (context['useCausalMask']) {
      const causal = causalMask(scores.shape[scores.rank - 2], scores.shape[scores.rank - 1]);
      scoresMask = scoresMask ? logicalAnd(expandDims(scoresMask, -2), causal) : causal;
    }
    if (scoresMask) {
      // Keras subtracts rather than replaces, so a fully masked row stays a uniform softmax.
      const keep = scoresMask.rank === 2 ? expandDims(scoresMask, -2) : scoresMask;
      scores = where(keep, scores, sub(scores, MAX_VALUE));
    }
    let weights = softmax(scores, { axis: -1 });
    if (context.training && this.seedGenerator) weights = dropoutProbs(weights, this.dropout, this.seedGenerator);
    let output = matmul(weights, value);
    if (queryMask) output = where(expandDims(boolMask(queryMask), -1), output, 0);
    return context['returnAttentionScores'] ? [output, weights] : output;
  }

  /** The output carries the query mask; the attention scores carry none. */
  override computeMask(inputs: Tensor | Tensor[], mask: Mask): Mask {
    this.inputList(inputs);
    const masks = this.masks(mask);
    return [masks?.[0] ?? null, null];
  }

  override computeOutputShape(inputShape: Shape | Shape[], args?: CallArgs): Shape | Shape[] {
    const [query, value, key] = this.checkShapes(this.inputShapes(inputShape));
    const output = [...query.slice(0, -1), value[value.length - 1]];
    return args?.['returnAttentionScores'] ? [output, [...query.slice(0, -1), key[key.length - 2]]] : output;
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), use_scale: this.useScale, score_mode: this.scoreMode, dropout: this.dropout, seed: this.seed };
  }

  private listError(received: string): never {
    throw new ValueError(
      `${this.className} '${this.name}': inputs must be a list [query, value] or [query, value, key], received ${received}`,
    );
  }

  /** The `[query, value, key?]` tensors of a call, checked as Keras's `_validate_inputs`. */
  protected inputList(inputs: Tensor | Tensor[]): [Tensor, Tensor, Tensor | null] {
    if (!Array.isArray(inputs)) return this.listError(`inputs=${describe(inputs)}`);
    if (inputs.length < 2 || inputs.length > 3) return this.listError(`a list of length ${inputs.length}`);
    return [inputs[0], inputs[1], inputs[2] ?? null];
  }

  /** The `[query, value, key?]` shapes for `build` and `computeOutputShape`. */
  protected inputShapes(inputShape: Shape | Shape[]): [Shape, Shape, Shape | null] {
    if (!isShapeList(inputShape)) return this.listError(`a single input of shape ${formatKerasShape(inputShape)}`);
    if (inputShape.length < 2 || inputShape.length > 3) return this.listError(`a list of length ${inputShape.length}`);
    return [inputShape[0], inputShape[1], inputShape[2] ?? null];
  }

  /** Ranks and the sizes the products need: query·key on the features, weights·value on the steps. */
  protected checkShapes([query, value, keyIn]: [Shape, Shape, Shape | null]): [Shape, Shape, Shape] {
    const key = keyIn ?? value;
    const who = `${this.className} '${this.name}'`;
    const shapes = `query.shape=${formatKerasShape(query)}, value.shape=${formatKerasShape(value)}, key.shape=${formatKerasShape(key)}`;
    if (query.length < 2 || value.length < 2 || key.length < 2) {
      throw new ShapeError(`${who}: query, value and key must have rank >= 2 (batch, steps, features), received ${shapes}`);
    }
    const qDim = query[query.length - 1];
    const kDim = key[key.length - 1];
    if (!compatible(qDim, kDim) && !(this.additiveScores() && (qDim === 1 || kDim === 1))) {
      throw new ShapeError(`${who}: query and key must have the same last dimension, received ${shapes}`);
    }
    if (!compatible(value[value.length - 2], key[key.length - 2])) {
      throw new ShapeError(`${who}: value and key must have the same number of steps (axis -2), received ${shapes}`);
    }
    return [query, value, key];
  }

  private masks(mask: Mask): (Tensor | null)[] | null {
    const masks = maskList(mask, `${this.className} '${this.name}'`, '[queryMask, valueMask]');
    if (masks && (masks.length < 2 || masks.length > 3)) {
      throw new ValueError(
        `${this.className} '${this.name}': mask must be a list of length 2 or 3 ([queryMask, valueMask]), received a list of length ${masks.length}`,
      );
    }
    return masks;
  }

  private checkMask(mask: Tensor | null, x: Tensor, what: string): void {
    if (mask && !broadcastsTo(mask.shape, x.shape.slice(0, -1))) {
      throw new ShapeError(
        `${this.className} '${this.name}': the ${what} mask must have the ${what}'s shape without its last axis ` +
          `(${formatKerasShape(x.shape.slice(0, -1))}), received ${what}Mask.shape=${formatKerasShape(mask.shape)}`,
      );
    }
  }
}
