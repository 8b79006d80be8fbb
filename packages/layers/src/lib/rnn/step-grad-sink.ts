import { Tensor } from '@strata/tensor';

/**
 * Gathers the gradient of a projection that every time step reads (the input projection
 * `x · kernel + bias` of the whole sequence, shape `(batch * time, gates)`, row `b * time + t`).
 *
 * Returning a full-size gradient from each step's kernel would cost one sequence-sized array per
 * step (quadratic in the sequence length). Instead each step's backward writes its rows here and
 * only the step run *first* returns the whole buffer as the projection's gradient: every later
 * step consumes the state that step produced, so reverse-mode autodiff visits it last, after
 * all other rows are written. Rows of steps that received no gradient stay zero.
 */
export class StepGradSink {
  private buf: Float32Array | null = null;
  private started = false;

  constructor(readonly projection: Tensor) {}

  /** True for the first step of the sequence (the one whose backward hands the buffer over). */
  claimFirst(): boolean {
    const first = !this.started;
    this.started = true;
    return first;
  }

  /** Whether the projection's gradient is wanted at all. */
  get wanted(): boolean {
    return this.projection.tracked;
  }

  /** The buffer the steps write into, zero-filled at the start of each backward pass. */
  buffer(): Float32Array {
    return (this.buf ??= new Float32Array(this.projection.size));
  }

  /** Hands the completed gradient over and starts afresh (a graph may be differentiated twice). */
  take(): Tensor {
    const b = this.buffer();
    this.buf = null;
    return new Tensor(b, this.projection.shape, 'float32');
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
