/**
 * C[m x n] (+)= op(A) · op(B), where op(A) is m x k (A stored k x m when `transA`) and op(B) is
 * k x n (B stored n x k when `transB`). All arrays contiguous row-major; offsets select a batch.
 * PLACEHOLDER: naive loops; to be replaced by the packed, register-tiled kernel.
 */
export function gemm(
  m: number, n: number, k: number,
  a: Float32Array, aOff: number, transA: boolean,
  b: Float32Array, bOff: number, transB: boolean,
  c: Float32Array, cOff: number, accumulate = false,
): void {
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = accumulate ? c[cOff + i * n + j] : 0;
      for (let p = 0; p < k; p++) {
        const av = transA ? a[aOff + p * m + i] : a[aOff + i * k + p];
        const bv = transB ? b[bOff + j * k + p] : b[bOff + p * n + j];
        s += av * bv;
      }
      c[cOff + i * n + j] = s;
    }
  }
}
