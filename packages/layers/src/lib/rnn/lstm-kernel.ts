import { Tensor, isRecording, record } from '@strata/tensor';
import { GateAct, activateRange, gateDeriv } from './gate-activations';
import { SequenceGrads, cacheArray } from './sequence-grads';

/** One LSTM step's operands. Gates in Keras's order i, f, c, o: `z = proj[t] + bias + hPrev · U`. */
export interface LstmStepArgs {
  seq: SequenceGrads;
  t: number;
  hPrev: Tensor;
  cPrev: Tensor;
  /** `hPrev · U` when the cell computes it (per-gate recurrent dropout); null: the step does. */
  hU: Tensor | null;
  act: GateAct;
  rec: GateAct;
}

/**
 * The fused LSTM step (Keras's `_compute_carry_and_output_fused`): `i = rec(z_i)`, `f = rec(z_f)`,
 * `c = f * cPrev + i * act(z_c)`, `o = rec(z_o)`, `h = o * act(c)`. One loop over the gates
 * forward. Backward, `h`'s op leaves `dz_o` for `c`'s op (autodiff always runs `h`'s op first: it
 * consumes `c`), which writes all of `dz` into the sequence's buffer at once.
 * Returns `[h, c]`, each `(batch, units)`.
 */
export function lstmStep(a: LstmStepArgs): [Tensor, Tensor] {
  const { seq, t, hPrev, cPrev, hU, act, rec } = a;
  const [batch, units] = cPrev.shape;
  const G = 4 * units;
  const X = seq.projRows(t);
  const B = seq.biasRow(0);
  const HU = hU ? (hU.data as Float32Array) : seq.recurrentProduct(t, hPrev);
  const CP = cPrev.data as Float32Array;
  const recording = isRecording();
  const gates = cacheArray(batch * G, recording, 0);
  const actC = cacheArray(batch * units, recording, 1);
  const cOut = new Float32Array(batch * units);
  const hOut = new Float32Array(batch * units);
  for (let b = 0; b < batch; b++) {
    const go = b * G;
    for (let j = 0; j < G; j++) gates[go + j] = X[go + j] + HU[go + j] + B[j];
    activateRange(rec, gates, go, go + 2 * units);
    activateRange(act, gates, go + 2 * units, go + 3 * units);
    activateRange(rec, gates, go + 3 * units, go + G);
    const so = b * units;
    for (let j = 0; j < units; j++) {
      const c = gates[go + units + j] * CP[so + j] + gates[go + j] * gates[go + 2 * units + j];
      cOut[so + j] = c;
      actC[so + j] = c;
    }
    activateRange(act, actC, so, so + units);
    for (let j = 0; j < units; j++) hOut[so + j] = gates[go + 3 * units + j] * actC[so + j];
  }
  const first = seq.claimFirst();
  let dO: Float32Array | null = null;

  const inputs = [...seq.inputs, hU ?? hPrev, cPrev];
  const c = record(new Tensor(cOut, [batch, units], 'float32'), inputs, (dc) => {
    const D = dc.data as Float32Array;
    const dz = seq.block(t);
    const dCp = new Float32Array(batch * units);
    for (let b = 0; b < batch; b++) {
      const go = b * G;
      const so = b * units;
      for (let j = 0; j < units; j++) {
        const k = so + j;
        const i = gates[go + j];
        const f = gates[go + units + j];
        const g = gates[go + 2 * units + j];
        const d = D[k];
        dz[go + j] = d * g * gateDeriv(rec, i);
        dz[go + units + j] = d * CP[k] * gateDeriv(rec, f);
        dz[go + 2 * units + j] = d * i * gateDeriv(act, g);
        dz[go + 3 * units + j] = dO ? dO[k] : 0;
        dCp[k] = d * f;
      }
    }
    dO = null;
    const dh = hU ? seq.recTensor(t) : seq.recurrentGrad(t);
    return [...(first ? seq.finish() : seq.none()), dh, new Tensor(dCp, [batch, units], 'float32')];
  });

  const h = record(new Tensor(hOut, [batch, units], 'float32'), [c], (dh) => {
    const D = dh.data as Float32Array;
    const dC = new Float32Array(batch * units);
    dO = new Float32Array(batch * units);
    for (let b = 0; b < batch; b++) {
      const go = b * G + 3 * units;
      const so = b * units;
      for (let j = 0; j < units; j++) {
        const k = so + j;
        const o = gates[go + j];
        const ac = actC[k];
        dO[k] = D[k] * ac * gateDeriv(rec, o);
        dC[k] = D[k] * o * gateDeriv(act, ac);
      }
    }
    return [new Tensor(dC, [batch, units], 'float32')];
  });
  return [h, c];
}
