import { Tensor, record } from '@strata/tensor';
import { GateAct, activateRange, gateDeriv } from './gate-activations';
import { SequenceGrads } from './sequence-grads';

/** One SimpleRNN step's operands. */
export interface SimpleRnnStepArgs {
  seq: SequenceGrads;
  t: number;
  hPrev: Tensor;
  /** `hPrev · U` when the cell computes it (recurrent dropout); null: the step does. */
  hU: Tensor | null;
  act: GateAct;
}

/**
 * The fused SimpleRNN step: `h = act(proj[t] + bias + hPrev · U)`, `(batch, units)`. The backward
 * pass needs only `h` itself (the derivative is written in terms of the output).
 */
export function simpleRnnStep(a: SimpleRnnStepArgs): Tensor {
  const { seq, t, hPrev, hU, act } = a;
  const [batch, units] = hPrev.shape;
  const X = seq.projRows(t);
  const B = seq.biasRow(0);
  const HU = hU ? (hU.data as Float32Array) : seq.recurrentProduct(t, hPrev);
  const hOut = new Float32Array(batch * units);
  for (let b = 0; b < batch; b++) {
    const o = b * units;
    for (let j = 0; j < units; j++) hOut[o + j] = X[o + j] + HU[o + j] + B[j];
  }
  activateRange(act, hOut, 0, batch * units);
  const first = seq.claimFirst();
  return record(new Tensor(hOut, [batch, units], 'float32'), [...seq.inputs, hU ?? hPrev], (dh) => {
    const D = dh.data as Float32Array;
    const dz = seq.block(t);
    for (let k = 0; k < dz.length; k++) dz[k] = D[k] * gateDeriv(act, hOut[k]);
    const dhPrev = hU ? seq.recTensor(t) : seq.recurrentGrad(t);
    return [...(first ? seq.finish() : seq.none()), dhPrev];
  });
}
