import { ConvGeometry } from './conv-geometry';

// Depthwise convolution (one input channel per group, M = out / in filters each): a gemm per
// channel would be (rows x taps) · (taps x M), far too thin to pay off, so this walks the window
// directly with the contiguous channel axis innermost. Output channel c * M + m reads input
// channel c, as Keras's depthwise kernel (taps, C, M) reshaped to (taps, 1, C * M). One loop nest
// serves the three passes (a visitor callback would be megamorphic and cost more than the math).

type Pass = 0 | 1 | 2; // 0: forward y += x·w, 1: input grad dx += dy·w, 2: kernel grad dw += x·dy

function depthwise(pass: Pass, x: Float32Array, w: Float32Array, y: Float32Array, g: ConvGeometry): void {
  const [iD, iH, iW] = g.inSize;
  const [oD, oH, oW] = g.outSize;
  const [kD, kH, kW] = g.kernelSize;
  const [sD, sH, sW] = g.strides;
  const [dD, dH, dW] = g.dilation;
  const [pD, pH, pW] = g.padBefore;
  const C = g.inChannels;
  const Co = g.outChannels;
  const M = Co / C;
  let yb = 0;
  for (let n = 0; n < g.batch; n++) {
    for (let od = 0; od < oD; od++) {
      for (let oh = 0; oh < oH; oh++) {
        for (let ow = 0; ow < oW; ow++, yb += Co) {
          for (let kd = 0; kd < kD; kd++) {
            const id = od * sD - pD + kd * dD;
            if (id < 0 || id >= iD) continue;
            for (let kh = 0; kh < kH; kh++) {
              const ih = oh * sH - pH + kh * dH;
              if (ih < 0 || ih >= iH) continue;
              const xh = ((n * iD + id) * iH + ih) * iW;
              const tapRow = (kd * kH + kh) * kW;
              for (let kw = 0; kw < kW; kw++) {
                const iw = ow * sW - pW + kw * dW;
                if (iw < 0 || iw >= iW) continue;
                const xb = (xh + iw) * C;
                const wb = (tapRow + kw) * Co;
                if (M === 1) {
                  if (pass === 0) for (let c = 0; c < C; c++) y[yb + c] += x[xb + c] * w[wb + c];
                  else if (pass === 1) for (let c = 0; c < C; c++) x[xb + c] += y[yb + c] * w[wb + c];
                  else for (let c = 0; c < C; c++) w[wb + c] += x[xb + c] * y[yb + c];
                } else {
                  for (let c = 0, o = 0; c < C; c++, o += M) {
                    if (pass === 0) {
                      const xv = x[xb + c];
                      for (let m = 0; m < M; m++) y[yb + o + m] += xv * w[wb + o + m];
                    } else if (pass === 1) {
                      let s = 0;
                      for (let m = 0; m < M; m++) s += y[yb + o + m] * w[wb + o + m];
                      x[xb + c] += s;
                    } else {
                      const xv = x[xb + c];
                      for (let m = 0; m < M; m++) w[wb + o + m] += xv * y[yb + o + m];
                    }
                  }
                }
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
  depthwise(0, x, w, y, g);
}

/** dx[pos, c] += Σ_m dy[r, c*M+m] · w[tap, c*M+m]; `dx` must be zeroed. */
export function depthwiseInputGrad(dy: Float32Array, w: Float32Array, g: ConvGeometry, dx: Float32Array): void {
  depthwise(1, dx, w, dy, g);
}

/** dw[tap, c*M+m] += Σ_rows x[pos, c] · dy[r, c*M+m]; `dw` must be zeroed. */
export function depthwiseKernelGrad(x: Float32Array, dy: Float32Array, g: ConvGeometry, dw: Float32Array): void {
  depthwise(2, x, dw, dy, g);
}
