import { Tensor } from '@strata/tensor';

// Keras attaches a `_keras_mask` to the per-sample losses of sparse_categorical_crossentropy
// with `ignore_class`; Loss.apply and the metrics read it back. Strata's tensors have no such
// attribute, so the mask lives beside the tensor here.
const masks = new WeakMap<Tensor, Tensor>();

/**
 * Records `mask` (true = the entry counts) for the per-sample losses `values`, as Keras's
 * `set_keras_mask`. Returns `values`.
 * @internal
 */
export function setLossMask(values: Tensor, mask: Tensor): Tensor {
  masks.set(values, mask);
  return values;
}

/**
 * The mask recorded for `values` by {@link setLossMask}, or `null` (Keras's `get_keras_mask`).
 * @internal
 */
export function getLossMask(values: Tensor): Tensor | null {
  return masks.get(values) ?? null;
}
