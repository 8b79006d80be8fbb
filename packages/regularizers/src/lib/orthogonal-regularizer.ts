import {
  ShapeError,
  Tensor,
  ValueError,
  abs,
  cast,
  div,
  eye,
  formatShape,
  matmul,
  minimum,
  mul,
  rsqrt,
  show,
  square,
  sub,
  sum,
} from '@strata/tensor';
import { Regularizer, validateFloatArg } from './regularizer';

/** Options of {@link OrthogonalRegularizer}. */
export interface OrthogonalRegularizerOptions {
  /** The factor, finite and non-negative. Default 0.01. */
  factor?: number;
  /** Make the rows (`'rows'`, default) or the columns (`'columns'`) orthogonal. */
  mode?: 'rows' | 'columns';
}

// Keras's backend.epsilon(); normalize() caps the inverse norm at 1/epsilon.
const INV_EPSILON = 1 / 1e-7;

/**
 * Penalizes non-orthogonal rows or columns of a matrix (`keras.regularizers.OrthogonalRegularizer`,
 * alias `'orthogonal_regularizer'`).
 *
 * With `v_1..v_n` the rows (mode `'rows'`) or columns (mode `'columns'`) of `w`, each L2-normalized
 * as `v * min(1/‖v‖, 1/1e-7)` (Keras's `normalize`, so a zero vector stays zero):
 * `penalty = factor * 0.5 * Σ_{i≠j} |v_i · v_j| / (n(n-1)/2)`, the mean absolute cosine over pairs.
 * `w` must have rank 2, shape `[rows, cols]`; with a single row (column) the penalty is NaN (0/0),
 * as in Keras. `getConfig()` writes `factor` rounded to float32, as Keras does.
 *
 * @example
 * new OrthogonalRegularizer({ factor: 1 }).apply(tensor([[1, 0], [1, 1]])).item(); // 1/√2 ≈ 0.7071
 */
export class OrthogonalRegularizer extends Regularizer {
  static override readonly className: string = 'OrthogonalRegularizer';
  /** The factor, rounded to float32 as Keras stores it. */
  readonly factor: number;
  /** Whether rows or columns are made orthogonal. */
  readonly mode: 'rows' | 'columns';

  constructor(options: OrthogonalRegularizerOptions = {}) {
    super();
    const { factor = 0.01, mode = 'rows' } = options;
    this.factor = Math.fround(validateFloatArg(factor, 'OrthogonalRegularizer', 'factor'));
    if (mode !== 'rows' && mode !== 'columns') {
      throw new ValueError(
        `OrthogonalRegularizer: mode must be one of 'rows', 'columns', received mode=${show(mode)}`,
      );
    }
    this.mode = mode;
  }

  override apply(w: Tensor): Tensor {
    if (w.rank !== 2) {
      throw new ShapeError(
        `OrthogonalRegularizer: inputs must have rank 2, received inputs.shape=${formatShape(w.shape)}`,
      );
    }
    const rows = this.mode === 'rows';
    const axis = rows ? 1 : 0;
    const x = cast(w, 'float32');
    const v = mul(x, minimum(rsqrt(sum(square(x), axis, true)), INV_EPSILON));
    const product = rows ? matmul(v, v, { transposeB: true }) : matmul(v, v, { transposeA: true });
    const size = w.shape[rows ? 0 : 1];
    const offDiagonal = mul(product, sub(1, eye(size)));
    const numPairs = (size * (size - 1)) / 2;
    return div(mul(mul(this.factor, 0.5), sum(abs(offDiagonal))), numPairs);
  }

  override getConfig(): Record<string, unknown> {
    return { factor: this.factor, mode: this.mode };
  }
}
