import { ConvGeometry, inRows, outRows } from './conv-geometry';

// Pooling walks each output position's window directly, channels innermost (contiguous in
// channels_last), skipping the padded cells: they take part in neither the max nor the mean.

interface Window {
  n: number;
  d0: number;
  d1: number;
  h0: number;
  h1: number;
  w0: number;
  w1: number;
}

/** Calls `visit(row, window)` with each output row's window clipped to the input. */
function forEachWindow(g: ConvGeometry, visit: (r: number, win: Window) => void): void {
  const [iD, iH, iW] = g.inSize;
  const [oD, oH, oW] = g.outSize;
  const [kD, kH, kW] = g.kernelSize;
  const [sD, sH, sW] = g.strides;
  const [pD, pH, pW] = g.padBefore;
  const win: Window = { n: 0, d0: 0, d1: 0, h0: 0, h1: 0, w0: 0, w1: 0 };
  let r = 0;
  for (let n = 0; n < g.batch; n++) {
    win.n = n;
    for (let od = 0; od < oD; od++) {
      win.d0 = Math.max(od * sD - pD, 0);
      win.d1 = Math.min(od * sD - pD + kD, iD);
      for (let oh = 0; oh < oH; oh++) {
        win.h0 = Math.max(oh * sH - pH, 0);
        win.h1 = Math.min(oh * sH - pH + kH, iH);
        for (let ow = 0; ow < oW; ow++, r++) {
          win.w0 = Math.max(ow * sW - pW, 0);
          win.w1 = Math.min(ow * sW - pW + kW, iW);
          visit(r, win);
        }
      }
    }
  }
}

/** y[r, c] = max over the (unpadded) window of x[·, c]; NaN propagates, as in XLA. */
export function maxPoolForward(x: Float32Array, g: ConvGeometry): Float32Array {
  const C = g.inChannels;
  const [iD, iH, iW] = g.inSize;
  const y = new Float32Array(outRows(g) * C);
  y.fill(-Infinity);
  forEachWindow(g, (r, { n, d0, d1, h0, h1, w0, w1 }) => {
    const yb = r * C;
    for (let id = d0; id < d1; id++) {
      for (let ih = h0; ih < h1; ih++) {
        const row = ((n * iD + id) * iH + ih) * iW;
        for (let iw = w0; iw < w1; iw++) {
          const xb = (row + iw) * C;
          for (let c = 0; c < C; c++) {
            const v = x[xb + c];
            if (v > y[yb + c] || v !== v) y[yb + c] = v;
          }
        }
      }
    }
  });
  return y;
}

/** dx: each dy[r, c] goes to the first maximal element of its window (scan order d, h, w). */
export function maxPoolBackward(x: Float32Array, dy: Float32Array, g: ConvGeometry): Float32Array {
  const C = g.inChannels;
  const [iD, iH, iW] = g.inSize;
  const dx = new Float32Array(inRows(g) * C);
  const best = new Float32Array(C);
  const at = new Int32Array(C);
  forEachWindow(g, (r, { n, d0, d1, h0, h1, w0, w1 }) => {
    best.fill(-Infinity);
    at.fill(-1);
    for (let id = d0; id < d1; id++) {
      for (let ih = h0; ih < h1; ih++) {
        const row = ((n * iD + id) * iH + ih) * iW;
        for (let iw = w0; iw < w1; iw++) {
          const xb = (row + iw) * C;
          for (let c = 0; c < C; c++) {
            const v = x[xb + c];
            if (at[c] < 0 || v > best[c]) {
              best[c] = v;
              at[c] = xb + c;
            }
          }
        }
      }
    }
    const yb = r * C;
    for (let c = 0; c < C; c++) if (at[c] >= 0) dx[at[c]] += dy[yb + c];
  });
  return dx;
}

/** y[r, c] = mean over the window's unpadded cells of x[·, c]. */
export function avgPoolForward(x: Float32Array, g: ConvGeometry): Float32Array {
  const C = g.inChannels;
  const [iD, iH, iW] = g.inSize;
  const y = new Float32Array(outRows(g) * C);
  forEachWindow(g, (r, { n, d0, d1, h0, h1, w0, w1 }) => {
    const yb = r * C;
    for (let id = d0; id < d1; id++) {
      for (let ih = h0; ih < h1; ih++) {
        const row = ((n * iD + id) * iH + ih) * iW;
        for (let iw = w0; iw < w1; iw++) {
          const xb = (row + iw) * C;
          for (let c = 0; c < C; c++) y[yb + c] += x[xb + c];
        }
      }
    }
    // Divide (not multiply by a reciprocal) to round exactly as Keras's sum / count.
    const count = (d1 - d0) * (h1 - h0) * (w1 - w0);
    for (let c = 0; c < C; c++) y[yb + c] /= count;
  });
  return y;
}

/** dx: each dy[r, c] spread evenly over its window's unpadded cells. */
export function avgPoolBackward(dy: Float32Array, g: ConvGeometry): Float32Array {
  const C = g.inChannels;
  const [iD, iH, iW] = g.inSize;
  const dx = new Float32Array(inRows(g) * C);
  forEachWindow(g, (r, { n, d0, d1, h0, h1, w0, w1 }) => {
    const yb = r * C;
    const count = (d1 - d0) * (h1 - h0) * (w1 - w0);
    for (let id = d0; id < d1; id++) {
      for (let ih = h0; ih < h1; ih++) {
        const row = ((n * iD + id) * iH + ih) * iW;
        for (let iw = w0; iw < w1; iw++) {
          const xb = (row + iw) * C;
          for (let c = 0; c < C; c++) dx[xb + c] += dy[yb + c] / count;
        }
      }
    }
  });
  return dx;
}
