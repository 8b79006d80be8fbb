import { Tensor, matmul, noGrad } from '@strata/tensor';

/** What every step of one sequence shares. */
export interface SequenceOperands {
  /** Input projection `x · kernel` of all steps, time-major: `(time * batch, gates)`, row `t * batch + b`. */
  proj: Tensor;
  /** Bias added inside the step kernels: `(gates)`, or a GRU's `(2, gates)` (input row, recurrent row). */
  bias: Tensor | null;
  /** Recurrent kernel `(units, gates)` when each step computes `h · U` itself; null when the cell passes `hU` in. */
  kernel: Tensor | null;
  batch: number;
}

/**
 * The gradients of a sequence's shared operands (projection, bias, recurrent kernel), gathered
 * across the fused step ops and handed over once.
 *
 * Returning full-size gradients from every step would cost sequence-sized arrays per step and
 * as many additions. Instead each step's backward writes its rows of `dz` (the gradient of the
 * gate pre-activations) into one time-major buffer, and the step run *first* returns the
 * gradients of the shared operands: `dProj = dz`, `dBias = column sums`, and `dU = Hᵀ · dz` as ONE
 * product over all steps (`H` stacks the states each step read). Every later step consumes the
 * state that step produced, so reverse-mode autodiff visits it last, after all rows are written.
 * Rows of steps that received no gradient stay zero.
 */
export class SequenceGrads {
  readonly gates: number;
  /** The shared operands, first among each step op's inputs. */
  readonly inputs: Tensor[];
  private started = false;
  private dX: Float32Array | null = null;
  private dRec: Float32Array | null = null;
  private readonly states = new Map<number, Tensor>();
  private zeros: Float32Array | null = null;

  /** `separateRecurrent`: the recurrent product's `dz` differs from the projection's (a GRU with `resetAfter`). */
  constructor(readonly ops: SequenceOperands, private readonly separateRecurrent = false) {
    this.gates = ops.proj.shape[1];
    this.inputs = [ops.proj, ...(ops.bias ? [ops.bias] : []), ...(ops.kernel ? [ops.kernel] : [])];
  }

  /** True for the first step of the sequence (the one whose backward hands the gradients over). */
  claimFirst(): boolean {
    const first = !this.started;
    this.started = true;
    return first;
  }

  /** Row `r` of the bias (zeros without a bias). */
  biasRow(r: number): Float32Array {
    const b = this.ops.bias;
    if (b && (r === 0 || b.rank === 2)) return (b.data as Float32Array).subarray(r * this.gates, (r + 1) * this.gates);
    return (this.zeros ??= new Float32Array(this.gates));
  }

  /** Step `t`'s rows of the projection, `(batch, gates)`. */
  projRows(t: number): Float32Array {
    const n = this.ops.batch * this.gates;
    return (this.ops.proj.data as Float32Array).subarray(t * n, (t + 1) * n);
  }

  /** `hPrev · U` for step `t`, not recorded (the step's op differentiates it); `hPrev` is kept for `dU`. */
  recurrentProduct(t: number, hPrev: Tensor): Float32Array {
    const u = this.ops.kernel as Tensor;
    this.states.set(t, hPrev);
    return noGrad(() => matmul(hPrev, u)).data as Float32Array;
  }

  /** Step `t`'s rows of `dz` for the projection (time-major, so contiguous), written by its backward. */
  block(t: number): Float32Array {
    const n = this.ops.batch * this.gates;
    return (this.dX ??= new Float32Array(this.ops.proj.size)).subarray(t * n, (t + 1) * n);
  }

  /** Step `t`'s rows of `dz` for the recurrent product (the projection's unless `separateRecurrent`). */
  recBlock(t: number): Float32Array {
    if (!this.separateRecurrent) return this.block(t);
    const n = this.ops.batch * this.gates;
    return (this.dRec ??= new Float32Array(this.ops.proj.size)).subarray(t * n, (t + 1) * n);
  }

  /** Step `t`'s `dz` for the recurrent product as a `(batch, gates)` tensor (a view, read only). */
  recTensor(t: number): Tensor {
    return new Tensor(this.recBlock(t), [this.ops.batch, this.gates], 'float32');
  }

  /** `dhPrev` through step `t`'s own recurrent product: `dz_t · Uᵀ`, a fresh tensor. */
  recurrentGrad(t: number): Tensor {
    return matmul(this.recTensor(t), this.ops.kernel as Tensor, { transposeB: true });
  }

  /** No gradient for the shared operands (every step but the first). */
  none(): null[] {
    return this.inputs.map(() => null);
  }

  /** The shared operands' gradients, in `inputs` order; call after the first step wrote its rows. */
  finish(): (Tensor | null)[] {
    const { proj, bias, kernel, batch } = this.ops;
    const G = this.gates;
    const rows = proj.shape[0];
    const dX = this.dX ?? new Float32Array(proj.size);
    const dRec = this.separateRecurrent ? (this.dRec ?? new Float32Array(proj.size)) : dX;
    // A graph may be differentiated again: the next pass starts from fresh buffers.
    this.dX = null;
    this.dRec = null;
    const out: (Tensor | null)[] = [proj.tracked ? new Tensor(dX, proj.shape, 'float32') : null];
    if (bias) {
      if (bias.tracked) {
        const g = new Float32Array(bias.size);
        columnSums(dX, rows, G, g, 0);
        if (bias.rank === 2) columnSums(dRec, rows, G, g, G);
        out.push(new Tensor(g, bias.shape, 'float32'));
      } else out.push(null);
    }
    if (kernel) {
      if (kernel.tracked) {
        const units = kernel.shape[0];
        const H = new Float32Array(rows * units);
        for (const [t, h] of this.states) H.set(h.data as Float32Array, t * batch * units);
        out.push(matmul(new Tensor(H, [rows, units], 'float32'), new Tensor(dRec, proj.shape, 'float32'), { transposeA: true }));
      } else out.push(null);
    }
    return out;
  }
}

function columnSums(a: Float32Array, rows: number, cols: number, out: Float32Array, offset: number): void {
  for (let r = 0; r < rows; r++) {
    const o = r * cols;
    for (let j = 0; j < cols; j++) out[offset + j] += a[o + j];
  }
}

let scratch = new Float32Array(0);
let scratch2 = new Float32Array(0);

/**
 * A reusable array for values that only the backward pass needs (cached gates): outside a
 * gradient computation nothing keeps them, so the forward pass writes into shared scratch
 * instead of allocating per step. JavaScript is single-threaded and kernels never re-enter.
 */
export function cacheArray(n: number, recording: boolean, slot: 0 | 1 = 0): Float32Array {
  if (recording) return new Float32Array(n);
  if (slot === 0) {
    if (scratch.length < n) scratch = new Float32Array(n);
    return scratch;
  }
  if (scratch2.length < n) scratch2 = new Float32Array(n);
  return scratch2;
}
