import { Loss, Metric, get as getLoss, resolveMetric } from '@strata/losses';
import { Optimizer, get as getOptimizer } from '@strata/optimizers';
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
  /** One loss (or null: no loss for that output) per output. */
  losses: (Loss | null)[];
  lossWeights: number[];
  /** Per output, the metric identifiers given to compile. */
  metricIds: unknown[][];
  /** Per output, its metrics: resolved on the first batch, since 'accuracy' depends on the data's shapes (as Keras). */
  metrics: Metric[][] | null;
  outputNames: string[];
  /** Keras's compile config, kept for the model JSON. */
  config: Record<string, unknown>;
}

function perOutput<T>(value: unknown, names: string[], what: string, single: (v: unknown) => T): T[] {
  if (value === undefined || value === null) return names.map(() => single(null));
  if (Array.isArray(value) && names.length > 1 && value.length === names.length) return value.map(single);
  if (typeof value === 'object' && !Array.isArray(value) && !('class_name' in value) && !('apply' in value)) {
    const rec = value as Record<string, unknown>;
    const unknown = Object.keys(rec).filter((k) => !names.includes(k));
    if (unknown.length) throw new ValueError(`compile: ${what} names unknown outputs ${show(unknown)}; outputs are ${show(names)}`);
    return names.map((n) => single(rec[n] ?? null));
  }
  if (Array.isArray(value) && names.length > 1) {
    throw new ValueError(`compile: ${what} has ${value.length} entries for ${names.length} outputs`);
  }
  return names.map(() => single(value));
}

/** Resolves compile arguments against a model's output names. */
export function resolveCompile(args: CompileArgs, outputNames: string[]): Compiled {
  const optimizer = getOptimizer((args.optimizer ?? 'rmsprop') as never)!;
  const losses = perOutput(args.loss, outputNames, 'loss', (l) => (l === null ? null : getLoss(l as never)));
  const lossWeights = perOutput(args.lossWeights, outputNames, 'lossWeights', (w) => (w === null ? 1 : Number(w)));
  lossWeights.forEach((w) => {
    if (!Number.isFinite(w)) throw new ValueError(`compile: lossWeights must be finite numbers, received ${show(args.lossWeights)}`);
  });
  const metricLists = perOutput(args.metrics, outputNames, 'metrics', (m) => (m === null ? [] : Array.isArray(m) ? m : [m]));
  const config = { optimizer: args.optimizer ?? 'rmsprop', loss: args.loss ?? null, metrics: args.metrics ?? null, loss_weights: args.lossWeights ?? null };
  return { optimizer, losses, lossWeights, metricIds: metricLists, metrics: null, outputNames, config };
}

/** Resolves the metrics on the first batch (Keras picks the accuracy variant from the shapes). */
export function buildMetrics(compiled: Compiled, yTrue: Tensor[], yPred: Tensor[]): Metric[][] {
  if (compiled.metrics) return compiled.metrics;
  const prefix = compiled.outputNames.length > 1;
  compiled.metrics = compiled.metricIds.map((ids, i) =>
    ids.map((id) => {
      const m = resolveMetric(id as never, yTrue[i], yPred[i]);
      if (prefix) m.name = `${compiled.outputNames[i]}_${m.name}`;
      return m;
    }),
  );
  return compiled.metrics;
}

/**
 * The training objective: the weighted sum of each output's loss plus every regularization loss
 * of the model (Keras's `compute_loss`).
 */
export function totalLoss(compiled: Compiled, yTrue: Tensor[], yPred: Tensor[], extra: Tensor[], sampleWeight?: Tensor): Tensor {
  let total: Tensor | null = null;
  compiled.losses.forEach((loss, i) => {
    if (!loss) return;
    let l = loss.apply(yTrue[i], yPred[i], sampleWeight);
    if (compiled.lossWeights[i] !== 1) l = mul(l, compiled.lossWeights[i]);
    total = total ? add(total, l) : l;
  });
  for (const e of extra) total = total ? add(total, sum(e)) : sum(e);
  if (!total) throw new ValueError('No loss to compute. Provide a `loss` argument in `compile()`.');
  return total;
}
