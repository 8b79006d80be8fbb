// The float32 GEMM behind matmul, dense layers and im2col convolutions: a dispatcher between the
// WebAssembly SIMD kernel (assembly/gemm.ts, ~9x faster) and the TypeScript one (kernels-matmul-js.ts).
import { getBackend } from '../wasm/backend';
import { gemmWasm, isWasmAvailable } from '../wasm/gemm-wasm';
import { gemmJs } from './kernels-matmul-js';

// Measured on Node 20: the WebAssembly call and copies already win at 8x8x8 (5x); below about
// 4x4x4 the TypeScript loops are as fast.
const WASM_MIN_MADDS = 512;

/**
 * General matrix multiply on contiguous float32 storage:
 * `C[m x n] = op(A) · op(B)`, or `C += op(A) · op(B)` when `accumulate`.
 *
 * op(A) is m x k; A is stored row-major as m x k, or as k x m when `transA`.
 * op(B) is k x n; B is stored row-major as k x n, or as n x k when `transB`.
 * `aOff`, `bOff`, `cOff` are element offsets, so a batch can be addressed inside one buffer.
 * C must not overlap A or B. Runs the WebAssembly SIMD kernel when `setBackend` allows it and the
 * product is large enough, the TypeScript kernel otherwise.
 *
 * @example
 * const c = new Float32Array(4);
 * gemm(2, 2, 2, Float32Array.of(1, 2, 3, 4), 0, false, Float32Array.of(5, 6, 7, 8), 0, false, c, 0);
 * // c = [19, 22, 43, 50]
 */
export function gemm(
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
  if (useWasm(m * n * k) && gemmWasm(m, n, k, a, aOff, transA, b, bOff, transB, c, cOff, accumulate)) return;
  gemmJs(m, n, k, a, aOff, transA, b, bOff, transB, c, cOff, accumulate);
}

function useWasm(madds: number): boolean {
  const backend = getBackend();
  if (backend === 'js') return false;
  return backend === 'wasm' || (madds >= WASM_MIN_MADDS && isWasmAvailable());
}
