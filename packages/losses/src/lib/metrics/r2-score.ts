import { ShapeError, TensorLike, ValueError, broadcastTo, expandDims, formatShape, show } from '@strata/tensor';
import { squeezeOrExpandToSameRank, toFloat } from '../losses/reduction';
import { Metric, MetricOptions, requirePred } from './metric';

/** Options of {@link R2Score}. */
export interface R2ScoreOptions extends MetricOptions {
  /** `'uniform_average'`, `'variance_weighted_average'` or `null` (one score per output). Default `'uniform_average'`. */
  classAggregation?: 'uniform_average' | 'variance_weighted_average' | null;
  /** Regressors for the adjusted R², `1 - (1 - R²)(n - 1)/(n - p - 1)`; 0 gives the plain R². Default 0. */
  numRegressors?: number;
}

const f = Math.fround;

/**
 * `keras.metrics.R2Score` (default name `'r2_score'`): the coefficient of determination
 * `1 - SS_res / SS_tot` per output column over everything seen (weighted by `sampleWeight`),
 * combined by `classAggregation`. An infinite score (constant targets) counts as 0, as in Keras.
 *
 * Shapes: `yTrue`, `yPred` `[batch, outputs]` (rank 2); `sampleWeight` `[batch]` or `[batch, outputs]`.
 * @example
 * const m = new R2Score();
 * m.updateState([[1], [4], [3]], [[2], [4], [4]]);
 * m.result(); // 0.5714
 */
export class R2Score extends Metric {
  static override readonly className: string = 'R2Score';
  readonly classAggregation: 'uniform_average' | 'variance_weighted_average' | null;
  readonly numRegressors: number;
  private numSamples = 0;
  private state: { squaredSum: Float32Array; sum: Float32Array; residual: Float32Array; count: Float32Array } | null = null;

  constructor(options: R2ScoreOptions = {}) {
    super(options, 'r2_score');
    const aggregation = options.classAggregation === undefined ? 'uniform_average' : options.classAggregation;
    if (![null, 'uniform_average', 'variance_weighted_average'].includes(aggregation)) {
      throw new ValueError(
        `${this.who}: classAggregation must be null, 'uniform_average' or 'variance_weighted_average', received classAggregation=${show(aggregation)}`,
      );
    }
    const regressors = options.numRegressors ?? 0;
    if (typeof regressors !== 'number' || !Number.isInteger(regressors) || regressors < 0) {
      throw new ValueError(`${this.who}: numRegressors must be an integer >= 0, received numRegressors=${show(regressors)}`);
    }
    this.classAggregation = aggregation;
    this.numRegressors = regressors;
  }

  override updateState(yTrue: TensorLike, yPred?: TensorLike | null, sampleWeight?: TensorLike | null): void {
    const [t, p] = squeezeOrExpandToSameRank(toFloat(yTrue), toFloat(requirePred(this.who, yPred)));
    if (t.rank !== 2 || p.rank !== 2 || t.shape[1] !== p.shape[1] || t.shape[0] !== p.shape[0]) {
      throw new ShapeError(
        `${this.who}: yTrue and yPred must both have shape [batch, outputs], received ` +
          `yTrue.shape=${formatShape(t.shape)}, yPred.shape=${formatShape(p.shape)}`,
      );
    }
    const [n, outputs] = t.shape;
    if (this.state === null) {
      const z = () => new Float32Array(outputs);
      this.state = { squaredSum: z(), sum: z(), residual: z(), count: z() };
    } else if (this.state.sum.length !== outputs) {
      throw new ShapeError(`${this.who}: expected ${this.state.sum.length} outputs, received yPred.shape=${formatShape(p.shape)}`);
    }
    let w = toFloat(sampleWeight ?? 1);
    if (w.rank === 1) w = expandDims(w, 1);
    try {
      w = broadcastTo(w, t.shape);
    } catch {
      throw new ShapeError(`${this.who}: sampleWeight must broadcast to yTrue, received sampleWeight.shape=${formatShape(w.shape)}`);
    }
    const s = this.state;
    for (let c = 0; c < outputs; c++) {
      let sum = 0;
      let squared = 0;
      let residual = 0;
      let count = 0;
      for (let r = 0; r < n; r++) {
        const i = r * outputs + c;
        const wt = f(t.data[i] * w.data[i]);
        sum += wt;
        squared += f(t.data[i] * wt);
        residual += f(f(f(t.data[i] - p.data[i]) ** 2) * w.data[i]);
        count += w.data[i];
      }
      s.sum[c] += f(sum);
      s.squaredSum[c] += f(squared);
      s.residual[c] += f(residual);
      s.count[c] += f(count);
    }
    this.numSamples = f(this.numSamples + t.size);
  }

  /** The aggregated score (an array with `classAggregation: null`); NaN before any batch. */
  override result(): number | number[] {
    if (this.state === null) return NaN;
    const { squaredSum, sum, residual, count } = this.state;
    const total = Array.from(sum, (v, c) => f(squaredSum[c] - f(v * f(v / count[c]))));
    const raw = total.map((tot, c) => {
      const score = f(1 - f(residual[c] / tot));
      return Number.isFinite(score) || Number.isNaN(score) ? score : 0;
    });
    let r2: number | number[];
    if (this.classAggregation === 'uniform_average') r2 = f(raw.reduce((a, v) => f(a + v), 0) / raw.length);
    else if (this.classAggregation === 'variance_weighted_average') {
      const weighted = raw.reduce((a, v, c) => f(a + f(total[c] * v)), 0);
      r2 = f(weighted / total.reduce((a, v) => f(a + v), 0));
    } else r2 = raw;
    const n = this.numSamples;
    const p = this.numRegressors;
    // Keras falls back to the plain score (with a warning) when n - p - 1 <= 0.
    if (p !== 0 && p < n - 1) {
      const adjust = (v: number) => f(1 - f(f(f(1 - v) * f(n - 1)) / f(n - p - 1)));
      r2 = Array.isArray(r2) ? r2.map(adjust) : adjust(r2);
    }
    return r2;
  }

  override resetState(): void {
    this.numSamples = 0;
    if (this.state) for (const a of Object.values(this.state)) a.fill(0);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), class_aggregation: this.classAggregation, num_regressors: this.numRegressors };
  }
}
