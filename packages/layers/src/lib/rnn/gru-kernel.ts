import { Tensor, isRecording, record } from '@strata/tensor';
import { GateAct, activateRange, gateDeriv } from './gate-activations';
import { StepGradSink, cacheArray } from './step-grad-sink';

/** Operands shared by the GRU step kernels; the projection's gates are in Keras's order z, r, h. */
interface GruCommon {
  /** Input projection of the sequence, `(batch * time, 3 * units)`, input bias included. */
  proj: Tensor;
  time: number;
  t: number;
  hPrev: Tensor;
  act: GateAct;
  rec: GateAct;
  sink: StepGradSink;
}

/** A `reset_after=True` step: `hU = h · recurrentKernel`, `(batch, 3 * units)`, plus the recurrent bias row. */
export interface GruStepArgs extends GruCommon {
  hU: Tensor;
  recBias: Tensor | null;
}

function writeRows(sink: StepGradSink, dX: Float32Array, batch: number, width: number, offset: number, time: number, t: number, G: number): void {
  if (!sink.wanted) return;
  const buf = sink.buffer();
  for (let b = 0; b < batch; b++) buf.set(dX.subarray(b * width, (b + 1) * width), (b * time + t) * G + offset);
}

/**
 * The fused GRU step with `reset_after=True` (Keras's default, cuDNN's formulation):
 * `z = rec(x_z + u_z)`, `r = rec(x_r + u_r)`, `hh = act(x_h + r * u_h)`, `h = z * hPrev + (1 - z) * hh`,
 * where `u = h · recurrentKernel + recurrentBias`. Returns `h`, `(batch, units)`.
 */
export function gruStep(a: GruStepArgs): Tensor {
  const { proj, time, t, hU, hPrev, recBias, act, rec, sink } = a;
  const [batch, units] = hPrev.shape;
  const G = 3 * units;
  const X = proj.data as Float32Array;
  const HU = hU.data as Float32Array;
  const HP = hPrev.data as Float32Array;
  const RB = recBias ? (recBias.data as Float32Array) : new Float32Array(G);
  const gates = cacheArray(batch * G, isRecording());
  const hOut = new Float32Array(batch * units);
  for (let b = 0; b < batch; b++) {
    const xo = (b * time + t) * G;
    const go = b * G;
    for (let j = 0; j < 2 * units; j++) gates[go + j] = X[xo + j] + HU[go + j] + RB[j];
    activateRange(rec, gates, go, go + 2 * units);
    for (let j = 2 * units; j < G; j++) gates[go + j] = X[xo + j] + gates[go + j - units] * (HU[go + j] + RB[j]);
    activateRange(act, gates, go + 2 * units, go + G);
    for (let j = 0; j < units; j++) {
      const z = gates[go + j];
      hOut[b * units + j] = z * HP[b * units + j] + (1 - z) * gates[go + 2 * units + j];
    }
  }
  const first = sink.claimFirst();
  const inputs = recBias ? [proj, hU, hPrev, recBias] : [proj, hU, hPrev];
  return record(new Tensor(hOut, [batch, units], 'float32'), inputs, (dh) => {
    const D = dh.data as Float32Array;
    const dHU = new Float32Array(batch * G);
    const dX = new Float32Array(batch * G);
    const dHp = new Float32Array(batch * units);
    const dRb = new Float32Array(G);
    for (let b = 0; b < batch; b++) {
      const go = b * G;
      for (let j = 0; j < units; j++) {
        const k = b * units + j;
        const z = gates[go + j];
        const r = gates[go + units + j];
        const hh = gates[go + 2 * units + j];
        const uh = HU[go + 2 * units + j] + RB[2 * units + j];
        const dhh = D[k] * (1 - z) * gateDeriv(act, hh);
        const dz = D[k] * (HP[k] - hh) * gateDeriv(rec, z);
        const dr = dhh * uh * gateDeriv(rec, r);
        dX[go + j] = dHU[go + j] = dz;
        dX[go + units + j] = dHU[go + units + j] = dr;
        dX[go + 2 * units + j] = dhh;
        dHU[go + 2 * units + j] = dhh * r;
        dHp[k] = D[k] * z;
      }
      for (let j = 0; j < G; j++) dRb[j] += dHU[go + j];
    }
    writeRows(sink, dX, batch, G, 0, time, t, G);
    const grads = [
      first && sink.wanted ? sink.take() : null,
      new Tensor(dHU, [batch, G], 'float32'),
      new Tensor(dHp, [batch, units], 'float32'),
    ];
    if (recBias) grads.push(new Tensor(dRb, [G], 'float32'));
    return grads;
  });
}

