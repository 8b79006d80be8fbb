import {
  ShapeError,
  Tensor,
  TensorLike,
  argmax,
  asTensor,
  cast,
  equal,
  formatShape,
  greater,
  reshape,
  squeeze,
} from '@strata/tensor';
import { checkNumber } from '../losses/check';
import { checkBroadcast, squeezeOrExpandToSameRank, toFloat } from '../losses/reduction';

// Per-sample accuracy values (1 for a hit, 0 for a miss) as Keras's accuracy functions compute
// them; the metric classes average them. Nothing here is differentiable.

const hits = (b: Tensor): Tensor => cast(b, 'float32');

/**
 * Exact-match accuracy per element (`keras.metrics.Accuracy`'s function): `yTrue == yPred`.
 *
 * Shapes: broadcastable, after matching a trailing size-1 axis; the result has the broadcast shape.
 * @example accuracy([1, 2, 3], [1, 2, 0]); // [1, 1, 0]
 */
export function accuracy(yTrue: TensorLike, yPred: TensorLike): Tensor {
  const [t, p] = squeezeOrExpandToSameRank(toFloat(yTrue), toFloat(yPred));
  checkBroadcast('accuracy', t, p);
  return hits(equal(t, p));
}

/**
 * Binary accuracy per element (`keras.metrics.binary_accuracy`): `yTrue == (yPred > threshold)`.
 *
 * Shapes: broadcastable, after matching a trailing size-1 axis.
 * @example binaryAccuracy([[1, 1, 0, 0]], [[0.98, 1, 0, 0.6]]); // [[1, 1, 1, 0]]
 */
export function binaryAccuracy(yTrue: TensorLike, yPred: TensorLike, options: { threshold?: number } = {}): Tensor {
  const threshold = checkNumber('binaryAccuracy', 'threshold', options.threshold ?? 0.5);
  const [t, p] = squeezeOrExpandToSameRank(toFloat(yTrue), toFloat(yPred));
  checkBroadcast('binaryAccuracy', t, p);
  return hits(equal(t, hits(greater(p, Math.fround(threshold)))));
}

/**
 * Categorical accuracy per sample (`keras.metrics.categorical_accuracy`):
 * `argmax(yTrue) == argmax(yPred)` over the last axis (ties go to the first index).
 *
 * Shapes: `[batch, ..., classes]` twice; the result is `[batch, ...]`.
 * @example categoricalAccuracy([[0, 0, 1], [0, 1, 0]], [[0.1, 0.9, 0.8], [0.05, 0.95, 0]]); // [0, 1]
 */
export function categoricalAccuracy(yTrue: TensorLike, yPred: TensorLike): Tensor {
  const t = argmax(asTensor(yTrue), -1);
  const p = argmax(asTensor(yPred), -1);
  checkBroadcast('categoricalAccuracy', t, p, 'argmax(yTrue)', 'argmax(yPred)');
  return hits(equal(t, p));
}

/**
 * Sparse categorical accuracy per sample (`keras.metrics.sparse_categorical_accuracy`):
 * `yTrue == argmax(yPred)` for integer labels.
 *
 * Shapes: `yTrue` `[batch, ...]` or `[batch, ..., 1]`, `yPred` `[batch, ..., classes]`;
 * the result is `[batch, ...]`.
 * @example sparseCategoricalAccuracy([2, 1], [[0.1, 0.6, 0.3], [0.05, 0.95, 0]]); // [0, 1]
 */
export function sparseCategoricalAccuracy(yTrue: TensorLike, yPred: TensorLike): Tensor {
  const p = asTensor(yPred);
  let t = toFloat(yTrue);
  const original = t.shape;
  let squeezed = false;
  if (t.rank === p.rank && t.rank > 0 && t.shape[t.rank - 1] === 1) {
    t = squeeze(t, -1);
    squeezed = true;
  }
  const ids = cast(argmax(p, -1), 'float32');
  checkBroadcast('sparseCategoricalAccuracy', t, ids, 'yTrue', 'argmax(yPred)');
  let matches = hits(equal(t, ids));
  if (squeezed) matches = reshape(matches, original);
  if (matches.rank > 1 && matches.shape[matches.rank - 1] === 1) matches = squeeze(matches, -1);
  return matches;
}

