// The plain-TypeScript float32 GEMM: the fallback of `gemm` (kernels-matmul.ts) wherever
// WebAssembly SIMD is unavailable, and its choice for products too small to pay for the copies.
//
// Layout of the blocked path (GotoBLAS style): for each block of KC rows of op(B) and NC
// columns, op(B) is packed into NR-wide column panels; for each block of MC rows of op(A), that
// block is packed into MR-tall row panels. The micro-kernel then walks one A panel and one B
// panel in lockstep, both contiguous, keeping an MR x NR tile of C in local variables. Packing
// pays for itself because it turns all four transpose combinations into one access pattern and
// keeps the B panel in L1 and the A block in L2. Panels are zero-padded to full MR/NR width so
// the inner loop never branches on edges; only the write-back does.

const MR = 4;
const NR = 4;
// Measured on V8 (Node 20, x64): MC 64..128 and KC 128..256 are all within noise of each other;
// KC = 256 halves the number of C write-backs against 128.
const MC = 128;
const KC = 256;
const NC = 2048;
// Below this many multiply-adds, packing costs more than it saves.
const SMALL = 4096;

// Scratch panels shared by every call (JavaScript is single-threaded; gemm never re-enters).
let packedA = new Float32Array(MC * KC);
let packedB = new Float32Array(KC * NR * 64);
const tile = new Float64Array(MR * NR);

/**
 * The plain-TypeScript GEMM: the same contract as `gemm` in kernels-matmul.ts (`C (+)= op(A) · op(B)`), run
 * on every engine; `gemm` falls back to it where WebAssembly SIMD is missing.
 *
 * @example
 * const c = new Float32Array(4);
 * gemmJs(2, 2, 2, Float32Array.of(1, 2, 3, 4), 0, false, Float32Array.of(5, 6, 7, 8), 0, false, c, 0);
 * // c = [19, 22, 43, 50]
 */
export function gemmJs(
  m: number, n: number, k: number,
  a: Float32Array, aOff: number, transA: boolean,
  b: Float32Array, bOff: number, transB: boolean,
  c: Float32Array, cOff: number, accumulate = false,
): void {
  if (m === 0 || n === 0) return;
  if (k === 0) {
    if (!accumulate) c.fill(0, cOff, cOff + m * n);
    return;
  }
  // Thin products (a row vector, a single column) would waste most of each 4x4 tile.
  if (m * n * k < SMALL || m < MR || n < NR) {
    gemmSimple(m, n, k, a, aOff, transA, b, bOff, transB, c, cOff, accumulate);
    return;
  }
  for (let jc = 0; jc < n; jc += NC) {
    const nc = Math.min(NC, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = Math.min(KC, k - pc);
      packB(b, bOff, transB, n, k, pc, kc, jc, nc);
      const add = accumulate || pc > 0;
      for (let ic = 0; ic < m; ic += MC) {
        const mc = Math.min(MC, m - ic);
        packA(a, aOff, transA, m, k, ic, mc, pc, kc);
        macroKernel(mc, nc, kc, c, cOff + ic * n + jc, n, add);
      }
    }
  }
}

/** Straight loops, ordered so the innermost one reads contiguous memory where it can. */
function gemmSimple(
  m: number, n: number, k: number,
  a: Float32Array, aOff: number, transA: boolean,
  b: Float32Array, bOff: number, transB: boolean,
  c: Float32Array, cOff: number, accumulate: boolean,
): void {
  const aRow = transA ? 1 : k;
  const aCol = transA ? m : 1;
  if (!transB) {
    if (!accumulate) c.fill(0, cOff, cOff + m * n);
    for (let i = 0; i < m; i++) {
      const ci = cOff + i * n;
      for (let p = 0; p < k; p++) {
        const av = a[aOff + i * aRow + p * aCol];
        const bp = bOff + p * n;
        for (let j = 0; j < n; j++) c[ci + j] += av * b[bp + j];
      }
    }
    return;
  }
  for (let i = 0; i < m; i++) {
    const ai = aOff + i * aRow;
    const ci = cOff + i * n;
    for (let j = 0; j < n; j++) {
      const bj = bOff + j * k;
      let s = 0;
      for (let p = 0; p < k; p++) s += a[ai + p * aCol] * b[bj + p];
      c[ci + j] = accumulate ? c[ci + j] + s : s;
    }
  }
}

/** Packs op(B)[pc:pc+kc, jc:jc+nc] as NR-wide panels: panel q holds, for each p, NR values. */
function packB(
  b: Float32Array, bOff: number, transB: boolean,
  n: number, k: number, pc: number, kc: number, jc: number, nc: number,
): void {
  const need = Math.ceil(nc / NR) * NR * kc;
  if (packedB.length < need) packedB = new Float32Array(need);
  const out = packedB;
  let o = 0;
  for (let jp = 0; jp < nc; jp += NR) {
    const w = Math.min(NR, nc - jp);
    const j0 = jc + jp;
    if (!transB) {
      let src = bOff + pc * n + j0;
      if (w === NR) {
        for (let p = 0; p < kc; p++, src += n, o += NR) {
          out[o] = b[src];
          out[o + 1] = b[src + 1];
          out[o + 2] = b[src + 2];
          out[o + 3] = b[src + 3];
        }
      } else {
        for (let p = 0; p < kc; p++, src += n, o += NR) {
          for (let jj = 0; jj < NR; jj++) out[o + jj] = jj < w ? b[src + jj] : 0;
        }
      }
    } else {
      // B is n x k: each column of op(B) is a contiguous row of B.
      for (let jj = 0; jj < NR; jj++) {
        if (jj < w) {
          const src = bOff + (j0 + jj) * k + pc;
          for (let p = 0; p < kc; p++) out[o + p * NR + jj] = b[src + p];
        } else {
          for (let p = 0; p < kc; p++) out[o + p * NR + jj] = 0;
        }
      }
      o += kc * NR;
    }
  }
}

