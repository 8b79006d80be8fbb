import { Callback, Logs } from './callback';

/** Where progress goes: a stream with `write`, like `process.stdout`. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

function defaultStream(): ProgressStream {
  const g = globalThis as unknown as { process?: { stdout?: ProgressStream }; console: { log(s: string): void } };
  return g.process?.stdout ?? { write: (t: string) => g.console.log(t.replace(/\n$/, '')) };
}

function formatValue(v: number): string {
  const a = Math.abs(v);
  // Python's '%.4e' writes at least two exponent digits: 7.0000e-04.
  return a !== 0 && (a < 1e-3 || a >= 1e4) ? v.toExponential(4).replace(/e([+-])(\d)$/, 'e$10$2') : v.toFixed(4);
}

function formatTime(seconds: number): string {
  if (seconds >= 3600) return `${Math.floor(seconds / 3600)}h${Math.floor((seconds % 3600) / 60)}m`;
  if (seconds >= 60) return `${Math.floor(seconds / 60)}m${Math.round(seconds % 60)}s`;
  return `${Math.round(seconds)}s`;
}

/** `accuracy: 0.9123 - loss: 0.2841`, names sorted as Keras prints them. */
export function formatLogs(logs: Logs): string {
  return Object.keys(logs)
    .sort()
    .map((k) => `${k}: ${formatValue(logs[k])}`)
    .join(' - ');
}

/**
 * Keras's terminal progress bar: `Epoch 3/10`, then
 * `63/63 ━━━━━━━━━━━━━━━━━━━━ 1s 5ms/step - accuracy: 0.91 - loss: 0.28`. On a TTY the bar
 * redraws in place; otherwise (or with verbose 2) one line per epoch.
 */
export class ProgbarLogger extends Callback {
  private start = 0;
  private lastDraw = 0;
  private readonly stream: ProgressStream;

  constructor(stream?: ProgressStream) {
    super();
    this.stream = stream ?? defaultStream();
  }

  private get live(): boolean {
    return this.params.verbose === 1 && Boolean(this.stream.isTTY);
  }

  override onEpochBegin(epoch: number): void {
    if (this.params.verbose) this.stream.write(`Epoch ${epoch + 1}/${this.params.epochs}\n`);
    this.start = Date.now();
    this.lastDraw = 0;
  }

  override onTrainBatchEnd(batch: number, logs: Logs = {}): void {
    if (!this.live) return;
    const now = Date.now();
    if (now - this.lastDraw < 50 && batch + 1 < this.params.steps) return;
    this.lastDraw = now;
    this.stream.write(`\r${this.line(batch + 1, logs, false)}\x1b[K`);
  }

  override onEpochEnd(_epoch: number, logs: Logs = {}): void {
    if (!this.params.verbose) return;
    this.stream.write(`${this.live ? '\r' : ''}${this.line(this.params.steps, logs, true)}${this.live ? '\x1b[K' : ''}\n`);
  }

  /** One progress line after `done` of `steps` steps. */
  line(done: number, logs: Logs, final: boolean): string {
    const steps = this.params.steps;
    const width = 20;
    const filled = steps ? Math.round((done / steps) * width) : width;
    const bar = '━'.repeat(filled) + (filled < width ? '\x1b[2m' + '━'.repeat(width - filled) + '\x1b[0m' : '');
    const elapsed = (Date.now() - this.start) / 1000;
    const perStep = done ? (elapsed * 1000) / done : 0;
    const time = final || done >= steps ? formatTime(elapsed) : `${formatTime(((steps - done) * perStep) / 1000)}`;
    const unit = perStep >= 1000 ? `${(perStep / 1000).toFixed(0)}s/step` : `${Math.round(perStep)}ms/step`;
    const stats = formatLogs(logs);
    return `${String(done).padStart(String(steps).length)}/${steps} ${this.stream.isTTY ? bar : '━'.repeat(filled)} ${time} ${unit}${stats ? ' - ' + stats : ''}`;
  }
}
