import { f32 } from './checks';

// Gradient transforms of Keras's BaseOptimizer (_clip_gradients, clip_by_global_norm), on flat
// float32 arrays. Each returns fresh arrays: gradients may share memory with tensors the caller keeps.

function sumOfSquares(g: Float32Array): number {
  let s = 0;
  for (let i = 0; i < g.length; i++) s += g[i] * g[i];
  return s;
}

/** Scales `g` so its L2 norm is at most `clipnorm`: `g * clipnorm / max(||g||, clipnorm)`. */
export function clipByNorm(g: Float32Array, clipnorm: number): Float32Array {
  const norm = f32(Math.sqrt(f32(sumOfSquares(g))));
  const denom = Math.max(norm, f32(clipnorm));
  const out = new Float32Array(g.length);
  for (let i = 0; i < g.length; i++) out[i] = f32(g[i] * clipnorm) / denom;
  return out;
}

/**
 * Scales every gradient by `clipnorm / max(globalNorm, clipnorm)`, `globalNorm` being the L2 norm
 * of all gradients together. A non-finite global norm gives NaN gradients, as in Keras.
 */
export function clipByGlobalNorm(grads: readonly Float32Array[], clipnorm: number): Float32Array[] {
  let total = 0;
  for (const g of grads) total += f32(sumOfSquares(g));
  const norm = f32(Math.sqrt(f32(total)));
  // Keras's form: clip * min(1 / norm, 1 / clip), plus (norm - norm) to turn inf/NaN norms into NaN.
  const scale = f32(f32(clipnorm * Math.min(f32(1 / norm), f32(1 / clipnorm))) + (norm - norm));
  return grads.map((g) => {
    const out = new Float32Array(g.length);
    for (let i = 0; i < g.length; i++) out[i] = g[i] * scale;
    return out;
  });
}

/** Clips every element of `g` to `[-clipvalue, clipvalue]`. */
export function clipByValue(g: Float32Array, clipvalue: number): Float32Array {
  const hi = f32(clipvalue);
  const out = new Float32Array(g.length);
  for (let i = 0; i < g.length; i++) out[i] = Math.min(Math.max(g[i], -hi), hi);
  return out;
}
