import type { Tensor } from '@strata/tensor';

// Keras 3 attaches `_keras_mask` to tensors; Strata keeps tensors immutable and records masks here.
const masks = new WeakMap<object, Tensor>();

/** The mask a layer attached to `x` (a bool tensor of x's leading shape), if any. */
export function getMask(x: Tensor): Tensor | null {
  return masks.get(x) ?? null;
}

/** Attaches (or with `null`, removes) the mask carried by `x`. */
export function setMask(x: Tensor, mask: Tensor | null): void {
  if (mask) masks.set(x, mask);
  else masks.delete(x);
}
