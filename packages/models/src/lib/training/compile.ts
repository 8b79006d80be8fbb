import { Loss, Metric, resolveLoss, resolveMetric } from '@strata/losses';
import { Optimizer, get as getOptimizer, serialize as serializeOptimizer } from '@strata/optimizers';
import { Tensor, ValueError, add, mul, show, sum } from '@strata/tensor';

/** Options of `model.compile(...)`, Keras's arguments in camelCase. */
export interface CompileArgs {
  /** An optimizer instance or name (`'adam'`, `'sgd'`, ...). Default `'rmsprop'`, as Keras. */
  optimizer?: unknown;
  /** One loss for every output, one per output (array), or by output name (object). */
  loss?: unknown;
  /** Metrics for every output (array), or by output name (object). */
  metrics?: unknown;
  /** Scalar weights of each output's loss (array or by output name). */
  lossWeights?: number[] | Record<string, number>;
}

/** What compile resolved: everything the training loop needs. */
export interface Compiled {
  optimizer: Optimizer;
  /** Per output, the loss identifier given to compile (null: no loss for that output). */
  lossIds: unknown[];
  lossWeights: number[];
  /** Per output, the metric identifiers given to compile. */
  metricIds: unknown[][];
  /**
   * Losses and metrics, resolved on the first batch: as in Keras, `'accuracy'` and
   * `'crossentropy'` pick their variant from the shapes of the targets and predictions.
   */
  losses: (Loss | null)[] | null;
  metrics: Metric[][] | null;
  outputNames: string[];
  /** Keras's compile config, kept for the model JSON. */
  config: Record<string, unknown>;
}

function isPlainRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !('class_name' in v) && !('apply' in v) && !('updateState' in v);
}

function perOutput<T>(value: unknown, names: string[], what: string, single: (v: unknown) => T): T[] {
  if (value === undefined || value === null) return names.map(() => single(null));
  if (isPlainRecord(value)) {
    const unknown = Object.keys(value).filter((k) => !names.includes(k));
    if (unknown.length) throw new ValueError(`compile: ${what} names unknown outputs ${show(unknown)}; outputs are ${show(names)}`);
    return names.map((n) => single(value[n] ?? null));
  }
  if (Array.isArray(value) && names.length > 1) {
    if (value.length !== names.length) {
      throw new ValueError(`compile: ${what} has ${value.length} entries for ${names.length} outputs (${show(names)})`);
    }
    return value.map(single);
  }
  return names.map(() => single(value));
}

/** Resolves compile arguments against a model's output names. */
export function resolveCompile(args: CompileArgs, outputNames: string[]): Compiled {
  const optimizer = getOptimizer((args.optimizer ?? 'rmsprop') as never)!;
  const lossIds = perOutput(args.loss, outputNames, 'loss', (l) => l);
  const lossWeights = perOutput(args.lossWeights, outputNames, 'lossWeights', (w) => (w === null ? 1 : Number(w)));
  lossWeights.forEach((w) => {
    if (!Number.isFinite(w)) throw new ValueError(`compile: lossWeights must be finite numbers, received lossWeights=${show(args.lossWeights)}`);
  });
  // Metrics: a flat array applies to every output (Keras), an object maps output names to lists.
  const metricIds = isPlainRecord(args.metrics)
    ? perOutput(args.metrics, outputNames, 'metrics', (m) => (m === null ? [] : Array.isArray(m) ? m : [m]))
    : outputNames.map(() => (args.metrics == null ? [] : Array.isArray(args.metrics) ? args.metrics : [args.metrics]));
  const config = {
    optimizer: serializeOptimizer(optimizer), loss: plain(args.loss), loss_weights: args.lossWeights ?? null,
    metrics: plain(args.metrics), weighted_metrics: null, run_eagerly: false, steps_per_execution: 1, jit_compile: false,
  };
  return { optimizer, lossIds, lossWeights, metricIds, losses: null, metrics: null, outputNames, config };
}

// Names are kept as written; objects are recorded by their Keras config when they have one.
function plain(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'number') return v;
  if (Array.isArray(v)) return v.map(plain);
  const o = v as { getConfig?: () => unknown; constructor: { className?: string } };
  if (typeof o.getConfig === 'function') return { class_name: o.constructor.className, config: o.getConfig() };
  if (isPlainRecord(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return null;
}

/** Resolves losses and metrics on the first batch (Keras picks variants from the shapes). */
export function buildCompiled(compiled: Compiled, yTrue: Tensor[], yPred: Tensor[]): void {
  if (compiled.losses && compiled.metrics) return;
  const shapes = (i: number) => ({ yTrue: yTrue[i].shape, yPred: yPred[i].shape });
  compiled.losses ??= compiled.lossIds.map((id, i) => (id === null ? null : resolveLoss(id as never, shapes(i))));
  const prefix = compiled.outputNames.length > 1;
  compiled.metrics ??= compiled.metricIds.map((ids, i) =>
    ids.map((id) => {
      const m = resolveMetric(id as never, shapes(i));
      if (prefix) m.name = `${compiled.outputNames[i]}_${m.name}`;
      return m;
    }),
  );
}

/**
 * The training objective: the weighted sum of each output's loss plus every regularization loss
 * of the model (Keras's `compute_loss`).
 */
export function totalLoss(compiled: Compiled, yTrue: Tensor[], yPred: Tensor[], extra: Tensor[], sampleWeight?: Tensor): Tensor {
  buildCompiled(compiled, yTrue, yPred);
  let total: Tensor | null = null;
  compiled.losses!.forEach((loss, i) => {
    if (!loss) return;
    let l = loss.apply(yTrue[i], yPred[i], sampleWeight);
    if (compiled.lossWeights[i] !== 1) l = mul(l, compiled.lossWeights[i]);
    total = total ? add(total, l) : l;
  });
  for (const e of extra) total = total ? add(total, sum(e)) : sum(e);
  if (!total) throw new ValueError('No loss to compute. Provide a `loss` argument in `compile()`.');
  return total;
}