/** The first half of a `reset_after=False` step: `hUzr = h · recurrentKernel[:, :2u]`, `(batch, 2 * units)`. */
export interface GruGatesArgs extends GruCommon {
  hUzr: Tensor;
  /** The state the reset gate multiplies (`hPrev`, or its recurrent-dropout copy). */
  hForReset: Tensor;
}

/** What the first half hands to the second: `r * hForReset`, and the update gate. */
export interface GruGates {
  rh: Tensor;
  finish(hUh: Tensor): Tensor;
}

/**
 * The fused GRU step with `reset_after=False` (Keras 2's and tfjs's default): the candidate needs
 * `(r * hPrev) · recurrentKernel[:, 2u:]`, a second product inside the step, so the step is two
 * kernels around it. `gates` computes `z`, `r` and `rh = r * hForReset`; `finish(rh · U_h)` computes
 * `hh = act(x_h + rh · U_h)` and `h = z * hPrev + (1 - z) * hh`. Backward, `finish`'s op runs first
 * (it consumes `rh` through the product) and leaves `dz` for the gates' op.
 */
export function gruGates(a: GruGatesArgs): GruGates {
  const { proj, time, t, hUzr, hPrev, hForReset, act, rec, sink } = a;
  const [batch, units] = hPrev.shape;
  const G = 3 * units;
  const X = proj.data as Float32Array;
  const HU = hUzr.data as Float32Array;
  const HR = hForReset.data as Float32Array;
  const HP = hPrev.data as Float32Array;
  const recording = isRecording();
  const zr = cacheArray(batch * 2 * units, recording, 0);
  const rhOut = new Float32Array(batch * units);
  for (let b = 0; b < batch; b++) {
    const xo = (b * time + t) * G;
    const go = b * 2 * units;
    for (let j = 0; j < 2 * units; j++) zr[go + j] = X[xo + j] + HU[go + j];
    activateRange(rec, zr, go, go + 2 * units);
    for (let j = 0; j < units; j++) rhOut[b * units + j] = zr[go + units + j] * HR[b * units + j];
  }
  const first = sink.claimFirst();
  let dzStash: Float32Array | null = null;

  const rh = record(new Tensor(rhOut, [batch, units], 'float32'), [proj, hUzr, hForReset], (drh) => {
    const D = drh.data as Float32Array;
    const dZR = new Float32Array(batch * 2 * units);
    const dHR = new Float32Array(batch * units);
    for (let b = 0; b < batch; b++) {
      const go = b * 2 * units;
      for (let j = 0; j < units; j++) {
        const k = b * units + j;
        const r = zr[go + units + j];
        dZR[go + j] = dzStash ? dzStash[k] : 0;
        dZR[go + units + j] = D[k] * HR[k] * gateDeriv(rec, r);
        dHR[k] = D[k] * r;
      }
    }
    dzStash = null;
    writeRows(sink, dZR, batch, 2 * units, 0, time, t, G);
    return [first && sink.wanted ? sink.take() : null, new Tensor(dZR, [batch, 2 * units], 'float32'), new Tensor(dHR, [batch, units], 'float32')];
  });

  const finish = (hUh: Tensor): Tensor => {
    const UH = hUh.data as Float32Array;
    const hh = cacheArray(batch * units, recording, 1);
    const hOut = new Float32Array(batch * units);
    for (let b = 0; b < batch; b++) {
      const xo = (b * time + t) * G + 2 * units;
      for (let j = 0; j < units; j++) hh[b * units + j] = X[xo + j] + UH[b * units + j];
    }
    activateRange(act, hh, 0, batch * units);
    for (let b = 0; b < batch; b++) {
      for (let j = 0; j < units; j++) {
        const k = b * units + j;
        const z = zr[b * 2 * units + j];
        hOut[k] = z * HP[k] + (1 - z) * hh[k];
      }
    }
    return record(new Tensor(hOut, [batch, units], 'float32'), [hUh, hPrev], (dh) => {
      const D = dh.data as Float32Array;
      const dHh = new Float32Array(batch * units);
      const dHp = new Float32Array(batch * units);
      dzStash = new Float32Array(batch * units);
      for (let b = 0; b < batch; b++) {
        for (let j = 0; j < units; j++) {
          const k = b * units + j;
          const z = zr[b * 2 * units + j];
          dHh[k] = D[k] * (1 - z) * gateDeriv(act, hh[k]);
          dzStash[k] = D[k] * (HP[k] - hh[k]) * gateDeriv(rec, z);
          dHp[k] = D[k] * z;
        }
      }
      writeRows(sink, dHh, batch, units, 2 * units, time, t, G);
      return [new Tensor(dHh, [batch, units], 'float32'), new Tensor(dHp, [batch, units], 'float32')];
    });
  };
  return { rh, finish };
}
