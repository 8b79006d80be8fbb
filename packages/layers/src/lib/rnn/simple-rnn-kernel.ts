import { Tensor, record } from '@strata/tensor';
import { GateAct, activateRange, gateDeriv } from './gate-activations';
import { StepGradSink } from './step-grad-sink';

/** One SimpleRNN step's operands. */
export interface SimpleRnnStepArgs {
  /** Input projection of the sequence, `(batch * time, units)`, bias included. */
  proj: Tensor;
  time: number;
  t: number;
  /** `h · recurrentKernel`, `(batch, units)`. */
  hU: Tensor;
  act: GateAct;
  sink: StepGradSink;
}

/**
 * The fused SimpleRNN step: `h = act(proj[b * time + t] + hU)`, `(batch, units)`. The backward
 * pass needs only `h` itself (the derivative is written in terms of the output).
 */
export function simpleRnnStep(a: SimpleRnnStepArgs): Tensor {
  const { proj, time, t, hU, act, sink } = a;
  const [batch, units] = hU.shape;
  const X = proj.data as Float32Array;
  const HU = hU.data as Float32Array;
  const hOut = new Float32Array(batch * units);
  for (let b = 0; b < batch; b++) {
    const xo = (b * time + t) * units;
    const ho = b * units;
    for (let j = 0; j < units; j++) hOut[ho + j] = X[xo + j] + HU[ho + j];
  }
  activateRange(act, hOut, 0, batch * units);
  const first = sink.claimFirst();
  return record(new Tensor(hOut, [batch, units], 'float32'), [proj, hU], (dh) => {
    const D = dh.data as Float32Array;
    const dPre = new Float32Array(batch * units);
    for (let k = 0; k < dPre.length; k++) dPre[k] = D[k] * gateDeriv(act, hOut[k]);
    if (sink.wanted) {
      const buf = sink.buffer();
      for (let b = 0; b < batch; b++) buf.set(dPre.subarray(b * units, (b + 1) * units), (b * time + t) * units);
    }
    return [first && sink.wanted ? sink.take() : null, new Tensor(dPre, [batch, units], 'float32')];
  });
}
