import { TensorLike } from '@strata/tensor';
import { divideNoNan32, updateConfusionMatrix } from './confusion-matrix';
import { Metric, requirePred } from './metric';
import { PrecisionRecallOptions, precisionRecallSetup } from './precision';

/**
 * `keras.metrics.Recall` (default name `'recall'`): `tp / (tp + fn)` over everything seen, where
 * a prediction above the threshold counts as positive and a non-zero label as true (weighted by
 * `sampleWeight`). One value per threshold when several are given.
 *
 * Shapes: `yTrue`, `yPred` `[batch, ..., d]`; `sampleWeight` `[batch]` or like `yPred`.
 * @example
 * const m = new Recall();
 * m.updateState([0, 1, 1, 1], [1, 0, 1, 1]);
 * m.result(); // 0.6667
 */
export class Recall extends Metric {
  static override readonly className: string = 'Recall';
  readonly thresholds: number[];
  readonly topK: number | null;
  readonly classId: number | null;
  private readonly initThresholds: number | readonly number[] | null;
  private readonly evenlyDistributed: boolean;
  private tp: Float32Array;
  private fn: Float32Array;

  constructor(options: PrecisionRecallOptions = {}) {
    super(options);
    const s = precisionRecallSetup(this.who, options);
    this.thresholds = s.thresholds;
    this.topK = s.topK;
    this.classId = s.classId;
    this.evenlyDistributed = s.evenlyDistributed;
    this.initThresholds = options.thresholds ?? null;
    this.tp = new Float32Array(s.thresholds.length);
    this.fn = new Float32Array(s.thresholds.length);
  }

  override updateState(yTrue: TensorLike, yPred?: TensorLike | null, sampleWeight?: TensorLike | null): void {
    updateConfusionMatrix(this.who, { tp: this.tp, fn: this.fn }, yTrue, requirePred(this.who, yPred), {
      thresholds: this.thresholds,
      evenlyDistributed: this.evenlyDistributed,
      topK: this.topK,
      classId: this.classId,
      sampleWeight,
    });
  }

  override result(): number | number[] {
    const r = divideNoNan32(this.tp, this.tp.map((v, i) => v + this.fn[i]));
    return r.length === 1 ? r[0] : r;
  }

  override resetState(): void {
    this.tp.fill(0);
    this.fn.fill(0);
  }

  override getConfig(): Record<string, unknown> {
    const t = this.initThresholds;
    return { ...super.getConfig(), thresholds: Array.isArray(t) ? [...t] : t, top_k: this.topK, class_id: this.classId };
  }
}
