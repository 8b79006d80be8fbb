// The WebAssembly SIMD float32 GEMM behind `gemm` (see src/lib/wasm/gemm-wasm.ts), written in
// AssemblyScript and compiled by `npm run build:wasm -w @strata/tensor`.
//
// Same GotoBLAS layout as the TypeScript kernel (src/lib/ops/kernels-matmul.ts): op(B) is
// packed into NR-wide column panels per KC x NC block, op(A) into MR-tall row panels per MC x KC
// block, and a register-tiled micro-kernel walks one A panel and one B panel in lockstep.
// Operands are float32 arrays that the caller has copied into this module's linear memory at
// or after `dataStart()`; every pointer here is a byte address.

// 4x8 tile: 8 f32x4 accumulators + 2 B vectors + an A splat + a product fit the 15 xmm
// registers V8 allocates on x64. Measured (Node 20, EPYC): 4x8 runs the micro-kernel at
// ~42 GFLOP/s; 6x8 and 4x12 (12 accumulators) spill and drop to ~25.
const MR: i32 = 4;
const NR: i32 = 8;
// Cache blocks: the B micro-panel (KC x NR x 4 B = 16 KB) and an A micro-panel (8 KB) stay in
// L1, the A block (MC x KC x 4 B = 256 KB) in L2, the B block (KC x NC x 4 B = 2 MB) in L3.
// Measured: MC 128..512 and KC 128..512 are within noise of each other on square products; KC 512
// keeps the im2col products of 3x3 convolutions (k = 9 x channels, often <= 512) in one block.
const MC: i32 = 128;
const KC: i32 = 512;
const NC: i32 = 1024;

const TILE: usize = (__heap_base + 63) & ~(<usize>63);
const PACK_A: usize = TILE + <usize>(MR * NR * 4);
const PACK_B: usize = PACK_A + <usize>(MC * KC * 4);
const DATA: usize = PACK_B + <usize>(KC * NC * 4);

/** First byte the caller may use for operands (64-byte aligned, after the packing scratch). */
export function dataStart(): usize {
  return DATA;
}

/**
 * C[m x n] (+)= op(A) · op(B) on float32 data at byte addresses `a`, `b`, `c` (all sizes > 0).
 * A is m x k (k x m when transA), B is k x n (n x k when transB), all row-major.
 */
export function gemm(
  m: i32, n: i32, k: i32, a: usize, transA: bool, b: usize, transB: bool, c: usize, accumulate: bool,
): void {
  // Equal k blocks (784 = 392 + 392, not 512 + 272): a thin last block would cost a full pass
  // over C for little work.
  const kBlocks = (k + KC - 1) / KC;
  const kcMax = (k + kBlocks - 1) / kBlocks;
  for (let jc = 0; jc < n; jc += NC) {
    const nc = min(NC, n - jc);
    for (let pc = 0; pc < k; pc += kcMax) {
      const kc = min(kcMax, k - pc);
      packB(b, transB, n, k, pc, kc, jc, nc);
      const add = accumulate || pc > 0;
      for (let ic = 0; ic < m; ic += MC) {
        const mc = min(MC, m - ic);
        packA(a, transA, m, k, ic, mc, pc, kc);
        macroKernel(mc, nc, kc, c + ((<usize>ic * n + jc) << 2), <usize>n << 2, add);
      }
    }
  }
}

/** Packs op(B)[pc:pc+kc, jc:jc+nc] at PACK_B as NR-wide panels, zero-padded. */
function packB(b: usize, transB: bool, n: i32, k: i32, pc: i32, kc: i32, jc: i32, nc: i32): void {
  let out = PACK_B;
  for (let jp = 0; jp < nc; jp += NR) {
    const w = min(NR, nc - jp);
    const j0 = jc + jp;
    if (transB) {
      // B is n x k: column j of op(B) is row j of B, contiguous in p.
      transposeInto(b + ((<usize>j0 * k + pc) << 2), <usize>k << 2, w, kc, out, NR);
    } else {
      const ld = <usize>n << 2;
      let src = b + ((<usize>pc * n + j0) << 2);
      if (w == NR) {
        for (let p = 0; p < kc; p++, src += ld, out += 32) {
          v128.store(out, v128.load(src));
          v128.store(out, v128.load(src, 16), 16);
        }
        continue;
      }
      for (let p = 0; p < kc; p++, src += ld, out += 32) {
        for (let jj = 0; jj < NR; jj++) {
          store<f32>(out + (<usize>jj << 2), jj < w ? load<f32>(src + (<usize>jj << 2)) : 0);
        }
      }
      continue;
    }
    out += <usize>kc * NR * 4;
  }
}

