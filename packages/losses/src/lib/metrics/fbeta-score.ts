import { ShapeError, TensorLike, ValueError, formatShape, show } from '@strata/tensor';
import { EPSILON } from '../losses/check';
import { toFloat } from '../losses/reduction';
import { Metric, MetricOptions, requirePred } from './metric';

/** How per-class scores are combined: not at all, globally, by plain mean, or by support. */
export type FScoreAverage = 'micro' | 'macro' | 'weighted' | null;

/** Options of {@link FBetaScore}. */
export interface FBetaScoreOptions extends MetricOptions {
  /** `null` (one score per class), `'micro'`, `'macro'` or `'weighted'`. Default `null`. */
  average?: FScoreAverage;
  /** The weight of recall relative to precision, > 0. Default 1. */
  beta?: number;
  /** Predictions above it count as 1; `null` marks each row's maximum instead. Default `null`. */
  threshold?: number | null;
}

const f = Math.fround;

/**
 * `keras.metrics.FBetaScore` (default name `'fbeta_score'`):
 * `(1 + beta^2) * precision * recall / (beta^2 * precision + recall)` from the true/false
 * positives and false negatives seen, per class (`average: null`), over all classes at once
 * (`'micro'`), or averaged over classes evenly (`'macro'`) or by support (`'weighted'`).
 * Each ratio has 1e-7 added to its denominator, as in Keras.
 *
 * Shapes: `yTrue`, `yPred` `[batch, classes]` (rank 2); `sampleWeight` `[batch]`.
 * @example
 * const m = new FBetaScore({ beta: 2, threshold: 0.5 });
 * m.updateState([[1, 1, 1], [1, 0, 0], [1, 1, 0]], [[0.2, 0.6, 0.7], [0.2, 0.6, 0.6], [0.6, 0.8, 0]]);
 * m.result(); // [0.3846, 0.9091, 0.8333]
 */
export class FBetaScore extends Metric {
  static override readonly className: string = 'FBetaScore';
  readonly average: FScoreAverage;
  readonly beta: number;
  readonly threshold: number | null;
  private state: { tp: Float32Array; fp: Float32Array; fn: Float32Array; support: Float32Array } | null = null;

  constructor(options: FBetaScoreOptions = {}, defaultName = 'fbeta_score') {
    super(options, defaultName);
    const who = this.who;
    const average = options.average ?? null;
    if (![null, 'micro', 'macro', 'weighted'].includes(average)) {
      throw new ValueError(`${who}: average must be null, 'micro', 'macro' or 'weighted', received average=${show(average)}`);
    }
    const beta = options.beta ?? 1;
    if (typeof beta !== 'number' || !(beta > 0) || !Number.isFinite(beta)) {
      throw new ValueError(`${who}: beta must be a number > 0, received beta=${show(beta)}`);
    }
    const threshold = options.threshold ?? null;
    if (threshold !== null && (typeof threshold !== 'number' || !(threshold > 0 && threshold <= 1))) {
      throw new ValueError(`${who}: threshold must be null or a number with 0 < threshold <= 1, received threshold=${show(threshold)}`);
    }
    this.average = average;
    this.beta = beta;
    this.threshold = threshold;
  }

  override updateState(yTrue: TensorLike, yPred?: TensorLike | null, sampleWeight?: TensorLike | null): void {
    const t = toFloat(yTrue);
    const p = toFloat(requirePred(this.who, yPred));
    if (t.rank !== 2 || p.rank !== 2 || t.shape[0] !== p.shape[0] || t.shape[1] !== p.shape[1]) {
      throw new ShapeError(
        `${this.who}: yTrue and yPred must both have shape [batch, classes], received ` +
          `yTrue.shape=${formatShape(t.shape)}, yPred.shape=${formatShape(p.shape)}`,
      );
    }
    const [n, classes] = p.shape;
    const slots = this.average === 'micro' ? 1 : classes;
    if (this.state === null) {
      this.state = { tp: new Float32Array(slots), fp: new Float32Array(slots), fn: new Float32Array(slots), support: new Float32Array(slots) };
    } else if (this.state.tp.length !== slots) {
      throw new ShapeError(`${this.who}: expected ${this.state.tp.length} classes, received yPred.shape=${formatShape(p.shape)}`);
    }
    const w = sampleWeight === undefined || sampleWeight === null ? null : toFloat(sampleWeight);
    if (w !== null && w.size !== n) {
      throw new ShapeError(`${this.who}: sampleWeight must have shape [batch], received sampleWeight.shape=${formatShape(w.shape)}`);
    }
    const { tp, fp, fn, support } = this.state;
    const add = { tp: new Float32Array(slots), fp: new Float32Array(slots), fn: new Float32Array(slots), support: new Float32Array(slots) };
    for (let r = 0; r < n; r++) {
      let rowMax = -Infinity;
      for (let c = 0; c < classes; c++) rowMax = Math.max(rowMax, p.data[r * classes + c]);
      const weight = w === null ? 1 : w.data[r];
      for (let c = 0; c < classes; c++) {
        const v = p.data[r * classes + c];
        // Without a threshold each row's maximum is the prediction; an all-zero row predicts nothing.
        const pred = this.threshold === null ? (v >= rowMax && Math.abs(v) > 1e-9 ? 1 : 0) : v > f(this.threshold) ? 1 : 0;
        const truth = t.data[r * classes + c];
        const k = slots === 1 ? 0 : c;
        add.tp[k] += f(pred * truth) * weight;
        add.fp[k] += f(pred * (1 - truth)) * weight;
        add.fn[k] += f((1 - pred) * truth) * weight;
        add.support[k] += truth * weight;
      }
    }
    for (let k = 0; k < slots; k++) {
      tp[k] += add.tp[k];
      fp[k] += add.fp[k];
      fn[k] += add.fn[k];
      support[k] += add.support[k];
    }
  }

  /** The score per class (`average: null`), or one number. 0 before any batch. */
  override result(): number | number[] {
    if (this.state === null) return 0;
    const { tp, fp, fn, support } = this.state;
    const b2 = f(this.beta ** 2);
    const scores = Array.from(tp, (v, k) => {
      const precision = f(v / f(f(v + fp[k]) + EPSILON));
      const recall = f(v / f(f(v + fn[k]) + EPSILON));
      const mean = f(f(precision * recall) / f(f(f(b2 * precision) + recall) + EPSILON));
      return f(mean * f(1 + b2));
    });
    if (this.average === 'weighted') {
      const total = f(support.reduce((s, v) => f(s + v), 0) + EPSILON);
      return scores.reduce((s, v, k) => f(s + f(v * f(support[k] / total))), 0);
    }
    if (this.average !== null) return f(scores.reduce((s, v) => f(s + v), 0) / scores.length);
    return scores;
  }

  override resetState(): void {
    if (this.state) for (const a of Object.values(this.state)) a.fill(0);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), average: this.average, beta: this.beta, threshold: this.threshold };
  }
}
