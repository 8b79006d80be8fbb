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

/** Applies `code` in place to `a[start..end)`; one tight loop per activation. */
export function activateRange(code: GateAct, a: Float32Array, start: number, end: number): void {
  switch (code) {
    case GateAct.Tanh:
      for (let i = start; i < end; i++) a[i] = Math.tanh(a[i]);
      return;
    case GateAct.Sigmoid:
      for (let i = start; i < end; i++) a[i] = 1 / (1 + Math.exp(-a[i]));
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
