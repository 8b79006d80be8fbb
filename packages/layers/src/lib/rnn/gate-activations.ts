import { hardSigmoid, linear, relu, sigmoid, tanh } from '@strata/activations';
import type { Tensor } from '@strata/tensor';

/**
 * Activations the fused gate kernels evaluate inline (any other one sends the cell to its
 * op-by-op path). Each derivative is written in terms of the activation's *output*, so the
 * backward pass reads the gate values cached by the forward pass instead of recomputing them.
 */
export const GateAct = { Tanh: 0, Sigmoid: 1, Linear: 2, Relu: 3, HardSigmoid: 4 } as const;
/** One of the `GateAct` codes. */
export type GateAct = (typeof GateAct)[keyof typeof GateAct];

const CODES = new Map<unknown, GateAct>([
  [tanh, GateAct.Tanh],
  [sigmoid, GateAct.Sigmoid],
  [linear, GateAct.Linear],
  [relu, GateAct.Relu],
  [hardSigmoid, GateAct.HardSigmoid],
]);

/** The inline code of an activation function, or `null` when the kernels cannot fuse it. */
export function gateActOf(fn: (x: Tensor) => Tensor): GateAct | null {
  return CODES.get(fn) ?? null;
}

// 2^n for n in [-1100, 1099]: the scale step of `exp` without Math.pow.
const POW2 = Float64Array.from({ length: 2200 }, (_, i) => 2 ** (i - 1100));
const INV_LN2 = 1 / Math.LN2;

/**
 * `e^x` to about 1e-8 relative error (far below float32's 6e-8), twice as fast as `Math.exp`,
 * which V8 cannot inline: `x = n ln2 + r` with `|r| <= ln2/2`, a degree-7 Taylor polynomial for
 * `e^r`, scaled by `2^n`. The gates evaluate millions of these per sequence.
 */
export function fastExp(x: number): number {
  const y = x > 709 ? 709 : x < -745 ? -745 : x;
  const n = Math.round(y * INV_LN2);
  const r = y - n * Math.LN2;
  const p = 1 + r * (1 + r * (1 / 2 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120 + r * (1 / 720 + r / 5040))))));
  return p * POW2[n + 1100];
}

/** `tanh(x)`: an odd Taylor series near 0 (no cancellation), `(1 - e) / (1 + e)` with `e = e^(-2|x|)` beyond. */
export function fastTanh(x: number): number {
  const a = x < 0 ? -x : x;
  let t: number;
  if (a < 0.2) {
    const a2 = a * a;
    t = a * (1 + a2 * (-1 / 3 + a2 * (2 / 15 + a2 * (-17 / 315 + a2 * (62 / 2835)))));
  } else {
    const e = fastExp(-2 * a);
    t = (1 - e) / (1 + e);
  }
  return x < 0 ? -t : t;
}

/** Applies `code` in place to `a[start..end)`; one tight loop per activation. */
export function activateRange(code: GateAct, a: Float32Array, start: number, end: number): void {
  switch (code) {
    case GateAct.Tanh:
      for (let i = start; i < end; i++) a[i] = fastTanh(a[i]);
      return;
    case GateAct.Sigmoid:
      for (let i = start; i < end; i++) a[i] = 1 / (1 + fastExp(-a[i]));
      return;
    case GateAct.Linear:
      return;
    case GateAct.Relu:
      for (let i = start; i < end; i++) a[i] = a[i] > 0 ? a[i] : 0;
      return;
    case GateAct.HardSigmoid:
      for (let i = start; i < end; i++) a[i] = Math.min(Math.max(a[i] + 3, 0), 6) / 6;
      return;
  }
}

/** The derivative of `code` at the point where it output `y`. */
export function gateDeriv(code: GateAct, y: number): number {
  switch (code) {
    case GateAct.Tanh:
      return 1 - y * y;
    case GateAct.Sigmoid:
      return y * (1 - y);
    case GateAct.Linear:
      return 1;
    case GateAct.Relu:
      return y > 0 ? 1 : 0;
    case GateAct.HardSigmoid:
      return y > 0 && y < 1 ? 1 / 6 : 0;
  }
}
