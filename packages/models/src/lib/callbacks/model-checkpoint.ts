import { ValueError, show } from '@strata/tensor';
import type { Model } from '../model';
import { Logs } from './callback';
import { CallbackLog, requireModel } from './callback-utils';
import { MonitorCallback, MonitorMode } from './monitor-callback';
import { formatNumber, formatTemplate } from './python-format';

/** Writes `model` (or, with `weightsOnly`, its weights) to `path`. */
export type SaveFunction = (model: Model, path: string, options: { weightsOnly: boolean }) => Promise<void>;

/** Options of `new ModelCheckpoint(...)`, Keras's arguments in camelCase. */
export interface ModelCheckpointArgs {
  /** Where to save; may hold `{epoch:02d}`, `{batch}`, `{val_loss:.2f}`-style placeholders (Python's format). */
  filepath: string;
  /** The quantity `saveBestOnly` compares. Default `'val_loss'`. */
  monitor?: string;
  /** 1 prints each save decision. Default 0. */
  verbose?: number;
  /** Save only when the monitored quantity improves. Default false. */
  saveBestOnly?: boolean;
  /** Save only the weights (`.weights.h5`) instead of the whole model (`.keras`). Default false. */
  saveWeightsOnly?: boolean;
  /** `'min'`, `'max'` or `'auto'` (infer from the metric). Default `'auto'`. */
  mode?: MonitorMode;
  /** `'epoch'` to save at each epoch end, or a number n to save every n batches. Default `'epoch'`. */
  saveFreq?: 'epoch' | number;
  /** With `saveBestOnly`, the value to beat before the first save. Default null. */
  initialValueThreshold?: number | null;
  /**
   * Saves the model. Default: `saveModel` / `saveWeights` of `@strata/saving`, loaded on first use
   * so that this package does not depend on it.
   */
  save?: SaveFunction;
  /** Where messages and warnings go (default: the console). */
  log?: CallbackLog;
}

// Variables keep bundlers from resolving these at build time: the package stays browser-safe.
const SAVING_PACKAGE = '@strata/saving';
const NODE_FS = 'node:fs/promises';

interface SavingModule {
  saveModel(model: Model, path: string): Promise<void>;
  saveWeights(model: Model, path: string): Promise<void>;
}

async function loadSaving(): Promise<SavingModule> {
  let mod: Partial<SavingModule>;
  try {
    mod = (await import(/* webpackIgnore: true */ /* @vite-ignore */ SAVING_PACKAGE)) as Partial<SavingModule>;
  } catch (e) {
    throw new ValueError(
      `ModelCheckpoint: saving needs the @strata/saving package, which could not be loaded (${(e as Error).message}). Install it (npm install @strata/saving) or pass a save function: new ModelCheckpoint({ filepath, save: (model, path) => ... })`,
    );
  }
  if (typeof mod.saveModel !== 'function' || typeof mod.saveWeights !== 'function') {
    throw new ValueError('ModelCheckpoint: @strata/saving does not export saveModel and saveWeights; update it or pass a save function');
  }
  return mod as SavingModule;
}

/** Creates the directory of `path` when it is missing (as Keras), if a Node file system is there. */
async function ensureDirectory(path: string): Promise<void> {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  if (cut <= 0) return;
  let fs: { mkdir(p: string, o: { recursive: boolean }): Promise<unknown> };
  try {
    fs = await import(/* webpackIgnore: true */ /* @vite-ignore */ NODE_FS);
  } catch {
    return;
  }
  await fs.mkdir(path.slice(0, cut), { recursive: true });
}

/**
 * Saves the model or its weights during training (`keras.callbacks.ModelCheckpoint`), at each
 * epoch end or every `saveFreq` batches; with `saveBestOnly`, only when the monitored quantity
 * improves. The path is `filepath` formatted with `epoch` (1-based), `batch` (1-based, batch-level
 * saves only) and the logs, as Python's `str.format`: `'ckpt-{epoch:02d}-{val_loss:.2f}.keras'`.
 *
 * @example
 * const ckpt = new ModelCheckpoint({ filepath: 'best.keras', monitor: 'val_accuracy', saveBestOnly: true });
 * await model.fit(x, y, { epochs: 10, validationSplit: 0.2, callbacks: [ckpt] });
 */
export class ModelCheckpoint extends MonitorCallback {
  readonly filepath: string;
  readonly verbose: number;
  readonly saveBestOnly: boolean;
  readonly saveWeightsOnly: boolean;
  readonly saveFreq: 'epoch' | number;
  private readonly save: SaveFunction | null;
  private batchesSinceSave = 0;
  private lastBatchSeen: number | null = null;
  private currentEpoch = 0;

