import { ConvGeometry, inRows, outRows, taps } from './conv-geometry';
import { depthwiseForward, depthwiseInputGrad, depthwiseKernelGrad } from './kernels-conv-depthwise';
import { col2im, im2col, isPointwise } from './kernels-conv-im2col';
import { gemm } from './kernels-matmul';

// The im2col matrix is built for a chunk of output rows at a time, so memory stays bounded for
// any batch; the buffers live across calls because a training loop asks for the same sizes again.
let chunkFloats = 1 << 20;
let colsBuf = new Float32Array(0);
let tmpBuf = new Float32Array(0);

function colsScratch(n: number): Float32Array {
  if (colsBuf.length < n) colsBuf = new Float32Array(n);
  return colsBuf;
}

function tmpScratch(n: number): Float32Array {
  if (tmpBuf.length < n) tmpBuf = new Float32Array(n);
  return tmpBuf;
}

/** Rows per chunk so that a chunk's cols (and per-group temporaries) stay near `chunkFloats`. */
function chunkRows(rows: number, rowFloats: number): number {
  return Math.max(1, Math.min(rows, Math.floor(chunkFloats / Math.max(rowFloats, 1))));
}

/** @internal Sets the im2col chunk budget in floats (tests use tiny chunks); returns the previous one. */
export function setConvChunkFloats(n: number): number {
  const prev = chunkFloats;
  chunkFloats = n;
  return prev;
}

/** A depthwise layout: one input channel per group, handled by direct loops instead of gemm. */
function isDepthwise(g: ConvGeometry): boolean {
  return g.groups > 1 && g.groups === g.inChannels;
}

/** Splits the Keras kernel (taps, cg, out) into per-group contiguous (taps * cg, og) blocks. */
function packGroups(w: Float32Array, g: ConvGeometry): Float32Array {
  const G = g.groups;
  const og = g.outChannels / G;
  const kk = w.length / g.outChannels;
  const packed = new Float32Array(w.length);
  for (let gi = 0; gi < G; gi++) {
    const base = gi * kk * og;
    for (let row = 0; row < kk; row++) {
      const src = row * g.outChannels + gi * og;
      const dst = base + row * og;
      for (let j = 0; j < og; j++) packed[dst + j] = w[src + j];
    }
  }
  return packed;
}

/** y = conv(x, w): the forward convolution, y of shape (rows, out). */
export function convForward(x: Float32Array, w: Float32Array, g: ConvGeometry): Float32Array {
  const rows = outRows(g);
  const Co = g.outChannels;
  const y = new Float32Array(rows * Co);
  if (rows === 0) return y;
  if (isDepthwise(g)) {
    depthwiseForward(x, w, g, y);
    return y;
  }
  const G = g.groups;
  const cg = g.inChannels / G;
  const og = Co / G;
  const kkc = taps(g) * cg;
  if (isPointwise(g)) {
    gemm(rows, Co, kkc, x, 0, false, w, 0, false, y, 0, false);
    return y;
  }
  const step = chunkRows(rows, kkc + (G > 1 ? og : 0));
  const cols = colsScratch(step * kkc);
  if (G === 1) {
    for (let r0 = 0; r0 < rows; r0 += step) {
      const m = Math.min(step, rows - r0);
      im2col(x, g, r0, r0 + m, 0, cg, cols);
      gemm(m, Co, kkc, cols, 0, false, w, 0, false, y, r0 * Co, false);
    }
    return y;
  }
  const packed = packGroups(w, g);
  const tmp = tmpScratch(step * og);
  for (let r0 = 0; r0 < rows; r0 += step) {
    const m = Math.min(step, rows - r0);
    for (let gi = 0; gi < G; gi++) {
      im2col(x, g, r0, r0 + m, gi * cg, cg, cols);
      gemm(m, og, kkc, cols, 0, false, packed, gi * kkc * og, false, tmp, 0, false);
      for (let i = 0; i < m; i++) {
        const dst = (r0 + i) * Co + gi * og;
        const src = i * og;
        for (let j = 0; j < og; j++) y[dst + j] = tmp[src + j];
      }
    }
  }
  return y;
}

