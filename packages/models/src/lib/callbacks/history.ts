import { Callback, Logs } from './callback';

/**
 * Records every epoch's logs (`keras.callbacks.History`); `fit` returns it.
 *
 * @example
 * const h = await model.fit(x, y, { epochs: 3 });
 * h.history.loss; // [0.9, 0.5, 0.3]
 */
export class History extends Callback {
  /** Per-epoch values by name: `loss`, metric names, and `val_*`. */
  history: Record<string, number[]> = {};
  /** The epoch indices recorded. */
  epoch: number[] = [];

  override onTrainBegin(): void {
    this.epoch = [];
  }

  override onEpochEnd(epoch: number, logs: Logs = {}): void {
    this.epoch.push(epoch);
    for (const [k, v] of Object.entries(logs)) (this.history[k] ??= []).push(v);
  }
}
