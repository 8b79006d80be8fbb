import { ConvGeometry } from './conv-geometry';

/**
 * Copies the receptive fields of output rows [r0, r1) into `cols`, one row per output position
 * laid out as (kd, kh, kw, c) for channels [c0, c0 + cg): the same order as the rows of a Keras
 * kernel reshaped to (taps * cg, filters). Padding cells become zeros.
 */
export function im2col(
  x: Float32Array,
  g: ConvGeometry,
  r0: number,
  r1: number,
  c0: number,
  cg: number,
  cols: Float32Array,
): void {
  const [iD, iH, iW] = g.inSize;
  const [oD, oH, oW] = g.outSize;
  const [kD, kH, kW] = g.kernelSize;
  const [sD, sH, sW] = g.strides;
  const [dD, dH, dW] = g.dilation;
  const [pD, pH, pW] = g.padBefore;
  const C = g.inChannels;
  const planeLen = kH * kW * cg;
  const lineLen = kW * cg;
  let ow = r0 % oW;
  let t = (r0 - ow) / oW;
  let oh = t % oH;
  t = (t - oh) / oH;
  let od = t % oD;
  let n = (t - od) / oD;
  let p = 0;
  for (let r = r0; r < r1; r++) {
    const d0 = od * sD - pD;
    const h0 = oh * sH - pH;
    const w0 = ow * sW - pW;
    for (let kd = 0; kd < kD; kd++) {
      const id = d0 + kd * dD;
      if (id < 0 || id >= iD) {
        cols.fill(0, p, p + planeLen);
        p += planeLen;
        continue;
      }
      const xd = (n * iD + id) * iH;
      for (let kh = 0; kh < kH; kh++) {
        const ih = h0 + kh * dH;
        if (ih < 0 || ih >= iH) {
          cols.fill(0, p, p + lineLen);
          p += lineLen;
          continue;
        }
        const xh = (xd + ih) * iW;
        for (let kw = 0; kw < kW; kw++) {
          const iw = w0 + kw * dW;
          if (iw < 0 || iw >= iW) {
            for (let c = 0; c < cg; c++) cols[p + c] = 0;
          } else {
            const src = (xh + iw) * C + c0;
            for (let c = 0; c < cg; c++) cols[p + c] = x[src + c];
          }
          p += cg;
        }
      }
    }
    if (++ow === oW) {
      ow = 0;
      if (++oh === oH) {
        oh = 0;
        if (++od === oD) {
          od = 0;
          n++;
        }
      }
    }
  }
}

/** The adjoint of `im2col`: adds each receptive-field row of `cols` back into `dx`. */
export function col2im(
  cols: Float32Array,
  g: ConvGeometry,
  r0: number,
  r1: number,
  c0: number,
  cg: number,
  dx: Float32Array,
): void {
  const [iD, iH, iW] = g.inSize;
  const [oD, oH, oW] = g.outSize;
  const [kD, kH, kW] = g.kernelSize;
  const [sD, sH, sW] = g.strides;
  const [dD, dH, dW] = g.dilation;
  const [pD, pH, pW] = g.padBefore;
  const C = g.inChannels;
  const planeLen = kH * kW * cg;
  const lineLen = kW * cg;
  let ow = r0 % oW;
  let t = (r0 - ow) / oW;
  let oh = t % oH;
  t = (t - oh) / oH;
  let od = t % oD;
  let n = (t - od) / oD;
  let p = 0;
  for (let r = r0; r < r1; r++) {
    const d0 = od * sD - pD;
    const h0 = oh * sH - pH;
    const w0 = ow * sW - pW;
    for (let kd = 0; kd < kD; kd++) {
      const id = d0 + kd * dD;
      if (id < 0 || id >= iD) {
        p += planeLen;
        continue;
      }
      const xd = (n * iD + id) * iH;
      for (let kh = 0; kh < kH; kh++) {
        const ih = h0 + kh * dH;
        if (ih < 0 || ih >= iH) {
          p += lineLen;
          continue;
        }
        const xh = (xd + ih) * iW;
        for (let kw = 0; kw < kW; kw++) {
          const iw = w0 + kw * dW;
          if (iw >= 0 && iw < iW) {
            const dst = (xh + iw) * C + c0;
            for (let c = 0; c < cg; c++) dx[dst + c] += cols[p + c];
          }
          p += cg;
        }
      }
    }
    if (++ow === oW) {
      ow = 0;
      if (++oh === oH) {
        oh = 0;
        if (++od === oD) {
          od = 0;
          n++;
        }
      }
    }
  }
}

/** True when im2col would copy `x` unchanged: a 1x1 window, stride 1, no padding. */
export function isPointwise(g: ConvGeometry): boolean {
  for (let i = 0; i < 3; i++) {
    if (g.kernelSize[i] !== 1 || g.strides[i] !== 1 || g.padBefore[i] !== 0 || g.inSize[i] !== g.outSize[i]) return false;
  }
  return g.groups === 1;
}
