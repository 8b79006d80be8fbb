import { Tensor, ValueError, argmax, randomPermutation, show, tensor } from '@strata/tensor';
import { Callback, CallbackList, Logs } from '../callbacks/callback';
import { History } from '../callbacks/history';
import { ProgbarLogger } from '../callbacks/progbar-logger';
import type { Model } from '../model';
import { Compiled } from './compile';
import { DataLike, epochOrder, joinBatches, rowRange, rowsAt, sampleCount, splitTail, toTensors } from './data';
import { LossTracker, collectLogs, forward, testStep, trainStep } from './step';
import { yieldToEventLoop } from './yield';

/** Options of `model.fit(x, y, {...})`, Keras's arguments in camelCase. */
export interface FitArgs {
  batchSize?: number;
  epochs?: number;
  /** 0 silent, 1 progress bar, 2 one line per epoch; `'auto'` is 1 (Keras). */
  verbose?: 0 | 1 | 2 | 'auto';
  callbacks?: Callback[];
  /** Fraction of the data, taken from the end before shuffling, used for validation. */
  validationSplit?: number;
  validationData?: [DataLike, DataLike] | [DataLike, DataLike, DataLike];
  /** Shuffle the training samples each epoch (seeded by `setSeed`). Default true. */
  shuffle?: boolean;
  /** Class index → weight, turned into per-sample weights. */
  classWeight?: Record<number, number>;
  sampleWeight?: DataLike;
  initialEpoch?: number;
  stepsPerEpoch?: number;
  /** An `AbortSignal`: training stops after the current batch once it is aborted. */
  signal?: { readonly aborted: boolean };
}

/** Options of `evaluate`. */
export interface EvaluateArgs {
  batchSize?: number;
  sampleWeight?: DataLike;
}

function checkPositiveInt(v: number | undefined, name: string, dflt: number): number {
  if (v === undefined) return dflt;
  if (!Number.isInteger(v) || v <= 0) throw new ValueError(`fit: ${name} must be a positive integer, received ${name}=${show(v)}`);
  return v;
}

function verbosity(v: FitArgs['verbose']): number {
  return v === undefined || v === 'auto' ? 1 : v;
}

function classWeights(y: Tensor, weights: Record<number, number>): Tensor {
  const labels = y.rank > 1 && y.shape[y.rank - 1] > 1 ? argmax(y, -1) : y;
  const out = new Float32Array(labels.size);
  for (let i = 0; i < out.length; i++) out[i] = weights[Math.round(labels.data[i])] ?? 1;
  return tensor(out, [y.shape[0]]);
}

/** Input/target tensors of a model from user data. */
export function modelData(model: Model, x: DataLike, y: DataLike | undefined): { xs: Tensor[]; ys: Tensor[] } {
  // An unbuilt Sequential has no symbolic inputs yet, but always exactly one input and output.
  const xs = toTensors(x, model.inputNames, model.inputs.length || 1, 'input');
  const ys = y === undefined ? [] : toTensors(y, model.outputNames, model.outputs.length || 1, 'target');
  return { xs, ys };
}

