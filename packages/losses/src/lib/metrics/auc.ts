import { ShapeError, TensorLike, ValueError, formatShape, show, sigmoid } from '@strata/tensor';
import { checkBoolean } from '../losses/check';
import { toFloat } from '../losses/reduction';
import { AucCounts, interpolatePrAuc, riemannAuc } from './auc-curves';
import { isEvenlyDistributed, updateConfusionMatrix } from './confusion-matrix';
import { Metric, MetricOptions, requirePred } from './metric';

/** Options of {@link AUC}. */
export interface AUCOptions extends MetricOptions {
  /** Thresholds evenly spaced on [0, 1] (ignored when `thresholds` is given). Default 200. */
  numThresholds?: number;
  /** `'ROC'`, `'PR'` or `'PRGAIN'` (lower case accepted). Default `'ROC'`. */
  curve?: string;
  /** `'interpolation'`, `'minoring'` or `'majoring'`. Default `'interpolation'`. */
  summationMethod?: string;
  /** Explicit thresholds; 0 - 1e-7 and 1 + 1e-7 are added at the ends. Default `null`. */
  thresholds?: readonly number[] | null;
  /** Keep one curve per label (last axis of a rank-2 `yPred`) and average the areas. Default `false`. */
  multiLabel?: boolean;
  /** The number of labels, to build the state before the first batch (`multiLabel` only). */
  numLabels?: number | null;
  /** Per-label weights: of the area average with `multiLabel`, else of the counts (also Keras's serialized tensor form). */
  labelWeights?: readonly number[] | { class_name: '__tensor__'; config: { value: number[] } } | null;
  /** Apply a sigmoid to `yPred` first. Default `false`. */
  fromLogits?: boolean;
}

const CURVES: Record<string, 'ROC' | 'PR' | 'PRGAIN'> = { roc: 'ROC', ROC: 'ROC', pr: 'PR', PR: 'PR', prgain: 'PRGAIN', PRGAIN: 'PRGAIN' };
const SUMMATIONS: Record<string, 'interpolation' | 'minoring' | 'majoring'> = {
  interpolation: 'interpolation',
  Interpolation: 'interpolation',
  minoring: 'minoring',
  Minoring: 'minoring',
  majoring: 'majoring',
  Majoring: 'majoring',
};

// Label weights as a list or as Keras's serialized tensor, stored float32-rounded as Keras does.
function readLabelWeights(who: string, w: AUCOptions['labelWeights']): number[] | null {
  if (w === undefined || w === null) return null;
  const list: unknown = Array.isArray(w) ? w : (w as { config?: { value?: unknown } }).config?.value;
  if (!Array.isArray(list) || !list.every((v) => typeof v === 'number' && v >= 0)) {
    throw new ValueError(`${who}: labelWeights must be a list of non-negative numbers, received labelWeights=${show(w)}`);
  }
  return list.map((v: number) => Math.fround(v));
}

/**
 * `keras.metrics.AUC` (default name `'auc'`): the area under the ROC or precision-recall curve,
 * approximated from confusion counts at `numThresholds` thresholds (a Riemann sum; PR with
 * `'interpolation'` uses Davis & Goadrich's interpolation). Labels are true where non-zero.
 *
 * Shapes: `yTrue`, `yPred` `[batch, ..., d]` (`[batch, labels]` with `multiLabel`);
 * `sampleWeight` `[batch]` or like `yPred`.
 * @example
 * const m = new AUC({ numThresholds: 3 });
 * m.updateState([0, 0, 1, 1], [0, 0.5, 0.3, 0.9]);
 * m.result(); // 0.75
 */
export class AUC extends Metric {
  static override readonly className: string = 'AUC';
  static override readonly optionalConfigKeys: readonly string[] = ['thresholds'];
  readonly numThresholds: number;
  readonly curve: 'ROC' | 'PR' | 'PRGAIN';
  readonly summationMethod: 'interpolation' | 'minoring' | 'majoring';
  readonly multiLabel: boolean;
  readonly numLabels: number | null;
  readonly labelWeights: number[] | null;
  readonly fromLogits: boolean;
  /** Every threshold, including the two end points. */
  readonly thresholds: number[];
  private readonly initFromThresholds: boolean;
  private readonly evenlyDistributed: boolean;
  private counts: AucCounts | null = null;