/** Packs op(A)[ic:ic+mc, pc:pc+kc] as MR-tall panels: panel q holds, for each p, MR values. */
function packA(
  a: Float32Array, aOff: number, transA: boolean,
  m: number, k: number, ic: number, mc: number, pc: number, kc: number,
): void {
  const need = Math.ceil(mc / MR) * MR * kc;
  if (packedA.length < need) packedA = new Float32Array(need);
  const out = packedA;
  let o = 0;
  for (let ip = 0; ip < mc; ip += MR) {
    const h = Math.min(MR, mc - ip);
    const i0 = ic + ip;
    if (!transA) {
      for (let ii = 0; ii < MR; ii++) {
        if (ii < h) {
          const src = aOff + (i0 + ii) * k + pc;
          for (let p = 0; p < kc; p++) out[o + p * MR + ii] = a[src + p];
        } else {
          for (let p = 0; p < kc; p++) out[o + p * MR + ii] = 0;
        }
      }
      o += kc * MR;
    } else {
      // A is k x m: the MR values of one p are adjacent in a row of A.
      let src = aOff + pc * m + i0;
      if (h === MR) {
        for (let p = 0; p < kc; p++, src += m, o += MR) {
          out[o] = a[src];
          out[o + 1] = a[src + 1];
          out[o + 2] = a[src + 2];
          out[o + 3] = a[src + 3];
        }
      } else {
        for (let p = 0; p < kc; p++, src += m, o += MR) {
          for (let ii = 0; ii < MR; ii++) out[o + ii] = ii < h ? a[src + ii] : 0;
        }
      }
    }
  }
}

/** C block (mc x nc at `cBase`, row stride `ldc`) (+)= packed A block · packed B block. */
function macroKernel(
  mc: number, nc: number, kc: number, c: Float32Array, cBase: number, ldc: number, add: boolean,
): void {
  const A = packedA;
  const B = packedB;
  for (let jp = 0, bStart = 0; jp < nc; jp += NR, bStart += kc * NR) {
    const w = Math.min(NR, nc - jp);
    for (let ip = 0, aStart = 0; ip < mc; ip += MR, aStart += kc * MR) {
      const h = Math.min(MR, mc - ip);
      let ai = aStart;
      let bi = bStart;
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      for (let p = 0; p < kc; p++, ai += MR, bi += NR) {
        const a0 = A[ai], a1 = A[ai + 1], a2 = A[ai + 2], a3 = A[ai + 3];
        const b0 = B[bi], b1 = B[bi + 1], b2 = B[bi + 2], b3 = B[bi + 3];
        c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
        c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
        c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
        c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
      }
      const o = cBase + ip * ldc + jp;
      if (h === MR && w === NR) {
        const r1 = o + ldc, r2 = r1 + ldc, r3 = r2 + ldc;
        if (add) {
          c[o] += c00; c[o + 1] += c01; c[o + 2] += c02; c[o + 3] += c03;
          c[r1] += c10; c[r1 + 1] += c11; c[r1 + 2] += c12; c[r1 + 3] += c13;
          c[r2] += c20; c[r2 + 1] += c21; c[r2 + 2] += c22; c[r2 + 3] += c23;
          c[r3] += c30; c[r3 + 1] += c31; c[r3 + 2] += c32; c[r3 + 3] += c33;
        } else {
          c[o] = c00; c[o + 1] = c01; c[o + 2] = c02; c[o + 3] = c03;
          c[r1] = c10; c[r1 + 1] = c11; c[r1 + 2] = c12; c[r1 + 3] = c13;
          c[r2] = c20; c[r2 + 1] = c21; c[r2 + 2] = c22; c[r2 + 3] = c23;
          c[r3] = c30; c[r3 + 1] = c31; c[r3 + 2] = c32; c[r3 + 3] = c33;
        }
      } else {
        tile[0] = c00; tile[1] = c01; tile[2] = c02; tile[3] = c03;
        tile[4] = c10; tile[5] = c11; tile[6] = c12; tile[7] = c13;
        tile[8] = c20; tile[9] = c21; tile[10] = c22; tile[11] = c23;
        tile[12] = c30; tile[13] = c31; tile[14] = c32; tile[15] = c33;
        for (let ii = 0; ii < h; ii++) {
          for (let jj = 0; jj < w; jj++) {
            const q = o + ii * ldc + jj;
            c[q] = add ? c[q] + tile[ii * NR + jj] : tile[ii * NR + jj];
          }
        }
      }
    }
  }
}
