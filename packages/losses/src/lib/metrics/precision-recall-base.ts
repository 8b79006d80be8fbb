import { TensorLike, ValueError, show } from '@strata/tensor';
import { NEG_INF, divideNoNan32, isEvenlyDistributed, parseThresholds, updateConfusionMatrix } from './confusion-matrix';
import { Metric, MetricOptions, requirePred } from './metric';

/** Options of {@link Precision} and {@link Recall}. */
export interface PrecisionRecallOptions extends MetricOptions {
  /** A threshold or a list of them in [0, 1]; predictions above count as positive. Default 0.5 (none with `topK`). */
  thresholds?: number | readonly number[] | null;
  /** Only the `topK` highest predictions of each sample count as positive. Default `null`. */
  topK?: number | null;
  /** Only this class (last-axis index) is scored. Default `null` (every element counts). */
  classId?: number | null;
}

/** Parses the options shared by Precision and Recall. */
export function precisionRecallSetup(who: string, options: PrecisionRecallOptions) {
  const topK = options.topK ?? null;
  if (topK !== null && (!Number.isInteger(topK) || topK < 1)) {
    throw new ValueError(`${who}: topK must be a positive integer, received topK=${show(topK)}`);
  }
  const classId = options.classId ?? null;
  if (classId !== null && (!Number.isInteger(classId) || classId < 0)) {
    throw new ValueError(`${who}: classId must be a non-negative integer, received classId=${show(classId)}`);
  }
  const thresholds = parseThresholds(who, options.thresholds, topK === null ? 0.5 : NEG_INF);
  return { topK, classId, thresholds, evenlyDistributed: isEvenlyDistributed(thresholds) };
}

/**
 * The state and config Precision and Recall share (Keras's two classes differ only in which count
 * joins the true positives in the denominator): `tp / (tp + other)`.
 */
export abstract class PrecisionRecallBase extends Metric {
  readonly thresholds: number[];
  readonly topK: number | null;
  readonly classId: number | null;
  private readonly initThresholds: number | readonly number[] | null;
  private readonly evenlyDistributed: boolean;
  private readonly tp: Float32Array;
  private readonly other: Float32Array;

  /** @param otherCount the count that joins tp in the denominator: false positives or false negatives. */
  constructor(
    options: PrecisionRecallOptions,
    private readonly otherCount: 'fp' | 'fn',
  ) {
    super(options);
    const s = precisionRecallSetup(this.who, options);
    this.thresholds = s.thresholds;
    this.topK = s.topK;
    this.classId = s.classId;
    this.evenlyDistributed = s.evenlyDistributed;
    this.initThresholds = options.thresholds ?? null;
    this.tp = new Float32Array(s.thresholds.length);
    this.other = new Float32Array(s.thresholds.length);
  }

  override updateState(yTrue: TensorLike, yPred?: TensorLike | null, sampleWeight?: TensorLike | null): void {
    updateConfusionMatrix(this.who, { tp: this.tp, [this.otherCount]: this.other }, yTrue, requirePred(this.who, yPred), {
      thresholds: this.thresholds,
      evenlyDistributed: this.evenlyDistributed,
      topK: this.topK,
      classId: this.classId,
      sampleWeight,
    });
  }

  override result(): number | number[] {
    const r = divideNoNan32(this.tp, this.tp.map((v, i) => v + this.other[i]));
    return r.length === 1 ? r[0] : r;
  }

  override resetState(): void {
    this.tp.fill(0);
    this.other.fill(0);
  }

  override getConfig(): Record<string, unknown> {
    const t = this.initThresholds;
    return { ...super.getConfig(), thresholds: Array.isArray(t) ? [...t] : t, top_k: this.topK, class_id: this.classId };
  }
}
