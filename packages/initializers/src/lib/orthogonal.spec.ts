import { Tensor, ValueError } from '@strata/tensor';
import { Orthogonal } from './orthogonal';

// WᵀW (columns) or WWᵀ (rows) of W flattened to [prod(shape[:-1]), shape[-1]].
function gram(w: Tensor, of: 'columns' | 'rows'): number[][] {
  const cols = w.shape[w.shape.length - 1];
  const rows = w.size / cols;
  const [n, len] = of === 'columns' ? [cols, rows] : [rows, cols];
  const at = (v: number, k: number) => (of === 'columns' ? w.data[k * cols + v] : w.data[v * cols + k]);
  const g = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let k = 0; k < len; k++) g[i][j] += at(i, k) * at(j, k);
  return g;
}

function expectScaledIdentity(g: number[][], c: number) {
  g.forEach((row, i) => row.forEach((v, j) => expect(Math.abs(v - (i === j ? c : 0))).toBeLessThan(1e-5 * Math.max(1, c))));
}

describe('Orthogonal', () => {
  it('gives QᵀQ = I for a square matrix', () => {
    expectScaledIdentity(gram(new Orthogonal({ seed: 1 }).apply([6, 6]), 'columns'), 1);
  });

  it('gives orthonormal columns for a tall matrix', () => {
    const w = new Orthogonal({ seed: 2 }).apply([10, 4]);
    expect(w.shape).toEqual([10, 4]);
    expectScaledIdentity(gram(w, 'columns'), 1);
  });

  it('gives orthonormal rows for a wide matrix', () => {
    const w = new Orthogonal({ seed: 3 }).apply([3, 9]);
    expect(w.shape).toEqual([3, 9]);
    expectScaledIdentity(gram(w, 'rows'), 1);
  });

  it('flattens conv kernels to [prod(shape[:-1]), shape[-1]]', () => {
    const w = new Orthogonal({ seed: 4 }).apply([3, 3, 4, 5]);
    expect(w.shape).toEqual([3, 3, 4, 5]);
    expectScaledIdentity(gram(w, 'columns'), 1);
  });

  it('scales by gain: QᵀQ = gain²·I', () => {
    expectScaledIdentity(gram(new Orthogonal({ gain: 2, seed: 5 }).apply([5, 5]), 'columns'), 4);
    expectScaledIdentity(gram(new Orthogonal({ gain: 0.5, seed: 5 }).apply([2, 7]), 'rows'), 0.25);
  });

  it('gives the same matrix for the same seed and another for another seed', () => {
    const a = new Orthogonal({ seed: 7 }).apply([4, 4]).data;
    expect(new Orthogonal({ seed: 7 }).apply([4, 4]).data).toEqual(a);
    expect(new Orthogonal({ seed: 8 }).apply([4, 4]).data).not.toEqual(a);
  });

  it('writes seed and gain and round-trips', () => {
    const init = new Orthogonal({ gain: 2, seed: 4 });
    expect(init.getConfig()).toEqual({ seed: 4, gain: 2 });
    expect(Orthogonal.fromConfig(init.getConfig()).apply([3, 3]).data).toEqual(init.apply([3, 3]).data);
  });

  it.each([[[5]], [[]]])('rejects shape %j (at least 2D)', (shape) => {
    const init = new Orthogonal({ seed: 1 });
    expect(() => init.apply(shape)).toThrow(ValueError);
    expect(() => init.apply(shape)).toThrow(
      new RegExp(`Orthogonal: shape must be at least 2D, received shape=\\[${shape.join(', ')}\\] of rank ${shape.length}`),
    );
  });

  it('rejects a bad gain', () => {
    expect(() => new Orthogonal({ gain: 'x' as never })).toThrow(ValueError);
    expect(() => new Orthogonal({ gain: 'x' as never })).toThrow(/Orthogonal: gain must be a finite number, received gain='x'/);
  });
});
