import { ShapeError, Tensor, ValueError, Variable, formatShape, sameShape, show } from '@strata/tensor';
import { f32 } from './checks';

// Gradient handling of Keras's BaseOptimizer (_filter_empty_gradients, _clip_gradients,
// clip_by_global_norm) on flat float32 arrays. Transforms return fresh arrays: gradients may share
// memory with tensors the caller keeps.

/**
 * Checks `grads` against `vars` (known to the optimizer, same shapes) and returns the flat float32
 * gradients with their variables, leaving out variables whose gradient is null (as Keras does).
 */
export function collectGradients(
  grads: readonly (Tensor | null | undefined)[],
  vars: readonly Variable[],
  isKnown: (v: Variable) => boolean,
  who: string,
): { grads: Float32Array[]; vars: Variable[] } {
  const out = { grads: [] as Float32Array[], vars: [] as Variable[] };
  grads.forEach((g, i) => {
    const v = vars[i];
    if (!(v instanceof Variable) || !isKnown(v)) {
      throw new ValueError(
        `${who}: can only update the variables it was built with (create a new optimizer for new variables), ` +
          `received unknown variable ${show(v instanceof Variable ? v.name : v)}`,
      );
    }
    if (g === null || g === undefined) return;
    if (!(g instanceof Tensor)) throw new ValueError(`${who}: grads[${i}] must be a Tensor, received ${show(g)}`);
    if (!sameShape(g.shape, v.shape)) {
      throw new ShapeError(
        `${who}: grads[${i}] must have the shape ${formatShape(v.shape)} of variable '${v.name}', received shape ${formatShape(g.shape)}`,
      );
    }
    out.grads.push(g.data instanceof Float32Array ? g.data : Float32Array.from(g.data));
    out.vars.push(v);
  });
  if (out.grads.length === 0) {
    throw new ValueError(`${who}: no gradients provided for any variable, received ${grads.length} null gradients`);
  }
  return out;
}

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