  constructor(args: ModelCheckpointArgs) {
    super('ModelCheckpoint', args.monitor ?? 'val_loss', args.mode ?? 'auto', args.initialValueThreshold ?? null, 0, args.log);
    if (typeof args.filepath !== 'string' || !args.filepath) {
      throw new ValueError(`ModelCheckpoint: filepath must be a non-empty string, received filepath=${show(args.filepath)}`);
    }
    this.filepath = args.filepath;
    this.verbose = args.verbose ?? 0;
    this.saveBestOnly = args.saveBestOnly ?? false;
    this.saveWeightsOnly = args.saveWeightsOnly ?? false;
    this.saveFreq = args.saveFreq ?? 'epoch';
    this.save = args.save ?? null;
    if (this.saveFreq !== 'epoch' && !Number.isInteger(this.saveFreq)) {
      throw new ValueError(`ModelCheckpoint: saveFreq must be 'epoch' or an integer, received saveFreq=${show(this.saveFreq)}`);
    }
    // The file formats of @strata/saving follow the extension, as Keras's; a custom save decides for itself.
    if (!this.save) {
      if (this.saveWeightsOnly && !this.filepath.endsWith('.weights.h5')) {
        throw new ValueError(
          `ModelCheckpoint: with saveWeightsOnly, filepath must end in '.weights.h5' (Keras weights format), received filepath=${show(this.filepath)}`,
        );
      }
      if (!this.saveWeightsOnly && !this.filepath.endsWith('.keras') && !this.filepath.endsWith('.h5')) {
        throw new ValueError(`ModelCheckpoint: filepath must end in '.keras' (Keras model format), received filepath=${show(this.filepath)}`);
      }
    }
  }

  override onEpochBegin(epoch: number): void {
    this.currentEpoch = epoch;
  }

  override async onTrainBatchEnd(batch: number, logs: Logs = {}): Promise<void> {
    if (this.shouldSaveOnBatch(batch)) await this.saveModel(this.currentEpoch, batch, logs);
  }

  override async onEpochEnd(epoch: number, logs: Logs = {}): Promise<void> {
    if (!this.monitorOp) this.setMonitorOp();
    if (this.saveFreq === 'epoch') await this.saveModel(epoch, null, logs);
  }

  private shouldSaveOnBatch(batch: number): boolean {
    if (this.saveFreq === 'epoch') return false;
    // A batch index that does not grow means a new epoch began.
    const added = this.lastBatchSeen === null || batch <= this.lastBatchSeen ? batch + 1 : batch - this.lastBatchSeen;
    this.batchesSinceSave += added;
    this.lastBatchSeen = batch;
    if (this.batchesSinceSave >= this.saveFreq) {
      this.batchesSinceSave = 0;
      return true;
    }
    return false;
  }

  private shouldSave(epoch: number, logs: Logs, filepath: string): boolean {
    if (!this.saveBestOnly) {
      if (this.verbose > 0) this.log(`Epoch ${epoch + 1}: saving model to ${filepath}`, 'info');
      return true;
    }
    const current = logs[this.monitor];
    if (current === undefined || current === null) {
      this.warnOnce(`Can save best model only with ${this.monitor} available.`);
      return true;
    }
    const bestStr = this.best === null ? 'None' : formatNumber(this.best, '.5f', false);
    if (this.isImprovement(current, this.best)) {
      if (this.verbose > 0) {
        this.log(`Epoch ${epoch + 1}: ${this.monitor} improved from ${bestStr} to ${formatNumber(current, '.5f', false)}, saving model to ${filepath}`, 'info');
      }
      this.best = current;
      return true;
    }
    if (this.verbose > 0) this.log(`Epoch ${epoch + 1}: ${this.monitor} did not improve from ${bestStr}`, 'info');
    return false;
  }

  /** The path for a save at `epoch` (and `batch`, for batch-level saves), both 0-based. */
  getFilePath(epoch: number, batch: number | null, logs: Logs): string {
    const values: Record<string, number> = { ...logs, epoch: epoch + 1 };
    if (batch !== null && !('batch' in logs)) values['batch'] = batch + 1;
    return formatTemplate(this.filepath, values, new Set(['epoch', 'batch']), 'ModelCheckpoint');
  }

  private async saveModel(epoch: number, batch: number | null, logs: Logs): Promise<void> {
    const filepath = this.getFilePath(epoch, batch, logs);
    if (!this.shouldSave(epoch, logs, filepath)) return;
    const model = requireModel(this.model, 'ModelCheckpoint');
    if (this.save) {
      await this.save(model, filepath, { weightsOnly: this.saveWeightsOnly });
    } else {
      const saving = await loadSaving();
      await ensureDirectory(filepath);
      await (this.saveWeightsOnly ? saving.saveWeights(model, filepath) : saving.saveModel(model, filepath));
    }
    if (this.verbose > 0) this.log(`Epoch ${epoch + 1}: finished saving model to ${filepath}`, 'info');
  }
}
