import { Metric } from '@strata/losses';
import { Tensor, variableGrads } from '@strata/tensor';
import type { Model } from '../model';
import { Compiled, totalLoss } from './compile';

/** Loss tracked as Keras does: a mean over batches weighted by their sizes. */
export class LossTracker {
  private total = 0;
  private count = 0;
  update(value: number, weight: number): void {
    this.total += value * weight;
    this.count += weight;
  }
  result(): number {
    return this.count ? this.total / this.count : 0;
  }
  reset(): void {
    this.total = 0;
    this.count = 0;
  }
}

/** Forward pass returning one tensor per output. */
export function forward(model: Model, xs: Tensor[], training: boolean): Tensor[] {
  return model.applyMulti(xs.length === 1 ? xs[0] : xs, { training });
}

function updateMetrics(metrics: Metric[][], ys: Tensor[], preds: Tensor[], sampleWeight?: Tensor): void {
  metrics.forEach((list, i) => list.forEach((m) => m.updateState(ys[i], preds[i], sampleWeight)));
}

/** The logs of a step: `loss` and every metric, sorted by name as Keras prints them. */
export function collectLogs(tracker: LossTracker, metrics: Metric[][] | null): Record<string, number> {
  const logs: Record<string, number> = { loss: tracker.result() };
  for (const list of metrics ?? []) {
    for (const m of list) {
      const r = m.result();
      // Per-class results (F1Score with average=None) are logged as their mean: logs hold numbers.
      logs[m.name] = Array.isArray(r) ? r.reduce((a, b) => a + b, 0) / (r.length || 1) : r;
    }
  }
  return logs;
}

/** One optimizer step on a batch (Keras's `train_step`); returns the batch's total loss. */
export function trainStep(model: Model, compiled: Compiled, xs: Tensor[], ys: Tensor[], tracker: LossTracker, sampleWeight?: Tensor): number {
  const variables = model.trainableWeights;
  let preds: Tensor[] = [];
  const { value, grads } = variableGrads(() => {
    preds = forward(model, xs, true);
    return totalLoss(compiled, ys, preds, model.losses, sampleWeight);
  }, variables);
  compiled.optimizer.apply(grads, variables);
  const loss = value.item();
  tracker.update(loss, xs[0].shape[0]);
  updateMetrics(compiled.metrics!, ys, preds, sampleWeight);
  return loss;
}

/** Loss and metrics on a batch without training (Keras's `test_step`). */
export function testStep(model: Model, compiled: Compiled, xs: Tensor[], ys: Tensor[], tracker: LossTracker, sampleWeight?: Tensor): void {
  const preds = forward(model, xs, false);
  tracker.update(totalLoss(compiled, ys, preds, model.losses, sampleWeight).item(), xs[0].shape[0]);
  updateMetrics(compiled.metrics!, ys, preds, sampleWeight);
}
