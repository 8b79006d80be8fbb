import { Tensor, isRecording, record } from '@strata/tensor';
import { GateAct, activateRange, gateDeriv } from './gate-activations';
import { StepGradSink, cacheArray } from './step-grad-sink';

/** One LSTM step's operands: gates `z = proj[b * time + t] + hU` in Keras's order i, f, c, o. */
export interface LstmStepArgs {
  /** Input projection of the sequence, `(batch * time, 4 * units)`, bias included. */
  proj: Tensor;
  time: number;
  t: number;
  /** `h · recurrentKernel`, `(batch, 4 * units)`. */
  hU: Tensor;
  cPrev: Tensor;
  act: GateAct;
  rec: GateAct;
  sink: StepGradSink;
}

/**
 * The fused LSTM gate math of one step (Keras's `_compute_carry_and_output_fused`):
 * `i = rec(z_i)`, `f = rec(z_f)`, `c = f * cPrev + i * act(z_c)`, `o = rec(z_o)`, `h = o * act(c)`.
 * One loop over the gates forward; backward, `h`'s op leaves `dz_o` for `c`'s op, which then
 * writes all of `dz` at once (autodiff always runs `h`'s op first: it consumes `c`).
 * Returns `[h, c]`, each `(batch, units)`.
 */
export function lstmStep(a: LstmStepArgs): [Tensor, Tensor] {
  const { proj, time, t, hU, cPrev, act, rec, sink } = a;
  const [batch, units] = cPrev.shape;
  const G = 4 * units;
  const X = proj.data as Float32Array;
  const HU = hU.data as Float32Array;
  const CP = cPrev.data as Float32Array;
  const recording = isRecording();
  const gates = cacheArray(batch * G, recording, 0);
  const actC = cacheArray(batch * units, recording, 1);
  const cOut = new Float32Array(batch * units);
  const hOut = new Float32Array(batch * units);
  for (let b = 0; b < batch; b++) {
    const xo = (b * time + t) * G;
    const go = b * G;
    for (let j = 0; j < G; j++) gates[go + j] = X[xo + j] + HU[go + j];
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
  const first = sink.claimFirst();
  let dO: Float32Array | null = null;

  const c = record(new Tensor(cOut, [batch, units], 'float32'), [proj, hU, cPrev], (dc) => {
    const D = dc.data as Float32Array;
    const dG = new Float32Array(batch * G);
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
        dG[go + j] = d * g * gateDeriv(rec, i);
        dG[go + units + j] = d * CP[k] * gateDeriv(rec, f);
        dG[go + 2 * units + j] = d * i * gateDeriv(act, g);
        dG[go + 3 * units + j] = dO ? dO[k] : 0;
        dCp[k] = d * f;
      }
    }
    dO = null;
    if (sink.wanted) {
      const buf = sink.buffer();
      for (let b = 0; b < batch; b++) buf.set(dG.subarray(b * G, (b + 1) * G), (b * time + t) * G);
    }
    return [first && sink.wanted ? sink.take() : null, new Tensor(dG, [batch, G], 'float32'), new Tensor(dCp, [batch, units], 'float32')];
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
