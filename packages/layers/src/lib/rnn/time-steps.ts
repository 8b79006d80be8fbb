import { Tensor, record, zeros } from '@strata/tensor';

/**
 * Stacks per-step outputs `(batch, ...)` along a new time axis 1: `(batch, time, ...)`, as one
 * op (the library's `stack` would add an expand and a concat per step). The same tensor may
 * appear at several steps (a masked step repeats its predecessor); gradients then add up.
 */
export function stackSteps(steps: readonly Tensor[]): Tensor {
  const time = steps.length;
  const [batch, ...rest] = steps[0].shape;
  const width = steps[0].size / batch;
  const out = new Float32Array(batch * time * width);
  steps.forEach((s, t) => {
    const d = s.data as Float32Array;
    for (let b = 0; b < batch; b++) out.set(d.subarray(b * width, (b + 1) * width), (b * time + t) * width);
  });
  return record(new Tensor(out, [batch, time, ...rest], 'float32'), steps, (dy) => {
    const D = dy.data as Float32Array;
    return steps.map((s, t) => {
      const g = new Float32Array(batch * width);
      for (let b = 0; b < batch; b++) g.set(D.subarray((b * time + t) * width, (b * time + t + 1) * width), b * width);
      return new Tensor(g, s.shape, 'float32');
    });
  });
}

/**
 * Cuts a sequence `(batch, time, ...)` into steps `(batch, ...)` for cells without a fused path.
 * Slices must be taken in processing order. Their gradients go into one shared buffer (slicing
 * with the library's `slice` would give every step a full-size gradient, quadratic in time): each
 * slice also takes the previous one as an input, so autodiff visits the first slice last, and that
 * one hands the completed buffer to the sequence.
 */
export class StepSlicer {
  private readonly batch: number;
  private readonly time: number;
  private readonly width: number;
  private readonly stepShape: number[];
  private previous: Tensor | null = null;
  private buf: Float32Array | null = null;
  private zero: Tensor | null = null;

  constructor(private readonly seq: Tensor) {
    [this.batch, this.time] = seq.shape;
    this.stepShape = [this.batch, ...seq.shape.slice(2)];
    this.width = seq.size / (this.batch * this.time || 1);
  }

  /** The input at time index `t`, `(batch, ...)`. */
  slice(t: number): Tensor {
    const { batch, time, width, seq } = this;
    const src = seq.data as Float32Array;
    const out = new Float32Array(batch * width);
    for (let b = 0; b < batch; b++) out.set(src.subarray((b * time + t) * width, (b * time + t + 1) * width), b * width);
    const prev = this.previous;
    const inputs = prev ? [seq, prev] : [seq];
    const y = record(new Tensor(out, this.stepShape, 'float32'), inputs, (dy) => {
      const buf = (this.buf ??= new Float32Array(seq.size));
      const D = dy.data as Float32Array;
      for (let b = 0; b < batch; b++) buf.set(D.subarray(b * width, (b + 1) * width), (b * time + t) * width);
      if (prev) return [null, (this.zero ??= zeros(this.stepShape))];
      this.buf = null;
      return [new Tensor(buf, seq.shape, 'float32')];
    });
    this.previous = y;
    return y;
  }
}

/**
 * The mask `(batch, time)` as one `(batch, 1)` boolean column per time index, with a flag saying
 * whether every sample is kept (no blending needed) or none is (the step changes nothing).
 */
export function maskColumns(mask: Tensor, time: number): { column: Tensor; all: boolean; none: boolean }[] {
  const [batch] = mask.shape;
  const d = mask.data;
  return Array.from({ length: time }, (_, t) => {
    const col = new Uint8Array(batch);
    let kept = 0;
    for (let b = 0; b < batch; b++) {
      col[b] = d[b * time + t] ? 1 : 0;
      kept += col[b];
    }
    return { column: new Tensor(col, [batch, 1], 'bool'), all: kept === batch, none: kept === 0 };
  });
}
