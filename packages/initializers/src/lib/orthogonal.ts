import { DType, Tensor, ValueError, fromData, randomNormal, show } from '@strata/tensor';
import { householderQr } from './householder-qr';
import { checkNumber, checkShape } from './initializer';
import { InitializerSeed, RandomInitializer } from './random-initializer';

/** Options of {@link Orthogonal}. */
export interface OrthogonalOptions {
  /** Multiplies the orthogonal matrix. Default 1. */
  gain?: number;
  /** Integer or `SeedGenerator`; see {@link RandomInitializer} for what each gives. */
  seed?: InitializerSeed;
}

/**
 * A random orthogonal matrix (`keras.initializers.Orthogonal`, alias `'OrthogonalInitializer'`).
 *
 * A shape `[...d, c]` (rank ≥ 2) is treated as a matrix of `rows = prod(d)` by `c`. A standard
 * normal matrix `max(rows, c) x min(rows, c)` is decomposed `A = QR`; `Q`'s columns are multiplied
 * by the signs of `R`'s diagonal (which makes `Q` uniformly distributed), `Q` is transposed when
 * `rows < c`, and the result is `gain · Q` reshaped to `shape`. So the columns are orthonormal
 * when `rows >= c` (`QᵀQ = I`) and the rows are when `rows < c` (`QQᵀ = I`), times `gain²`.
 *
 * @example
 * const w = new Orthogonal({ seed: 1 }).apply([4, 4]); // matmul(transpose(w), w) ≈ eye(4)
 */
export class Orthogonal extends RandomInitializer {
  static override readonly className = 'Orthogonal';
  readonly gain: number;

  constructor(options: OrthogonalOptions = {}) {
    super(options.seed);
    this.gain = checkNumber(options.gain ?? 1, this.who, 'gain');
  }

  apply(shape: readonly number[], dtype: DType = 'float32'): Tensor {
    this.checkFloat(dtype);
    checkShape(shape, this.who);
    if (shape.length < 2) {
      throw new ValueError(
        `${this.who}: shape must be at least 2D, received shape=${show([...shape])} of rank ${shape.length}`,
      );
    }
    const rows = shape.slice(0, -1).reduce((p, d) => p * d, 1);
    const cols = shape[shape.length - 1];
    const m = Math.max(rows, cols);
    const n = Math.min(rows, cols);
    const a = randomNormal([m, n], { mean: 0, stddev: 1, seed: this.seed });
    const { q, rDiag } = householderQr(a.data, m, n);
    const out = new Float32Array(rows * cols);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        const v = this.gain * Math.sign(rDiag[j]) * q[i * n + j];
        // q is m x n; when rows < cols the result is its transpose.
        out[rows >= cols ? i * n + j : j * m + i] = v;
      }
    }
    return fromData(out, [...shape], 'float32');
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), gain: this.gain };
  }
}
