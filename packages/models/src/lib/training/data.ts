import {
  ShapeError, Tensor, TensorLike, ValueError, arange, asTensor, gather, show, slice, concat,
} from '@strata/tensor';

/** Model data: one array, a list (one per input or output), or named arrays. */
export type DataLike = TensorLike | TensorLike[] | Tensor[] | Record<string, TensorLike>;

/**
 * Normalizes user data to one tensor per model input/output, in order. A plain JS array counts
 * as a list of inputs only when its elements are Tensors (nested number arrays are one input).
 */
export function toTensors(data: DataLike, names: string[] | null, count: number, what: string): Tensor[] {
  let list: TensorLike[];
  if (data instanceof Tensor || ArrayBuffer.isView(data) || typeof data === 'number') list = [data as TensorLike];
  else if (Array.isArray(data)) list = data.length > 0 && data.every((d) => d instanceof Tensor) && count > 1 ? data : [data as TensorLike];
  else if (typeof data === 'object' && data !== null) {
    const rec = data as Record<string, TensorLike>;
    if (!names) throw new ValueError(`${what}: named data needs a model with named ${what}s, received keys ${show(Object.keys(rec))}`);
    const missing = names.filter((n) => !(n in rec));
    if (missing.length) throw new ValueError(`${what}: missing data for ${show(missing)}; expected keys ${show(names)}`);
    list = names.map((n) => rec[n]);
  } else throw new ValueError(`${what}: expected a Tensor, nested arrays or a list of Tensors, received ${show(data)}`);
  if (list.length !== count) {
    throw new ValueError(`${what}: the model has ${count} ${what}(s), received ${list.length} array(s)`);
  }
  return list.map((d) => asTensor(d));
}

/** Checks every array has the same number of samples; returns it. */
export function sampleCount(groups: { name: string; tensors: Tensor[] }[]): number {
  let n: number | null = null;
  let first = '';
  for (const { name, tensors } of groups) {
    for (const t of tensors) {
      if (t.rank === 0) throw new ShapeError(`${name}: data must have a batch axis, received a scalar`);
      if (n === null) {
        n = t.shape[0];
        first = name;
      } else if (t.shape[0] !== n) {
        throw new ValueError(`Data cardinality is ambiguous: ${first} has ${n} samples but ${name} has ${t.shape[0]}. Make sure all arrays contain the same number of samples.`);
      }
    }
  }
  return n ?? 0;
}

/** Rows `start..end` of every tensor (a view-free copy of contiguous rows). */
export function rowRange(tensors: Tensor[], start: number, end: number): Tensor[] {
  return tensors.map((t) => (start === 0 && end === t.shape[0] ? t : slice(t, [start, ...t.shape.slice(1).map(() => 0)], [end - start, ...t.shape.slice(1)])));
}

/** The rows at `indices` of every tensor. */
export function rowsAt(tensors: Tensor[], indices: Tensor): Tensor[] {
  return tensors.map((t) => gather(t, indices, 0));
}

/** Splits off the last `fraction` of samples for validation, as Keras's `validation_split` (before shuffling). */
export function splitTail(tensors: Tensor[], n: number, fraction: number): { train: Tensor[]; val: Tensor[] } {
  if (!(fraction > 0 && fraction < 1)) {
    throw new ValueError(`fit: validationSplit must be in (0, 1), received validationSplit=${show(fraction)}`);
  }
  const cut = Math.floor(n * (1 - fraction));
  if (cut === 0 || cut === n) {
    throw new ValueError(`fit: validationSplit=${fraction} leaves no training or no validation samples out of ${n}`);
  }
  return { train: rowRange(tensors, 0, cut), val: rowRange(tensors, cut, n) };
}

/** Concatenates per-batch outputs along the batch axis. */
export function joinBatches(batches: Tensor[][]): Tensor[] {
  if (batches.length === 0) return [];
  return batches[0].map((_, j) => (batches.length === 1 ? batches[0][j] : concat(batches.map((b) => b[j]), 0)));
}

/** The sample order of one epoch: a seeded permutation when shuffling, else 0..n-1. */
export function epochOrder(n: number, shuffle: boolean, permute: (n: number) => Tensor): Tensor {
  return shuffle ? permute(n) : arange(n);
}
