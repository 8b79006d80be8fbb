/**
 * The reduced QR decomposition of a tall `m x n` matrix (`m >= n`, row-major), by Householder
 * reflections in float64: `Q` is `m x n` with orthonormal columns and `rDiag` holds `R`'s diagonal.
 * Local to this package because `@strata/tensor` has no `qr` op.
 *
 * @example
 * const { q, rDiag } = householderQr(Float64Array.from([3, 4]), 2, 1); // q = [0.6, 0.8], rDiag = [5]
 */
export function householderQr(a: ArrayLike<number>, m: number, n: number): { q: Float64Array; rDiag: Float64Array } {
  const r = Float64Array.from(a);
  const vs: Float64Array[] = [];
  const rDiag = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const v = new Float64Array(m - k);
    let norm = 0;
    for (let i = k; i < m; i++) norm += r[i * n + k] ** 2;
    norm = Math.sqrt(norm);
    // Reflect x onto -sign(x0)·|x|·e0: adding |x| to |x0| avoids cancellation.
    const alpha = r[k * n + k] >= 0 ? -norm : norm;
    for (let i = k; i < m; i++) v[i - k] = r[i * n + k];
    v[0] -= alpha;
    let vNorm = 0;
    for (const x of v) vNorm += x * x;
    vNorm = Math.sqrt(vNorm);
    if (vNorm > 0) {
      for (let i = 0; i < v.length; i++) v[i] /= vNorm;
      reflect(r, v, k, n, k);
    }
    rDiag[k] = vNorm > 0 ? r[k * n + k] : 0;
    vs.push(v);
  }
  // Q = H0 H1 ... H(n-1) applied to the first n columns of the identity.
  const q = new Float64Array(m * n);
  for (let i = 0; i < n; i++) q[i * n + i] = 1;
  for (let k = n - 1; k >= 0; k--) reflect(q, vs[k], k, n, k);
  return { q, rDiag };
}

// M[k:, c0:] -= 2 v (vᵀ M[k:, c0:]) for a row-major matrix with `cols` columns.
function reflect(mat: Float64Array, v: Float64Array, k: number, cols: number, c0: number): void {
  const w = new Float64Array(cols);
  for (let i = 0; i < v.length; i++) {
    const vi = v[i];
    if (vi === 0) continue;
    const row = (k + i) * cols;
    for (let j = c0; j < cols; j++) w[j] += vi * mat[row + j];
  }
  for (let i = 0; i < v.length; i++) {
    const vi = 2 * v[i];
    if (vi === 0) continue;
    const row = (k + i) * cols;
    for (let j = c0; j < cols; j++) mat[row + j] -= vi * w[j];
  }
}