/**
 * `keras.ops.in_top_k`: for each row of `scores` (`[n, classes]`), whether the score at the
 * target id is among the `k` largest, ties counting in the target's favour; an id outside the
 * classes (or a NaN score there) never is.
 */
function inTopK(who: string, ids: ArrayLike<number>, scores: Tensor, k: number): Tensor {
  const classes = scores.shape[scores.rank - 1];
  const n = scores.size / classes;
  if (ids.length !== n) {
    throw new ShapeError(
      `${who}: yTrue must hold one label per row of yPred, received ${ids.length} labels for yPred.shape=${formatShape(scores.shape)}`,
    );
  }
  const s = scores.data;
  const out = new Float32Array(n);
  for (let r = 0; r < n; r++) {
    const id = ids[r];
    const at = id >= 0 && id < classes && Number.isInteger(id) ? s[r * classes + id] : NaN;
    const target = Number.isNaN(at) ? -Infinity : at;
    let rank = 1;
    for (let c = 0; c < classes; c++) if (s[r * classes + c] > target) rank++;
    out[r] = rank <= k ? 1 : 0;
  }
  return new Tensor(out, [n], 'float32');
}

/**
 * Top-k categorical accuracy per sample (`keras.metrics.top_k_categorical_accuracy`): whether
 * `argmax(yTrue)` is among the `k` highest scores of `yPred`.
 *
 * Shapes: `[batch, ..., classes]` twice; the result is `[batch, ...]`.
 * @example topKCategoricalAccuracy([[0, 0, 1], [0, 1, 0]], [[0.1, 0.9, 0.8], [0.05, 0.95, 0]], { k: 1 }); // [0, 1]
 */
export function topKCategoricalAccuracy(yTrue: TensorLike, yPred: TensorLike, options: { k?: number } = {}): Tensor {
  const k = checkNumber('topKCategoricalAccuracy', 'k', options.k ?? 5);
  const ids = argmax(asTensor(yTrue), -1);
  const matches = inTopK('topKCategoricalAccuracy', ids.data, toFloat(yPred), k);
  return ids.rank > 1 ? reshape(matches, ids.shape) : matches;
}

/**
 * Sparse top-k categorical accuracy per sample (`keras.metrics.sparse_top_k_categorical_accuracy`):
 * whether the integer label is among the `k` highest scores of `yPred`; with `fromSortedIds`,
 * `yPred` already holds class ids sorted by score and the first `k` are searched.
 *
 * Shapes: `yTrue` `[batch, ...]`, `yPred` `[batch, ..., classes]`; the result has `yTrue`'s shape.
 * @example sparseTopKCategoricalAccuracy([2, 1], [[0.1, 0.9, 0.8], [0.05, 0.95, 0]], { k: 1 }); // [0, 1]
 */
export function sparseTopKCategoricalAccuracy(
  yTrue: TensorLike,
  yPred: TensorLike,
  options: { k?: number; fromSortedIds?: boolean } = {},
): Tensor {
  const who = 'sparseTopKCategoricalAccuracy';
  const k = checkNumber(who, 'k', options.k ?? 5);
  const p = toFloat(yPred);
  const t = options.fromSortedIds ? toFloat(yTrue) : cast(asTensor(yTrue), 'int32');
  let matches: Tensor;
  if (options.fromSortedIds) {
    const classes = p.shape[p.rank - 1];
    const n = p.size / classes;
    if (t.size !== n) {
      throw new ShapeError(
        `${who}: yTrue must hold one label per row of yPred, received yTrue.shape=${formatShape(t.shape)}, yPred.shape=${formatShape(p.shape)}`,
      );
    }
    const out = new Float32Array(n);
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < Math.min(k, classes); c++) if (p.data[r * classes + c] === t.data[r]) out[r] = 1;
    }
    matches = new Tensor(out, [n], 'float32');
  } else matches = inTopK(who, t.data, p, k);
  return t.rank > 1 ? reshape(matches, t.shape) : matches;
}