/** The training loop (Keras's `fit`); resolves to the `History`. */
export async function fit(model: Model, compiled: Compiled, x: DataLike, y: DataLike, args: FitArgs = {}): Promise<History> {
  const batchSize = checkPositiveInt(args.batchSize, 'batchSize', 32);
  const epochs = checkPositiveInt(args.epochs, 'epochs', 1);
  const verbose = verbosity(args.verbose);
  let { xs, ys } = modelData(model, x, y);
  let sw = args.sampleWeight === undefined ? undefined : toTensors(args.sampleWeight, null, 1, 'sampleWeight')[0];
  let n = sampleCount([{ name: 'x', tensors: xs }, { name: 'y', tensors: ys }, ...(sw ? [{ name: 'sampleWeight', tensors: [sw] }] : [])]);
  let val: { xs: Tensor[]; ys: Tensor[]; sw?: Tensor } | null = null;
  if (args.validationData) {
    const [vx, vy, vw] = args.validationData;
    val = { ...modelData(model, vx, vy), sw: vw === undefined ? undefined : toTensors(vw, null, 1, 'sampleWeight')[0] };
  } else if (args.validationSplit) {
    const all = [...xs, ...ys, ...(sw ? [sw] : [])];
    const { train, val: held } = splitTail(all, n, args.validationSplit);
    val = { xs: held.slice(0, xs.length), ys: held.slice(xs.length, xs.length + ys.length), sw: sw ? held[held.length - 1] : undefined };
    [xs, ys, sw] = [train.slice(0, xs.length), train.slice(xs.length, xs.length + ys.length), sw ? train[train.length - 1] : undefined];
    n = xs[0].shape[0];
  }
  if (args.classWeight) {
    if (ys.length !== 1) throw new ValueError('fit: classWeight is supported only for models with one output, as Keras');
    sw = classWeights(ys[0], args.classWeight);
  }
  const steps = args.stepsPerEpoch ?? Math.ceil(n / batchSize);
  const history = new History();
  const list = new CallbackList([...(args.callbacks ?? []), ...(verbose ? [new ProgbarLogger()] : []), history]);
  list.setModel(model);
  list.setParams({ epochs, steps, verbose });
  model.stopTraining = false;
  const tracker = new LossTracker();
  await list.call('onTrainBegin');
  for (let epoch = args.initialEpoch ?? 0; epoch < epochs && !model.stopTraining; epoch++) {
    tracker.reset();
    compiled.metrics?.flat().forEach((m) => m.resetState());
    await list.call('onEpochBegin', epoch);
    const order = epochOrder(n, args.shuffle ?? true, (k) => randomPermutation(k));
    for (let step = 0; step < steps && !model.stopTraining; step++) {
      const start = (step * batchSize) % n;
      const end = Math.min(start + batchSize, n);
      const idx = rowRange([order], start, end)[0];
      const pick = (ts: Tensor[]) => (args.shuffle === false ? rowRange(ts, start, end) : rowsAt(ts, idx));
      await list.call('onTrainBatchBegin', step);
      trainStep(model, compiled, pick(xs), pick(ys), tracker, sw ? pick([sw])[0] : undefined);
      await list.call('onTrainBatchEnd', step, collectLogs(tracker, compiled.metrics));
      if (args.signal?.aborted) model.stopTraining = true;
      await yieldToEventLoop();
    }
    const logs: Logs = collectLogs(tracker, compiled.metrics);
    if (val && !model.stopTraining) {
      const v = evaluateTensors(model, compiled, val.xs, val.ys, batchSize, val.sw);
      for (const [k, value] of Object.entries(v)) logs[`val_${k}`] = value;
    }
    await list.call('onEpochEnd', epoch, logs);
  }
  await list.call('onTrainEnd', history.epoch.length ? lastLogs(history) : {});
  return history;
}

function lastLogs(h: History): Logs {
  const out: Logs = {};
  for (const [k, v] of Object.entries(h.history)) out[k] = v[v.length - 1];
  return out;
}

/** Loss and metrics over data in batches (Keras's `evaluate`), without callbacks. */
export function evaluateTensors(model: Model, compiled: Compiled, xs: Tensor[], ys: Tensor[], batchSize: number, sw?: Tensor): Logs {
  const n = sampleCount([{ name: 'x', tensors: xs }, { name: 'y', tensors: ys }]);
  const tracker = new LossTracker();
  // As Keras: evaluation resets the metrics (training logs were read before it runs).
  compiled.metrics?.flat().forEach((m) => m.resetState());
  for (let start = 0; start < n; start += batchSize) {
    const end = Math.min(start + batchSize, n);
    testStep(model, compiled, rowRange(xs, start, end), rowRange(ys, start, end), tracker, sw ? rowRange([sw], start, end)[0] : undefined);
  }
  return collectLogs(tracker, compiled.metrics);
}

/** Outputs for data in batches (Keras's `predict`): one tensor per output. */
export function predictTensors(model: Model, xs: Tensor[], batchSize: number): Tensor[] {
  const n = sampleCount([{ name: 'x', tensors: xs }]);
  const batches: Tensor[][] = [];
  for (let start = 0; start < Math.max(n, 1); start += batchSize) {
    batches.push(forward(model, rowRange(xs, start, Math.min(start + batchSize, n)), false));
  }
  return joinBatches(batches);
}
