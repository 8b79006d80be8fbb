import { Tensor, isRecording, record } from '@strata/tensor';
import { GateAct, activateRange, gateDeriv } from './gate-activations';
import { SequenceGrads, cacheArray } from './sequence-grads';

/** Operands shared by the GRU step kernels; gates in Keras's order z, r, h. */
interface GruCommon {
  seq: SequenceGrads;
  t: number;
  hPrev: Tensor;
  act: GateAct;
  rec: GateAct;
}

/** A `reset_after=True` step (`seq` keeps the recurrent `dz` separately; bias `(2, 3u)`). */
export interface GruStepArgs extends GruCommon {
  /** `hPrev · U` when the cell computes it (per-gate recurrent dropout); null: the step does. */
  hU: Tensor | null;
}

/**
 * The fused GRU step with `reset_after=True` (Keras's default, cuDNN's formulation):
 * `z = rec(x_z + u_z)`, `r = rec(x_r + u_r)`, `hh = act(x_h + r * u_h)`, `h = z * hPrev + (1 - z) * hh`,
 * where `x = proj[t] + inputBias` and `u = hPrev · U + recurrentBias`. Returns `h`, `(batch, units)`.
 */
export function gruStep(a: GruStepArgs): Tensor {
  const { seq, t, hPrev, hU, act, rec } = a;
  const [batch, units] = hPrev.shape;
  const G = 3 * units;
  const X = seq.projRows(t);
  const IB = seq.biasRow(0);
  const RB = seq.biasRow(1);
  const HU = hU ? (hU.data as Float32Array) : seq.recurrentProduct(t, hPrev);
  const HP = hPrev.data as Float32Array;
  const gates = cacheArray(batch * G, isRecording());
  const hOut = new Float32Array(batch * units);
  for (let b = 0; b < batch; b++) {
    const go = b * G;
    for (let j = 0; j < 2 * units; j++) gates[go + j] = X[go + j] + IB[j] + HU[go + j] + RB[j];
    activateRange(rec, gates, go, go + 2 * units);
    for (let j = 2 * units; j < G; j++) gates[go + j] = X[go + j] + IB[j] + gates[go + j - units] * (HU[go + j] + RB[j]);
    activateRange(act, gates, go + 2 * units, go + G);
    for (let j = 0; j < units; j++) {
      const z = gates[go + j];
      hOut[b * units + j] = z * HP[b * units + j] + (1 - z) * gates[go + 2 * units + j];
    }
  }
  const first = seq.claimFirst();
  const inputs = [...seq.inputs, hPrev, ...(hU ? [hU] : [])];
  return record(new Tensor(hOut, [batch, units], 'float32'), inputs, (dh) => {
    const D = dh.data as Float32Array;
    const dX = seq.block(t);
    const dR = seq.recBlock(t);
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
        dX[go + j] = dR[go + j] = dz;
        dX[go + units + j] = dR[go + units + j] = dr;
        dX[go + 2 * units + j] = dhh;
        dR[go + 2 * units + j] = dhh * r;
      }
    }
    // dhPrev: through the recurrent product (unless the cell made it), plus the direct z * dh.
    const dHp = hU ? new Tensor(new Float32Array(batch * units), [batch, units], 'float32') : seq.recurrentGrad(t);
    const dHpData = dHp.data as Float32Array;
    for (let b = 0; b < batch; b++) {
      for (let j = 0; j < units; j++) dHpData[b * units + j] += D[b * units + j] * gates[b * G + j];
    }
    return [...(first ? seq.finish() : seq.none()), dHp, ...(hU ? [seq.recTensor(t)] : [])];
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
  const { seq, t, hUzr, hPrev, hForReset, act, rec } = a;
  const [batch, units] = hPrev.shape;
  const G = 3 * units;
  const X = seq.projRows(t);
  const IB = seq.biasRow(0);
  const HU = hUzr.data as Float32Array;
  const HR = hForReset.data as Float32Array;
  const HP = hPrev.data as Float32Array;
  const recording = isRecording();
  const zr = cacheArray(batch * 2 * units, recording, 0);
  const rhOut = new Float32Array(batch * units);
  for (let b = 0; b < batch; b++) {
    const go = b * 2 * units;
    for (let j = 0; j < 2 * units; j++) zr[go + j] = X[b * G + j] + IB[j] + HU[go + j];
    activateRange(rec, zr, go, go + 2 * units);
    for (let j = 0; j < units; j++) rhOut[b * units + j] = zr[go + units + j] * HR[b * units + j];
  }
  const first = seq.claimFirst();
  let dzStash: Float32Array | null = null;

  const rh = record(new Tensor(rhOut, [batch, units], 'float32'), [...seq.inputs, hUzr, hForReset], (drh) => {
    const D = drh.data as Float32Array;
    const dX = seq.block(t);
    const dZR = new Float32Array(batch * 2 * units);
    const dHR = new Float32Array(batch * units);
    for (let b = 0; b < batch; b++) {
      const go = b * 2 * units;
      for (let j = 0; j < units; j++) {
        const k = b * units + j;
        const r = zr[go + units + j];
        dX[b * G + j] = dZR[go + j] = dzStash ? dzStash[k] : 0;
        dX[b * G + units + j] = dZR[go + units + j] = D[k] * HR[k] * gateDeriv(rec, r);
        dHR[k] = D[k] * r;
      }
    }
    dzStash = null;
    return [...(first ? seq.finish() : seq.none()), new Tensor(dZR, [batch, 2 * units], 'float32'), new Tensor(dHR, [batch, units], 'float32')];
  });

  const finish = (hUh: Tensor): Tensor => {
    const UH = hUh.data as Float32Array;
    const hh = cacheArray(batch * units, recording, 1);
    const hOut = new Float32Array(batch * units);
    for (let b = 0; b < batch; b++) {
      for (let j = 0; j < units; j++) hh[b * units + j] = X[b * G + 2 * units + j] + IB[2 * units + j] + UH[b * units + j];
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
      const dX = seq.block(t);
      const dHh = new Float32Array(batch * units);
      const dHp = new Float32Array(batch * units);
      dzStash = new Float32Array(batch * units);
      for (let b = 0; b < batch; b++) {
        for (let j = 0; j < units; j++) {
          const k = b * units + j;
          const z = zr[b * 2 * units + j];
          dX[b * G + 2 * units + j] = dHh[k] = D[k] * (1 - z) * gateDeriv(act, hh[k]);
          dzStash[k] = D[k] * (HP[k] - hh[k]) * gateDeriv(rec, z);
          dHp[k] = D[k] * z;
        }
      }
      return [new Tensor(dHh, [batch, units], 'float32'), new Tensor(dHp, [batch, units], 'float32')];
    });
  };
  return { rh, finish };
}
