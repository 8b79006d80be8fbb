import { ConvGeometry } from './conv-geometry';

// Depthwise convolution (one input channel per group, M = out / in filters each): a gemm per
// channel would be (rows x taps) · (taps x M), far too thin to pay off, so these loops walk the
// window directly with the contiguous channel axis innermost. Output channel c * M + m reads
// input channel c, as Keras's depthwise kernel (taps, C, M) reshaped to (taps, 1, C * M).

type Visit = (r: number, tap: number, xb: number) => void;

/** Calls `visit(row, tap, xOffset)` for every output row and every window tap inside the input. */
function forEachTap(g: ConvGeometry, visit: Visit): void {
  const [iD, iH, iW] = g.inSize;
  const [oD, oH, oW] = g.outSize;
  const [kD, kH, kW] = g.kernelSize;
  const [sD, sH, sW] = g.strides;
  const [dD, dH, dW] = g.dilation;
  const [pD, pH, pW] = g.padBefore;
  const C = g.inChannels;
  let r = 0;
  for (let n = 0; n < g.batch; n++) {
    for (let od = 0; od < oD; od++) {
      for (let oh = 0; oh < oH; oh++) {
        for (let ow = 0; ow < oW; ow++, r++) {
          for (let kd = 0; kd < kD; kd++) {
            const id = od * sD - pD + kd * dD;
            if (id < 0 || id >= iD) continue;
            for (let kh = 0; kh < kH; kh++) {
              const ih = oh * sH - pH + kh * dH;
              if (ih < 0 || ih >= iH) continue;
              const xh = ((n * iD + id) * iH + ih) * iW;
              const tapBase = (kd * kH + kh) * kW;
              for (let kw = 0; kw < kW; kw++) {
                const iw = ow * sW - pW + kw * dW;
                if (iw < 0 || iw >= iW) continue;
                visit(r, tapBase + kw, (xh + iw) * C);
              }
            }
          }
        }
      }
    }
  }
}

/** y[r, c*M+m] = Σ_taps x[pos, c] · w[tap, c*M+m]; `y` must be zeroed. */
export function depthwiseForward(x: Float32Array, w: Float32Array, g: ConvGeometry, y: Float32Array): void {
  const C = g.inChannels;
  const Co = g.outChannels;
  const M = Co / C;
  if (M === 1) {
    forEachTap(g, (r, tap, xb) => {
      const yb = r * Co;
      const wb = tap * Co;
      for (let c = 0; c < C; c++) y[yb + c] += x[xb + c] * w[wb + c];
    });
    return;
  }
  forEachTap(g, (r, tap, xb) => {
    const yb = r * Co;
    const wb = tap * Co;
    for (let c = 0; c < C; c++) {
      const xv = x[xb + c];
      const o = c * M;
      for (let m = 0; m < M; m++) y[yb + o + m] += xv * w[wb + o + m];
    }
  });
}

/** dx[pos, c] += Σ_m dy[r, c*M+m] · w[tap, c*M+m]; `dx` must be zeroed. */
export function depthwiseInputGrad(dy: Float32Array, w: Float32Array, g: ConvGeometry, dx: Float32Array): void {
  const C = g.inChannels;
  const Co = g.outChannels;
  const M = Co / C;
  if (M === 1) {
    forEachTap(g, (r, tap, xb) => {
      const yb = r * Co;
      const wb = tap * Co;
      for (let c = 0; c < C; c++) dx[xb + c] += dy[yb + c] * w[wb + c];
    });
    return;
  }
  forEachTap(g, (r, tap, xb) => {
    const yb = r * Co;
    const wb = tap * Co;
    for (let c = 0; c < C; c++) {
      const o = c * M;
      let s = 0;
      for (let m = 0; m < M; m++) s += dy[yb + o + m] * w[wb + o + m];
      dx[xb + c] += s;
    }
  });
}

/** dw[tap, c*M+m] += Σ_rows x[pos, c] · dy[r, c*M+m]; `dw` must be zeroed. */
export function depthwiseKernelGrad(x: Float32Array, dy: Float32Array, g: ConvGeometry, dw: Float32Array): void {
  const C = g.inChannels;
  const Co = g.outChannels;
  const M = Co / C;
  if (M === 1) {
    forEachTap(g, (r, tap, xb) => {
      const yb = r * Co;
      const wb = tap * Co;
      for (let c = 0; c < C; c++) dw[wb + c] += x[xb + c] * dy[yb + c];
    });
    return;
  }
  forEachTap(g, (r, tap, xb) => {
    const yb = r * Co;
    const wb = tap * Co;
    for (let c = 0; c < C; c++) {
      const xv = x[xb + c];
      const o = c * M;
      for (let m = 0; m < M; m++) dw[wb + o + m] += xv * dy[yb + o + m];
    }
  });
}
