import { TensorLike } from '@strata/tensor';
import { ConfusionCounts, isEvenlyDistributed, parseThresholds, updateConfusionMatrix } from './confusion-matrix';
import { Metric, MetricOptions, requirePred } from './metric';

/** Options of {@link TruePositives}, {@link FalsePositives}, {@link TrueNegatives}, {@link FalseNegatives}. */
export interface ConfusionCountOptions extends MetricOptions {
  /** A threshold or a list of them in [0, 1]; predictions above count as positive. Default 0.5. */
  thresholds?: number | readonly number[] | null;
}

/**
 * One cell of the confusion matrix, summed over everything seen (Keras's
 * `_ConfusionMatrixConditionCount`): the weighted number of samples that are true/false
 * positives/negatives at each threshold. Subclasses pick the cell.
 */
export abstract class ConfusionCount extends Metric {
  readonly thresholds: number[];
  private readonly initThresholds: number | readonly number[] | null;
  private readonly evenlyDistributed: boolean;
  private readonly accumulator: Float32Array;
  /** Which cell this metric counts. */
  protected abstract readonly cell: keyof ConfusionCounts;

  constructor(options: ConfusionCountOptions = {}) {
    super(options);
    this.thresholds = parseThresholds(this.who, options.thresholds, 0.5);
    this.initThresholds = options.thresholds ?? null;
    this.evenlyDistributed = isEvenlyDistributed(this.thresholds);
    this.accumulator = new Float32Array(this.thresholds.length);
  }

  override updateState(yTrue: TensorLike, yPred?: TensorLike | null, sampleWeight?: TensorLike | null): void {
    updateConfusionMatrix(this.who, { [this.cell]: this.accumulator }, yTrue, requirePred(this.who, yPred), {
      thresholds: this.thresholds,
      evenlyDistributed: this.evenlyDistributed,
      sampleWeight,
    });
  }

  /** The count, or one count per threshold. */
  override result(): number | number[] {
    return this.accumulator.length === 1 ? this.accumulator[0] : Array.from(this.accumulator);
  }

  override resetState(): void {
    this.accumulator.fill(0);
  }

  override getConfig(): Record<string, unknown> {
    const t = this.initThresholds;
    return { ...super.getConfig(), thresholds: Array.isArray(t) ? [...t] : t };
  }
}
