import { Tensor, where, zeros } from '@strata/tensor';
import { maskColumns, stackSteps } from './time-steps';

/** One step of the loop: the input at time index `t` and the states → `[output, newStates]`. */
export type StepFunction = (t: number, states: Tensor[]) => [Tensor, Tensor[]];

/** Options of `runTimeLoop`, as Keras's `backend.rnn`. */
export interface TimeLoopOptions {
  time: number;
  outputShape: number[];
  goBackwards: boolean;
  returnSequences: boolean;
  zeroOutputForMask: boolean;
  /** `(batch, time)`, true where a step counts; `null` when every step counts. */
  mask: Tensor | null;
}

/** What the loop returns: the last output, the stacked outputs (when asked), the final states. */
export interface TimeLoopResult {
  last: Tensor;
  outputs: Tensor | null;
  states: Tensor[];
}

/**
 * Runs `step` over the time axis as Keras's `backend.rnn` (JAX's `lax.scan` path): a sample whose
 * step is masked keeps its previous states, and outputs its previous first state (or zeros with
 * `zeroOutputForMask`). With `goBackwards` the steps run from last to first and the outputs come
 * out in that (reversed) order. Gradients flow through every step by autodiff.
 */
export function runTimeLoop(step: StepFunction, initial: Tensor[], o: TimeLoopOptions): TimeLoopResult {
  const columns = o.mask ? maskColumns(o.mask, o.time) : null;
  let states = initial;
  let last = initial[0]; // replaced at the first step (there is at least one)
  const outputs: Tensor[] = [];
  for (let s = 0; s < o.time; s++) {
    const t = o.goBackwards ? o.time - 1 - s : s;
    const m = columns ? columns[t] : null;
    let out: Tensor;
    if (m && m.none) {
      // Every sample keeps its states: the step's result would be discarded, so it is not computed.
      out = o.zeroOutputForMask ? zeros(o.outputShape) : states[0];
    } else {
      const [y, next] = step(t, states);
      if (!m || m.all) {
        out = y;
        states = next;
      } else {
        const keep = m.column;
        const blended = next.map((n, i) => where(keep, n, states[i]));
        if (o.zeroOutputForMask) out = where(keep, y, 0);
        else out = y === next[0] ? blended[0] : where(keep, y, states[0]);
        states = blended;
      }
    }
    if (o.returnSequences) outputs.push(out);
    last = out;
  }
  return { last, outputs: o.returnSequences ? stackSteps(outputs) : null, states };
}
