// The area computations of Keras's AUC.result(), on confusion counts laid out [thresholds, labels]
// (labels = 1 unless multi-label). Every step rounds to float32, as Keras's float32 ops do.

/** The counts of one AUC metric. @internal */
export interface AucCounts {
  tp: Float32Array;
  fp: Float32Array;
  tn: Float32Array;
  fn: Float32Array;
  thresholds: number;
  labels: number;
}

const f = Math.fround;
const noNaN = (a: number, b: number) => (b === 0 ? 0 : f(a / b));

/** The per-label areas averaged evenly, or weighted by `labelWeights` (Keras's `divide_no_nan`). */
function average(byLabel: number[], labelWeights: readonly number[] | null): number {
  if (byLabel.length === 1 && labelWeights === null) return byLabel[0];
  if (labelWeights === null) return f(byLabel.reduce((s, v) => f(s + v), 0) / byLabel.length);
  const num = byLabel.reduce((s, v, l) => f(s + f(v * f(labelWeights[l]))), 0);
  const den = labelWeights.reduce((s, v) => f(s + f(v)), 0);
  return noNaN(num, den);
}

/**
 * The PR-AUC of Davis & Goadrich (2006) that Keras's `interpolate_pr_auc` computes: precision is
 * interpolated between thresholds by interpolating true and false positives linearly.
 * @internal
 */
export function interpolatePrAuc(c: AucCounts, labelWeights: readonly number[] | null): number {
  const { tp, fp, fn, thresholds: T, labels: L } = c;
  const byLabel: number[] = [];
  for (let l = 0; l < L; l++) {
    let area = 0;
    for (let i = 0; i < T - 1; i++) {
      const a = i * L + l;
      const b = (i + 1) * L + l;
      const dtp = f(tp[a] - tp[b]);
      const pA = f(tp[a] + fp[a]);
      const pB = f(tp[b] + fp[b]);
      const dp = f(pA - pB);
      const slope = noNaN(dtp, Math.max(dp, 0));
      const intercept = f(tp[b] - f(slope * pB));
      const ratio = pA > 0 && pB > 0 ? noNaN(pA, Math.max(pB, 0)) : 1;
      const increment = noNaN(f(slope * f(dtp + f(intercept * f(Math.log(ratio))))), Math.max(f(tp[b] + fn[b]), 0));
      area = f(area + increment);
    }
    byLabel.push(area);
  }
  return average(byLabel, labelWeights);
}

/** The curve's `x` and `y` at every threshold, per Keras's `curve`. */
function curvePoints(c: AucCounts, curve: 'ROC' | 'PR' | 'PRGAIN'): { x: number[]; y: number[] } {
  const { tp, fp, tn, fn } = c;
  const n = tp.length;
  const x: number[] = new Array(n);
  const y: number[] = new Array(n);
  for (let k = 0; k < n; k++) {
    const recall = noNaN(tp[k], f(tp[k] + fn[k]));
    if (curve === 'ROC') {
      x[k] = noNaN(fp[k], f(fp[k] + tn[k]));
      y[k] = recall;
    } else if (curve === 'PR') {
      x[k] = recall;
      y[k] = noNaN(tp[k], f(tp[k] + fp[k]));
    } else {
      // Recall and precision gains (Flach & Kull 2015), with Keras's fixes for tp = 0 and
      // recall below the positive rate.
      const scale = noNaN(f(tp[k] + fn[k]), f(tn[k] + fp[k]));
      const recallGain = tp[k] === 0 ? 0 : f(1 - f(scale * noNaN(fn[k], tp[k])));
      const precisionGain = tp[k] === 0 ? 1 : f(1 - f(scale * noNaN(fp[k], tp[k])));
      x[k] = Math.max(recallGain, 0);
      y[k] = precisionGain;
    }
  }
  return { x, y };
}

/**
 * A Riemann sum of the curve over the thresholds: mid-point heights for `'interpolation'`, the
 * lower or the higher end for `'minoring'` / `'majoring'`.
 * @internal
 */
export function riemannAuc(
  c: AucCounts,
  curve: 'ROC' | 'PR' | 'PRGAIN',
  summation: 'interpolation' | 'minoring' | 'majoring',
  labelWeights: readonly number[] | null,
): number {
  const { thresholds: T, labels: L } = c;
  const { x, y } = curvePoints(c, curve);
  const byLabel: number[] = [];
  for (let l = 0; l < L; l++) {
    let area = 0;
    for (let i = 0; i < T - 1; i++) {
      const a = i * L + l;
      const b = (i + 1) * L + l;
      const height =
        summation === 'interpolation' ? f(f(y[a] + y[b]) / 2) : summation === 'minoring' ? Math.min(y[a], y[b]) : Math.max(y[a], y[b]);
      area = f(area + f(f(x[a] - x[b]) * height));
    }
    byLabel.push(area);
  }
  return average(byLabel, labelWeights);
}
