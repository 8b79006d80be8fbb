import { ValueError, show } from '@strata/tensor';
import { Callback } from './callback';
import { CallbackLog, defaultLog } from './callback-utils';

/** Which way a monitored quantity should go: `'auto'` infers it from the metric, as Keras. */
export type MonitorMode = 'auto' | 'min' | 'max';

// Keras metric classes and their `_direction` (keras/src/metrics, 3.15.1): used for metrics that
// do not carry a `direction` themselves. Metrics outside both lists make mode 'auto' an error.
const UP = new Set([
  'Accuracy', 'BinaryAccuracy', 'CategoricalAccuracy', 'SparseCategoricalAccuracy', 'TopKCategoricalAccuracy',
  'SparseTopKCategoricalAccuracy', 'AUC', 'Precision', 'Recall', 'SensitivityAtSpecificity', 'SpecificityAtSensitivity',
  'PrecisionAtRecall', 'RecallAtPrecision', 'FBetaScore', 'F1Score', 'IoU', 'BinaryIoU', 'MeanIoU', 'OneHotIoU',
  'OneHotMeanIoU', 'R2Score', 'CosineSimilarity', 'PearsonCorrelation', 'ConcordanceCorrelation',
]);
const DOWN = new Set([
  'MeanSquaredError', 'MeanAbsoluteError', 'MeanAbsolutePercentageError', 'MeanSquaredLogarithmicError',
  'RootMeanSquaredError', 'LogCoshError', 'Hinge', 'SquaredHinge', 'CategoricalHinge', 'Poisson', 'KLDivergence',
  'BinaryCrossentropy', 'CategoricalCrossentropy', 'SparseCategoricalCrossentropy',
]);

interface MetricLike {
  name: string;
  direction?: 'up' | 'down';
  _direction?: 'up' | 'down';
}

function directionOf(m: MetricLike): 'up' | 'down' | undefined {
  const own = m.direction ?? m._direction;
  if (own) return own;
  const ctor = m.constructor as { className?: string; name: string };
  const cls = ctor.className ?? ctor.name;
  return UP.has(cls) ? 'up' : DOWN.has(cls) ? 'down' : undefined;
}

/**
 * The base of callbacks that watch one logged quantity and decide whether it improved
 * (Keras's `MonitorCallback`): `EarlyStopping`, `ModelCheckpoint`, `ReduceLROnPlateau`.
 *
 * Improvement: `current - minDelta > best` in max mode, `current + minDelta < best` in min mode.
 * Mode `'auto'` minimizes `loss`/`val_loss` and otherwise asks the compiled metric of that name
 * for its direction (accuracy, AUC, precision, F1... go up; errors and crossentropies go down).
 *
 * @example
 * class SaveBest extends MonitorCallback {
 *   constructor() { super('SaveBest', 'val_accuracy', 'auto', null, 0); }
 *   override onEpochEnd(epoch: number, logs: Logs = {}) {
 *     if (this.isImprovement(logs.val_accuracy, this.best)) this.best = logs.val_accuracy;
 *   }
 * }
 */
export abstract class MonitorCallback extends Callback {
  /** The logged quantity watched, e.g. `'val_loss'`. */
  readonly monitor: string;
  readonly mode: MonitorMode;
  /** The best value seen so far (or the initial threshold), null before the first. */
  best: number | null;
  /** Signed once the direction is known: negative in min mode, as Keras. */
  minDelta: number;
  protected monitorOp: ((a: number, b: number) => boolean) | null = null;
  protected readonly log: CallbackLog;
  private readonly who: string;
  private readonly warned = new Set<string>();

  protected constructor(who: string, monitor: string, mode: string, baseline: number | null, minDelta: number, log?: CallbackLog) {
    super();
    this.who = who;
    this.log = log ?? defaultLog;
    if (mode !== 'auto' && mode !== 'min' && mode !== 'max') {
      this.log(`${who} mode '${mode}' is unknown, fallback to auto mode.`, 'warn');
      mode = 'auto';
    }
    this.monitor = monitor;
    this.mode = mode as MonitorMode;
    this.best = baseline;
    this.minDelta = Math.abs(minDelta);
  }

  /** Logs a warning once per distinct message, as Python's default warning filter shows it. */
  protected warnOnce(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    this.log(message, 'warn');
  }

  /** Decides min or max; run once the model's metrics exist (at the first epoch end, as Keras). */
  protected setMonitorOp(): void {
    let op: 'less' | 'greater' | null = this.mode === 'min' ? 'less' : this.mode === 'max' ? 'greater' : null;
    if (this.mode === 'auto') {
      const metricName = this.monitor.startsWith('val_') ? this.monitor.slice(4) : this.monitor;
      if (metricName === 'loss') op = 'less';
      for (const m of (this.model?.compiled?.metrics?.flat() ?? []) as unknown as MetricLike[]) {
        if (m.name !== metricName) continue;
        const dir = directionOf(m);
        if (dir) op = dir === 'up' ? 'greater' : 'less';
      }
      if (!op) {
        throw new ValueError(
          `${this.who}: mode 'auto' cannot tell whether the monitored metric should be maximized or minimized; pass mode: 'max' (the highest value is best) or mode: 'min' (the lowest), received monitor=${show(this.monitor)}`,
        );
      }
    }
    this.monitorOp = op === 'less' ? (a, b) => a < b : (a, b) => a > b;
    if (op === 'less') this.minDelta *= -1;
  }

  /** Whether `value` improves on `reference` by more than `minDelta` (always, when there is no reference). */
  protected isImprovement(value: number, reference: number | null): boolean {
    if (reference === null) return true;
    if (!this.monitorOp) this.setMonitorOp();
    return (this.monitorOp as (a: number, b: number) => boolean)(value - this.minDelta, reference);
  }
}
