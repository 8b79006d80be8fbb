// The attention computation of MultiHeadAttention on projected tensors (internal).
import { softmax } from '@strata/activations';
import { ShapeError, Tensor, expandDims, logicalAnd, matmul, mul, reshape, transpose, where } from '@strata/tensor';
import { Shape, formatKerasShape } from '../engine/shape';
import { boolMask, broadcastsTo, causalMask, expandTo, slidingWindowMask } from './attention-utils';

// jax.nn.dot_product_attention's fill for masked logits: -0.7 * float32 max.
const JAX_LARGE_NEGATIVE = -0.7 * 3.4028234663852886e38;

/** Keras's `attention_axes` of the projected tensors (rank `rank`): `null` means every axis but batch, heads and features. */
export function normalizeAttentionAxes(axes: readonly number[] | null, rank: number): number[] {
  if (axes === null) return Array.from({ length: rank - 3 }, (_, i) => i + 1);
  return axes.map((a) => (a >= 0 ? a : rank - 1 + a));
}

/** The layout of the attention products: batch-like axes (heads last), then the attention axes. */
export interface AttentionLayout {
  /** Axes of the projected tensors that are neither attention axes nor the features. */
  batchAxes: number[];
  axes: number[];
}

/** Keras's einsum layout for projected tensors of rank `rank`: every axis but the attention axes and the features is a batch axis. */
export function attentionLayout(rank: number, axes: readonly number[]): AttentionLayout {
  const batchAxes = Array.from({ length: rank - 1 }, (_, i) => i).filter((i) => !axes.includes(i));
  return { batchAxes, axes: [...axes] };
}

/** Shape of the attention scores `(batch axes..., heads, query attention axes..., key attention axes...)`. */
export function scoresShape(projectedQuery: Shape, projectedKey: Shape, layout: AttentionLayout): Shape {
  return [
    ...layout.batchAxes.map((i) => projectedQuery[i]),
    ...layout.axes.map((i) => projectedQuery[i]),
    ...layout.axes.map((i) => projectedKey[i]),
  ];
}

/** The masks Keras merges (`_compute_attention_mask`), all broadcast against `(batch, T, S)`. */
export interface MaskSources {
  queryMask: Tensor | null;
  valueMask: Tensor | null;
  keyMask: Tensor | null;
  attentionMask: Tensor | null;
  useCausalMask: boolean;
  slidingWindow: number | null;
}

/** The merged boolean attention mask, or null: query `[B, T, 1]` & value/key `[B, 1, S]` & causal/window `[1, T, S]` & attentionMask. */
export function mergeMasks(queryLength: number, valueLength: number, m: MaskSources): Tensor | null {
  let auto: Tensor | null = null;
  const and = (x: Tensor) => (auto = auto ? logicalAnd(auto, x) : x);
  if (m.queryMask) and(expandDims(boolMask(m.queryMask), -1));
  if (m.valueMask) and(expandDims(boolMask(m.valueMask), -2));
  if (m.keyMask) and(expandDims(boolMask(m.keyMask), -2));
  if (m.useCausalMask) and(causalMask(queryLength, valueLength));
  if (m.slidingWindow !== null) and(slidingWindowMask(queryLength, valueLength, m.slidingWindow));
  const explicit = m.attentionMask ? boolMask(m.attentionMask) : null;
  if (!auto) return explicit;
  return explicit ? logicalAnd(explicit, auto) : auto;
}

/** What `dotProductAttention` needs besides the tensors. */
export interface AttentionOptions {
  who: string;
  layout: AttentionLayout;
  scale: number;
  mask: Tensor | null;
  /**
   * Keras's jax backend takes `jax.nn.dot_product_attention` for rank-4 projections without
   * dropout or returned scores: a fully masked row then averages every value step; otherwise the
   * masked softmax layer gives it all-zero weights.
   */
  fused: boolean;
  /** Keras's softmax sublayer (masked: -1e9 in, 0 out). */
  maskedSoftmax: (logits: Tensor, mask: Tensor | null) => Tensor;
  dropout: (probs: Tensor) => Tensor;
}

const prod = (xs: readonly number[]) => xs.reduce((p, d) => p * d, 1);

/**
 * Multi-head dot-product attention on projected `query (..., heads, keyDim)`, `key`, `value`:
 * `softmax(query · keyᵀ / √keyDim, masked)` over the attention axes, times `value`.
 * Returns the output in the query's layout (features `valueDim`) and the scores (before dropout).
 */
export function dotProductAttention(query: Tensor, key: Tensor, value: Tensor, o: AttentionOptions): { output: Tensor; scores: Tensor } {
  const rank = query.rank;
  const { batchAxes, axes } = o.layout;
  const perm = [...batchAxes, ...axes, rank - 1];
  const inverse = perm.map((_, i) => perm.indexOf(i));
  const identity = perm.every((p, i) => p === i);
  const permute = (x: Tensor) => (identity ? x : transpose(x, perm));
  const batch = batchAxes.map((i) => query.shape[i]);
  const qSteps = axes.map((i) => query.shape[i]);
  const kSteps = axes.map((i) => key.shape[i]);
  const agree = (x: Tensor) => batchAxes.every((i) => x.shape[i] === query.shape[i]) && axes.every((i) => x.shape[i] === key.shape[i]);
  if (!agree(key) || !agree(value)) {
    throw new ShapeError(
      `${o.who}: the projected query, key and value must agree on every axis but the attention axes and the features, ` +
        `received query=${formatKerasShape(query.shape)}, key=${formatKerasShape(key.shape)}, value=${formatKerasShape(value.shape)}`,
    );
  }
  const rows = prod(batch);
  const [tq, tk] = [prod(qSteps), prod(kSteps)];
  // Keras scales the query before the product; jax's fused kernel scales the logits.
  const q3 = reshape(permute(o.fused ? query : mul(query, o.scale)), [rows, tq, query.shape[rank - 1]]);
  const k3 = reshape(permute(key), [rows, tk, key.shape[rank - 1]]);
  const v3 = reshape(permute(value), [rows, tk, value.shape[rank - 1]]);
  let logits3 = matmul(q3, k3, { transposeB: true });
  if (o.fused) logits3 = mul(logits3, o.scale);
  const full = [...batch, ...qSteps, ...kSteps];
  const logits = reshape(logits3, full);
  let mask: Tensor | null = null;
  if (o.mask) {
    mask = expandTo(o.mask, full.length, -2 * axes.length - 1);
    if (!broadcastsTo(mask.shape, full)) {
      throw new ShapeError(
        `${o.who}: the attention mask must broadcast to the attention scores ${formatKerasShape(full)} ` +
          `(attentionMask is (batch, T, S)), received a merged mask of shape ${formatKerasShape(o.mask.shape)}`,
      );
    }
  }
  const softmaxAxes = Array.from({ length: axes.length }, (_, i) => full.length - axes.length + i);
  const scores = o.fused
    ? softmax(mask ? where(mask, logits, JAX_LARGE_NEGATIVE) : logits, { axis: softmaxAxes })
    : o.maskedSoftmax(logits, mask);
  const out3 = matmul(reshape(o.dropout(scores), [rows, tq, tk]), v3);
  const out = reshape(out3, [...batch, ...qSteps, value.shape[rank - 1]]);
  return { output: identity ? out : transpose(out, inverse), scores };
}