/** Packs op(A)[ic:ic+mc, pc:pc+kc] at PACK_A as MR-tall panels, zero-padded. */
function packA(a: usize, transA: bool, m: i32, k: i32, ic: i32, mc: i32, pc: i32, kc: i32): void {
  let out = PACK_A;
  for (let ip = 0; ip < mc; ip += MR) {
    const h = min(MR, mc - ip);
    const i0 = ic + ip;
    if (!transA) {
      transposeInto(a + ((<usize>i0 * k + pc) << 2), <usize>k << 2, h, kc, out, MR);
      out += <usize>kc * MR * 4;
      continue;
    }
    // A is k x m: the MR values of one p are adjacent in a row of A.
    const ld = <usize>m << 2;
    let src = a + ((<usize>pc * m + i0) << 2);
    if (h == MR) {
      for (let p = 0; p < kc; p++, src += ld, out += 16) v128.store(out, v128.load(src));
    } else {
      for (let p = 0; p < kc; p++, src += ld, out += 16) {
        for (let ii = 0; ii < MR; ii++) {
          store<f32>(out + (<usize>ii << 2), ii < h ? load<f32>(src + (<usize>ii << 2)) : 0);
        }
      }
    }
  }
}

/**
 * out[p * width + r] = src[r * ld + p] for r < rows (rows of `ld` bytes), 0 for rows <= r < width,
 * p < kc: gathers `rows` contiguous rows into a p-major panel, four rows at a time by 4x4
 * register transposes.
 */
function transposeInto(src: usize, ld: usize, rows: i32, kc: i32, out: usize, width: i32): void {
  const step = <usize>width << 2;
  for (let r = 0; r < width; r += 4) {
    const s0 = src + <usize>r * ld;
    const o0 = out + (<usize>r << 2);
    if (r + 4 <= rows) {
      const s1 = s0 + ld;
      const s2 = s1 + ld;
      const s3 = s2 + ld;
      let p = 0;
      for (; p + 4 <= kc; p += 4) {
        const off = <usize>p << 2;
        const r0 = v128.load(s0 + off);
        const r1 = v128.load(s1 + off);
        const r2 = v128.load(s2 + off);
        const r3 = v128.load(s3 + off);
        const t0 = v128.shuffle<f32>(r0, r1, 0, 4, 1, 5);
        const t1 = v128.shuffle<f32>(r2, r3, 0, 4, 1, 5);
        const t2 = v128.shuffle<f32>(r0, r1, 2, 6, 3, 7);
        const t3 = v128.shuffle<f32>(r2, r3, 2, 6, 3, 7);
        const o = o0 + <usize>p * step;
        v128.store(o, v128.shuffle<f32>(t0, t1, 0, 1, 4, 5));
        v128.store(o + step, v128.shuffle<f32>(t0, t1, 2, 3, 6, 7));
        v128.store(o + 2 * step, v128.shuffle<f32>(t2, t3, 0, 1, 4, 5));
        v128.store(o + 3 * step, v128.shuffle<f32>(t2, t3, 2, 3, 6, 7));
      }
      for (; p < kc; p++) {
        const off = <usize>p << 2;
        const o = o0 + <usize>p * step;
        store<f32>(o, load<f32>(s0 + off));
        store<f32>(o, load<f32>(s1 + off), 4);
        store<f32>(o, load<f32>(s2 + off), 8);
        store<f32>(o, load<f32>(s3 + off), 12);
      }
    } else {
      for (let p = 0; p < kc; p++) {
        const o = o0 + <usize>p * step;
        for (let rr = 0; rr < 4; rr++) {
          const row = r + rr;
          store<f32>(o + (<usize>rr << 2), row < rows ? load<f32>(src + <usize>row * ld + (<usize>p << 2)) : 0);
        }
      }
    }
  }
}

