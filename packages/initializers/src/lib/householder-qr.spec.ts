import fc from 'fast-check';
import { householderQr } from './householder-qr';

// Qᵀ·A for a row-major m x n Q and A: R, which must be upper triangular.
function qtA(q: Float64Array, a: number[], m: number, n: number): number[][] {
  const r = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let k = 0; k < m; k++) r[i][j] += q[k * n + i] * a[k * n + j];
  return r;
}

describe('householderQr', () => {
  it('factors a column: [3, 4] = [0.6, 0.8]·(-5)·(-1)', () => {
    const { q, rDiag } = householderQr([3, 4], 2, 1);
    // The reflection sends x to -sign(x0)|x|, so R's diagonal is -5 and Q's column -x/5.
    expect(Array.from(q)).toEqual([-0.6, -0.8].map((v) => expect.closeTo(v, 12)));
    expect(rDiag[0]).toBeCloseTo(-5, 12);
  });

  it('gives orthonormal columns and an upper-triangular QᵀA whose diagonal is rDiag', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((n) =>
          fc.integer({ min: n, max: 8 }).chain((m) =>
            fc.tuple(fc.constant(m), fc.constant(n), fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: m * n, maxLength: m * n })),
          ),
        ),
        ([m, n, a]) => {
          const { q, rDiag } = householderQr(a, m, n);
          const r = qtA(q, a, m, n);
          const scale = 1 + Math.max(...a.map(Math.abs));
          for (let i = 0; i < n; i++) {
            let dot = 0;
            for (let k = 0; k < m; k++) dot += q[k * n + i] * q[k * n + i];
            expect(Math.abs(dot - 1)).toBeLessThan(1e-9);
            for (let j = 0; j < i; j++) expect(Math.abs(r[i][j])).toBeLessThan(1e-9 * scale);
            expect(Math.abs(r[i][i] - rDiag[i])).toBeLessThan(1e-9 * scale);
          }
        },
      ),
      { seed: 42, numRuns: 50 },
    );
  });
});