  constructor(options: AUCOptions = {}) {
    super(options);
    const who = this.who;
    const given = options.thresholds ?? null;
    let inner: number[];
    if (given !== null) {
      if (!Array.isArray(given) || !given.every((t) => typeof t === 'number' && Number.isFinite(t))) {
        throw new ValueError(`${who}: thresholds must be a list of numbers, received thresholds=${show(given)}`);
      }
      inner = [...given].sort((a, b) => a - b);
      this.numThresholds = inner.length + 2;
      this.evenlyDistributed = isEvenlyDistributed([0, ...inner, 1]);
    } else {
      const n = options.numThresholds ?? 200;
      if (!Number.isInteger(n) || n <= 1) {
        throw new ValueError(`${who}: numThresholds must be an integer > 1, received numThresholds=${show(n)}`);
      }
      this.numThresholds = n;
      inner = Array.from({ length: n - 2 }, (_, i) => (i + 1) / (n - 1));
      this.evenlyDistributed = true;
    }
    this.initFromThresholds = given !== null;
    this.thresholds = [-1e-7, ...inner, 1 + 1e-7];
    const curve = CURVES[String(options.curve ?? 'ROC')];
    if (!curve) throw new ValueError(`${who}: curve must be 'ROC', 'PR' or 'PRGAIN', received curve=${show(options.curve)}`);
    this.curve = curve;
    const summation = SUMMATIONS[String(options.summationMethod ?? 'interpolation')];
    if (!summation) {
      throw new ValueError(
        `${who}: summationMethod must be 'interpolation', 'majoring' or 'minoring', received summationMethod=${show(options.summationMethod)}`,
      );
    }
    this.summationMethod = summation;
    this.multiLabel = checkBoolean(who, 'multiLabel', options.multiLabel ?? false);
    this.numLabels = options.numLabels ?? null;
    this.labelWeights = readLabelWeights(who, options.labelWeights);
    this.fromLogits = checkBoolean(who, 'fromLogits', options.fromLogits ?? false);
    if (this.numLabels !== null) {
      if (!this.multiLabel) throw new ValueError(`${who}: numLabels is needed only when multiLabel is true, received numLabels=${this.numLabels}`);
      this.build(this.numLabels);
    } else if (!this.multiLabel) this.build(1);
  }

  private build(labels: number): AucCounts {
    const n = this.numThresholds * labels;
    return (this.counts = {
      tp: new Float32Array(n),
      fp: new Float32Array(n),
      tn: new Float32Array(n),
      fn: new Float32Array(n),
      thresholds: this.numThresholds,
      labels,
    });
  }

  override updateState(yTrue: TensorLike, yPred?: TensorLike | null, sampleWeight?: TensorLike | null): void {
    let p = toFloat(requirePred(this.who, yPred));
    if (this.multiLabel && p.rank !== 2) {
      throw new ShapeError(`${this.who}: with multiLabel, yPred must have rank 2, received yPred.shape=${formatShape(p.shape)}`);
    }
    const counts = this.counts ?? this.build(p.shape[1]);
    if (this.multiLabel && counts.labels !== p.shape[1]) {
      throw new ShapeError(`${this.who}: expected ${counts.labels} labels, received yPred.shape=${formatShape(p.shape)}`);
    }
    if (this.fromLogits) p = sigmoid(p);
    updateConfusionMatrix(this.who, counts, yTrue, p, {
      thresholds: this.thresholds,
      evenlyDistributed: this.evenlyDistributed,
      sampleWeight,
      multiLabel: this.multiLabel,
      labelWeights: this.multiLabel ? null : this.labelWeights,
    });
  }

  /** The area (averaged over labels with `multiLabel`); 0 before any batch. */
  override result(): number {
    if (this.counts === null) return 0;
    const weights = this.multiLabel ? this.labelWeights : null;
    if (this.curve === 'PR' && this.summationMethod === 'interpolation') return interpolatePrAuc(this.counts, weights);
    return riemannAuc(this.counts, this.curve, this.summationMethod, weights);
  }

  override resetState(): void {
    if (this.counts) for (const a of [this.counts.tp, this.counts.fp, this.counts.tn, this.counts.fn]) a.fill(0);
  }

  override getConfig(): Record<string, unknown> {
    const config: Record<string, unknown> = {
      ...super.getConfig(),
      num_thresholds: this.numThresholds,
      curve: this.curve,
      summation_method: this.summationMethod,
      multi_label: this.multiLabel,
      num_labels: this.numLabels,
      // Keras keeps the weights as a float32 tensor and serializes them as one.
      label_weights: this.labelWeights
        ? { class_name: '__tensor__', config: { value: [...this.labelWeights], dtype: 'float32' } }
        : null,
      from_logits: this.fromLogits,
    };
    if (this.initFromThresholds) config['thresholds'] = this.thresholds.slice(1, -1);
    return config;
  }
}