/** C block (mc x nc at byte address `c`, row stride `ldc` bytes) (+)= packed A · packed B. */
function macroKernel(mc: i32, nc: i32, kc: i32, c: usize, ldc: usize, add: bool): void {
  const aStep = <usize>kc * MR * 4;
  const bStep = <usize>kc * NR * 4;
  let pb = PACK_B;
  for (let jp = 0; jp < nc; jp += NR, pb += bStep) {
    const w = min(NR, nc - jp);
    let pa = PACK_A;
    for (let ip = 0; ip < mc; ip += MR, pa += aStep) {
      const h = min(MR, mc - ip);
      const dst = c + <usize>ip * ldc + (<usize>jp << 2);
      if (h == MR && w == NR) {
        microKernel(kc, pa, pb, dst, ldc, add);
        continue;
      }
      // Edge tile: compute the full padded tile aside, then write back its valid part.
      microKernel(kc, pa, pb, TILE, NR * 4, false);
      for (let ii = 0; ii < h; ii++) {
        const row = dst + <usize>ii * ldc;
        const t = TILE + (<usize>(ii * NR) << 2);
        for (let jj = 0; jj < w; jj++) {
          const q = row + (<usize>jj << 2);
          const v = load<f32>(t + (<usize>jj << 2));
          store<f32>(q, add ? load<f32>(q) + v : v);
        }
      }
    }
  }
}

/**
 * The MR x NR tile at `c` (row stride `ldc` bytes) (+)= Σ_p A panel[p] ⊗ B panel[p]. Called from
 * two sites so Binaryen keeps it a function of its own, which V8 tiers up to optimized code
 * after a few calls rather than after a whole GEMM.
 */
function microKernel(kc: i32, pa: usize, pb: usize, c: usize, ldc: usize, add: bool): void {
  let c00 = f32x4.splat(0);
  let c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00, c30 = c00, c31 = c00;
  const end = pb + (<usize>kc << 5);
  while (pb < end) {
    const b0 = v128.load(pb);
    const b1 = v128.load(pb, 16);
    let x = v128.load32_splat(pa);
    c00 = f32x4.add(c00, f32x4.mul(x, b0));
    c01 = f32x4.add(c01, f32x4.mul(x, b1));
    x = v128.load32_splat(pa, 4);
    c10 = f32x4.add(c10, f32x4.mul(x, b0));
    c11 = f32x4.add(c11, f32x4.mul(x, b1));
    x = v128.load32_splat(pa, 8);
    c20 = f32x4.add(c20, f32x4.mul(x, b0));
    c21 = f32x4.add(c21, f32x4.mul(x, b1));
    x = v128.load32_splat(pa, 12);
    c30 = f32x4.add(c30, f32x4.mul(x, b0));
    c31 = f32x4.add(c31, f32x4.mul(x, b1));
    pa += 16;
    pb += 32;
  }
  const c1 = c + ldc;
  const c2 = c1 + ldc;
  const c3 = c2 + ldc;
  if (add) {
    c00 = f32x4.add(c00, v128.load(c));
    c01 = f32x4.add(c01, v128.load(c, 16));
    c10 = f32x4.add(c10, v128.load(c1));
    c11 = f32x4.add(c11, v128.load(c1, 16));
    c20 = f32x4.add(c20, v128.load(c2));
    c21 = f32x4.add(c21, v128.load(c2, 16));
    c30 = f32x4.add(c30, v128.load(c3));
    c31 = f32x4.add(c31, v128.load(c3, 16));
  }
  v128.store(c, c00);
  v128.store(c, c01, 16);
  v128.store(c1, c10);
  v128.store(c1, c11, 16);
  v128.store(c2, c20);
  v128.store(c2, c21, 16);
  v128.store(c3, c30);
  v128.store(c3, c31, 16);
}
