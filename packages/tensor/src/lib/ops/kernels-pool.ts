import { ConvGeometry, inRows, outRows } from './conv-geometry';

// Pooling walks each output position's window directly, channels innermost (contiguous in
// channels_last), over the window clipped to the input: padded cells take part in neither the
// max nor the mean. Each kernel spells out its own loop nest, because a shared visitor callback
// is megamorphic and costs V8 several times the arithmetic.

type Mode = 0 | 1; // 0: max, 1: average

/** The forward pass of max (mode 0) or average (mode 1) pooling. */
function poolForward(x: Float32Array, g: ConvGeometry, mode: Mode): Float32Array {
  const [iD, iH, iW] = g.inSize;
  const [oD, oH, oW] = g.outSize;
  const [kD, kH, kW] = g.kernelSize;
  const [sD, sH, sW] = g.strides;
  const [pD, pH, pW] = g.padBefore;
  const C = g.inChannels;
  const y = new Float32Array(outRows(g) * C);
  if (mode === 0) y.fill(-Infinity);
  let yb = 0;
  for (let n = 0; n < g.batch; n++) {
    for (let od = 0; od < oD; od++) {
      const d0 = Math.max(od * sD - pD, 0);
      const d1 = Math.min(od * sD - pD + kD, iD);
      for (let oh = 0; oh < oH; oh++) {
        const h0 = Math.max(oh * sH - pH, 0);
        const h1 = Math.min(oh * sH - pH + kH, iH);
        for (let ow = 0; ow < oW; ow++, yb += C) {
          const w0 = Math.max(ow * sW - pW, 0);
          const w1 = Math.min(ow * sW - pW + kW, iW);
          for (let id = d0; id < d1; id++) {
            for (let ih = h0; ih < h1; ih++) {
              const row = ((n * iD + id) * iH + ih) * iW;
              for (let iw = w0; iw < w1; iw++) {
                const xb = (row + iw) * C;
                if (mode === 0) {
                  for (let c = 0; c < C; c++) {
                    const v = x[xb + c];
                    // `v !== v` lets NaN win, as XLA's max does.
                    if (v > y[yb + c] || v !== v) y[yb + c] = v;
                  }
                } else {
                  for (let c = 0; c < C; c++) y[yb + c] += x[xb + c];
                }
              }
            }
          }
          if (mode === 1) {
            // Divide (not multiply by a reciprocal) to round exactly as Keras's sum / count.
            const count = (d1 - d0) * (h1 - h0) * (w1 - w0);
            for (let c = 0; c < C; c++) y[yb + c] /= count;
          }
        }
      }
    }
  }
  return y;
}

/** y[r, c] = max over the (unpadded) window of x[·, c]; NaN propagates. */
export function maxPoolForward(x: Float32Array, g: ConvGeometry): Float32Array {
  return poolForward(x, g, 0);
}

/** y[r, c] = mean over the window's unpadded cells of x[·, c]. */
export function avgPoolForward(x: Float32Array, g: ConvGeometry): Float32Array {
  return poolForward(x, g, 1);
}

/**
 * The input gradient of max (mode 0: each dy[r, c] goes to the first maximal element of its
 * window in scan order d, h, w) or average pooling (mode 1: dy[r, c] / count to every cell).
 */
function poolBackward(x: Float32Array, dy: Float32Array, g: ConvGeometry, mode: Mode): Float32Array {
  const [iD, iH, iW] = g.inSize;
  const [oD, oH, oW] = g.outSize;
  const [kD, kH, kW] = g.kernelSize;
  const [sD, sH, sW] = g.strides;
  const [pD, pH, pW] = g.padBefore;
  const C = g.inChannels;
  const dx = new Float32Array(inRows(g) * C);
  const best = new Float32Array(C);
  const at = new Int32Array(C);
  let yb = 0;
  for (let n = 0; n < g.batch; n++) {
    for (let od = 0; od < oD; od++) {
      const d0 = Math.max(od * sD - pD, 0);
      const d1 = Math.min(od * sD - pD + kD, iD);
      for (let oh = 0; oh < oH; oh++) {
        const h0 = Math.max(oh * sH - pH, 0);
        const h1 = Math.min(oh * sH - pH + kH, iH);
        for (let ow = 0; ow < oW; ow++, yb += C) {
          const w0 = Math.max(ow * sW - pW, 0);
          const w1 = Math.min(ow * sW - pW + kW, iW);
          const count = (d1 - d0) * (h1 - h0) * (w1 - w0);
          if (mode === 0) at.fill(-1);
          for (let id = d0; id < d1; id++) {
            for (let ih = h0; ih < h1; ih++) {
              const row = ((n * iD + id) * iH + ih) * iW;
              for (let iw = w0; iw < w1; iw++) {
                const xb = (row + iw) * C;
                if (mode === 0) {
                  for (let c = 0; c < C; c++) {
                    const v = x[xb + c];
                    if (at[c] < 0 || v > best[c]) {
                      best[c] = v;
                      at[c] = xb + c;
                    }
                  }
                } else {
                  for (let c = 0; c < C; c++) dx[xb + c] += dy[yb + c] / count;
                }
              }
            }
          }
          if (mode === 0) for (let c = 0; c < C; c++) dx[at[c]] += dy[yb + c];
        }
      }
    }
  }
  return dx;
}

/** The input gradient of max pooling (needs the forward input to find each window's maximum). */
export function maxPoolBackward(x: Float32Array, dy: Float32Array, g: ConvGeometry): Float32Array {
  return poolBackward(x, dy, g, 0);
}

/** The input gradient of average pooling. */
export function avgPoolBackward(dy: Float32Array, g: ConvGeometry): Float32Array {
  return poolBackward(new Float32Array(0), dy, g, 1);
}
