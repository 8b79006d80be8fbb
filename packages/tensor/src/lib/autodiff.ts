import { ShapeError, ValueError, show } from './errors';
import { formatShape } from './shape';
import { GradNode, Tensor } from './tensor';
import type { Variable } from './variable';
import { onesLike, zerosLike } from './ops/creation';

// Gradient computations in progress; ops record graph nodes only while this is positive, so
// inference pays a single comparison per op.
let active = 0;
let paused = 0;

/**
 * Records that `out` was computed from `inputs`, when any input is being followed by a gradient
 * computation. Every differentiable op returns through this. Returns `out`.
 */
export function record(out: Tensor, inputs: readonly Tensor[], backward: GradNode['backward']): Tensor {
  if (active === 0 || paused > 0) return out;
  for (const t of inputs) {
    if (t.tracked) {
      out.tracked = true;
      out.node = { inputs, backward };
      return out;
    }
  }
  return out;
}

/** Runs `f` without recording gradients (used inside backward passes and optimizer updates). */
export function noGrad<T>(f: () => T): T {
  paused++;
  try {
    return f();
  } finally {
    paused--;
  }
}

/** A leaf that gradients are taken with respect to; shares `x`'s data. */
function leaf(x: Tensor): Tensor {
  const t = new Tensor(x.data, x.shape, x.dtype);
  t.tracked = x.dtype === 'float32';
  return t;
}

function topoOrder(y: Tensor): Tensor[] {
  const order: Tensor[] = [];
  const seen = new Set<Tensor>();
  // Iterative DFS: recurrent nets build graphs deep enough to overflow the call stack.
  const stack: [Tensor, number][] = [[y, 0]];
  seen.add(y);
  while (stack.length) {
    const top = stack[stack.length - 1];
    const inputs = top[0].node?.inputs ?? [];
    if (top[1] < inputs.length) {
      const next = inputs[top[1]++];
      if (next.tracked && !seen.has(next)) {
        seen.add(next);
        stack.push([next, 0]);
      }
    } else {
      order.push(top[0]);
      stack.pop();
    }
  }
  return order.reverse();
}

// A plain loop, not the `add` op: autodiff must not import the ops that import it.
function accumulate(a: Tensor, b: Tensor): Tensor {
  const out = new Float32Array(a.size);
  const x = a.data;
  const y = b.data;
  for (let i = 0; i < out.length; i++) out[i] = x[i] + y[i];
  return new Tensor(out, a.shape, 'float32');
}

function backprop(y: Tensor, sources: readonly Tensor[], dy?: Tensor): Tensor[] {
  const grads = new Map<Tensor, Tensor>();
  if (!y.tracked) return sources.map((s) => zerosLike(s));
  grads.set(y, dy ?? onesLike(y));
  noGrad(() => {
    for (const t of topoOrder(y)) {
      const g = grads.get(t);
      if (!g || !t.node) continue;
      const inGrads = t.node.backward(g);
      t.node.inputs.forEach((input, i) => {
        const gi = inGrads[i];
        if (!gi || !input.tracked) return;
        if (gi.shape.length !== input.shape.length || gi.shape.some((d, k) => d !== input.shape[k])) {
          throw new ShapeError(
            `grad: internal gradient shape ${formatShape(gi.shape)} does not match input shape ${formatShape(input.shape)}`,
          );
        }
        const prev = grads.get(input);
        grads.set(input, prev ? accumulate(prev, gi) : gi);
      });
    }
  });
  return sources.map((s) => grads.get(s) ?? zerosLike(s));
}

function checkScalarOutput(y: unknown, who: string): Tensor {
  if (!(y instanceof Tensor)) throw new ValueError(`${who}: f must return a Tensor, received ${show(y)}`);
  return y;
}

function run<T>(f: () => T): T {
  active++;
  try {
    return f();
  } finally {
    active--;
  }
}

/**
 * `valueAndGrads(f)(...xs)` returns `f(...xs)` and the gradient of its sum with respect to
 * each `x` (for a scalar `f`, the ordinary gradient). Pass `dy` to seed a vector-Jacobian product.
 *
 * @example
 * const { value, grads } = valueAndGrads((a, b) => sum(mul(a, b)))(tensor([1, 2]), tensor([3, 4]));
 * // value 11, grads [[3, 4], [1, 2]]
 */
export function valueAndGrads(f: (...xs: Tensor[]) => Tensor) {
  return (xs: Tensor[], dy?: Tensor): { value: Tensor; grads: Tensor[] } =>
    run(() => {
      const leaves = xs.map(leaf);
      const value = checkScalarOutput(f(...leaves), 'valueAndGrads');
      return { value, grads: backprop(value, leaves, dy) };
    });
}

/** `grads(f)(xs)`: the gradients of `f` with respect to each of its tensor arguments. */
export function grads(f: (...xs: Tensor[]) => Tensor) {
  const vg = valueAndGrads(f);
  return (xs: Tensor[], dy?: Tensor): Tensor[] => vg(xs, dy).grads;
}

/**
 * `valueAndGrad(f)(x)` returns `{ value: f(x), grad: df/dx }` for a scalar-valued `f`.
 *
 * @example
 * valueAndGrad((x) => sum(square(x)))(tensor([1, 2])); // value 5, grad [2, 4]
 */
export function valueAndGrad(f: (x: Tensor) => Tensor) {
  const vg = valueAndGrads((x) => f(x));
  return (x: Tensor, dy?: Tensor): { value: Tensor; grad: Tensor } => {
    const r = vg([x], dy);
    return { value: r.value, grad: r.grads[0] };
  };
}

/**
 * `grad(f)` returns the function computing df/dx of a scalar-valued `f`.
 *
 * @example
 * grad((x) => sum(square(x)))(tensor([1, 2, 3])); // [2, 4, 6]
 */
export function grad(f: (x: Tensor) => Tensor) {
  const vg = valueAndGrad(f);
  return (x: Tensor, dy?: Tensor): Tensor => vg(x, dy).grad;
}

/**
 * Evaluates `f()` and the gradient of its (scalar) result with respect to each variable, in the
 * order given. This is what an optimizer step uses.
 *
 * @example
 * const w = new Variable(tensor([1, 2]));
 * const { value, grads } = variableGrads(() => sum(square(w.value)), [w]); // grads[0] = [2, 4]
 */
export function variableGrads(f: () => Tensor, variables: readonly Variable[]): { value: Tensor; grads: Tensor[] } {
  return run(() => {
    const leaves = variables.map((v) => leaf(v.value));
    const saved = variables.map((v, i) => v.swapValue(leaves[i]));
    try {
      const value = checkScalarOutput(f(), 'variableGrads');
      return { value, grads: backprop(value, leaves) };
    } finally {
      variables.forEach((v, i) => v.swapValue(saved[i]));
    }
  });
}

/** True while a gradient computation is running (layers use it to skip work that only matters then). */
export function isRecording(): boolean {
  return active > 0 && paused === 0;
}