/** Copies group `gi`'s columns of dy rows [r0, r0 + m) into the contiguous (m, og) `out`. */
function gatherGroup(dy: Float32Array, Co: number, r0: number, m: number, gi: number, og: number, out: Float32Array): void {
  for (let i = 0; i < m; i++) {
    const src = (r0 + i) * Co + gi * og;
    const dst = i * og;
    for (let j = 0; j < og; j++) out[dst + j] = dy[src + j];
  }
}

/** dx = dL/dx of the forward convolution: col2im(dy · wᵀ). */
export function convInputGrad(dy: Float32Array, w: Float32Array, g: ConvGeometry): Float32Array {
  const rows = outRows(g);
  const C = g.inChannels;
  const Co = g.outChannels;
  const dx = new Float32Array(inRows(g) * C);
  if (rows === 0 || dx.length === 0) return dx;
  if (isDepthwise(g)) {
    depthwiseInputGrad(dy, w, g, dx);
    return dx;
  }
  const G = g.groups;
  const cg = C / G;
  const og = Co / G;
  const kkc = taps(g) * cg;
  if (isPointwise(g)) {
    gemm(rows, C, Co, dy, 0, false, w, 0, true, dx, 0, false);
    return dx;
  }
  const step = chunkRows(rows, kkc + (G > 1 ? og : 0));
  const dcols = colsScratch(step * kkc);
  if (G === 1) {
    for (let r0 = 0; r0 < rows; r0 += step) {
      const m = Math.min(step, rows - r0);
      gemm(m, kkc, Co, dy, r0 * Co, false, w, 0, true, dcols, 0, false);
      col2im(dcols, g, r0, r0 + m, 0, cg, dx);
    }
    return dx;
  }
  const packed = packGroups(w, g);
  const dyg = tmpScratch(step * og);
  for (let r0 = 0; r0 < rows; r0 += step) {
    const m = Math.min(step, rows - r0);
    for (let gi = 0; gi < G; gi++) {
      gatherGroup(dy, Co, r0, m, gi, og, dyg);
      gemm(m, kkc, og, dyg, 0, false, packed, gi * kkc * og, true, dcols, 0, false);
      col2im(dcols, g, r0, r0 + m, gi * cg, cg, dx);
    }
  }
  return dx;
}

/** dw = dL/dw of the forward convolution: im2col(x)ᵀ · dy, in the Keras layout (taps, cg, out). */
export function convKernelGrad(x: Float32Array, dy: Float32Array, g: ConvGeometry): Float32Array {
  const rows = outRows(g);
  const Co = g.outChannels;
  const G = g.groups;
  const cg = g.inChannels / G;
  const og = Co / G;
  const kkc = taps(g) * cg;
  const dw = new Float32Array(kkc * Co);
  if (rows === 0) return dw;
  if (isDepthwise(g)) {
    depthwiseKernelGrad(x, dy, g, dw);
    return dw;
  }
  if (isPointwise(g)) {
    gemm(kkc, Co, rows, x, 0, true, dy, 0, false, dw, 0, false);
    return dw;
  }
  const step = chunkRows(rows, kkc + (G > 1 ? og : 0));
  const cols = colsScratch(step * kkc);
  if (G === 1) {
    for (let r0 = 0; r0 < rows; r0 += step) {
      const m = Math.min(step, rows - r0);
      im2col(x, g, r0, r0 + m, 0, cg, cols);
      gemm(kkc, Co, m, cols, 0, true, dy, r0 * Co, false, dw, 0, r0 > 0);
    }
    return dw;
  }
  const packed = new Float32Array(dw.length);
  const dyg = tmpScratch(step * og);
  for (let r0 = 0; r0 < rows; r0 += step) {
    const m = Math.min(step, rows - r0);
    for (let gi = 0; gi < G; gi++) {
      im2col(x, g, r0, r0 + m, gi * cg, cg, cols);
      gatherGroup(dy, Co, r0, m, gi, og, dyg);
      gemm(kkc, og, m, cols, 0, true, dyg, 0, false, packed, gi * kkc * og, r0 > 0);
    }
  }
  for (let gi = 0; gi < G; gi++) {
    for (let row = 0; row < kkc; row++) {
      const src = (gi * kkc + row) * og;
      const dst = row * Co + gi * og;
      for (let j = 0; j < og; j++) dw[dst + j] = packed[src + j];
    }
  }
  return dw;
}
