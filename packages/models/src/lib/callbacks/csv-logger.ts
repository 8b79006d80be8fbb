import { ValueError, show } from '@strata/tensor';
import { Callback, Logs } from './callback';
import { floatRepr } from './python-format';

/** Writes `text` to `path`: `'w'` replaces the file, `'a'` appends to it. */
export type CsvWrite = (path: string, text: string, mode: 'w' | 'a') => void | Promise<void>;
/** Reads `path`, or returns null when it does not exist. */
export type CsvRead = (path: string) => string | null | Promise<string | null>;

/** Options of `new CSVLogger(...)`. */
export interface CSVLoggerArgs {
  /** The CSV file, e.g. `'run/log.csv'`. */
  filename: string;
  /** The field separator. Default `','`. */
  separator?: string;
  /** Append to an existing file (continuing training) instead of replacing it. Default false. */
  append?: boolean;
  /** Writes the file. Default: `node:fs`, loaded on first use so that the package stays browser-safe. */
  write?: CsvWrite;
  /**
   * Reads the file, to know in append mode whether it already has a header. Default: `node:fs`
   * when `write` is not given; with a custom `write` and no `read`, the file counts as empty.
   */
  read?: CsvRead;
}

interface NodeFs {
  readFile(path: string, encoding: 'utf8'): Promise<string>;
  writeFile(path: string, text: string): Promise<void>;
  appendFile(path: string, text: string): Promise<void>;
}

// A variable keeps bundlers from resolving node:fs at build time.
const NODE_FS = 'node:fs/promises';

async function nodeFs(): Promise<NodeFs> {
  try {
    return (await import(/* webpackIgnore: true */ /* @vite-ignore */ NODE_FS)) as NodeFs;
  } catch (e) {
    throw new ValueError(`CSVLogger: no file system here (${(e as Error).message}); pass a write function: new CSVLogger({ filename, write: (path, text, mode) => ... })`);
  }
}

const nodeWrite: CsvWrite = async (path, text, mode) => {
  const fs = await nodeFs();
  await (mode === 'w' ? fs.writeFile(path, text) : fs.appendFile(path, text));
};

const nodeRead: CsvRead = async (path) => {
  const fs = await nodeFs();
  try {
    return await fs.readFile(path, 'utf8');
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') return null;
    throw e;
  }
};

/**
 * Streams each epoch's logs to a CSV file (`keras.callbacks.CSVLogger`), as Python's `csv` module
 * writes them for Keras: a header `epoch,<log names sorted>` (plus `val_<name>` columns when the first
 * epoch has no validation logs), one row per epoch with Python's float text, `NA` for a missing
 * value, `\r\n` line ends.
 *
 * @example
 * await model.fit(x, y, { epochs: 10, callbacks: [new CSVLogger({ filename: 'training.log' })] });
 * // training.log: epoch,loss,val_loss\r\n0,0.6931,0.6822\r\n...
 */
export class CSVLogger extends Callback {
  readonly filename: string;
  readonly separator: string;
  readonly append: boolean;
  private readonly writeFile: CsvWrite;
  private readonly readFile: CsvRead | null;
  /** The columns after `epoch`, fixed by the first epoch's logs. */
  keys: string[] | null = null;
  private appendHeader = true;
  private headerWritten = false;

  constructor(args: CSVLoggerArgs) {
    super();
    if (typeof args?.filename !== 'string' || !args.filename) {
      throw new ValueError(`CSVLogger: filename must be a non-empty string, received filename=${show(args?.filename)}`);
    }
    const separator = args.separator ?? ',';
    if (typeof separator !== 'string' || separator.length !== 1) {
      throw new ValueError(`CSVLogger: separator must be a 1-character string, received separator=${show(separator)}`);
    }
    this.filename = args.filename;
    this.separator = separator;
    this.append = args.append ?? false;
    this.writeFile = args.write ?? nodeWrite;
    this.readFile = args.read ?? (args.write ? null : nodeRead);
  }

  override async onTrainBegin(): Promise<void> {
    if (this.append) {
      const existing = this.readFile ? await this.readFile(this.filename) : null;
      // As Keras: a header only when the file is missing or empty.
      this.appendHeader = !existing;
      await this.writeFile(this.filename, '', 'a');
    } else {
      this.appendHeader = true;
      await this.writeFile(this.filename, '', 'w');
    }
    this.keys = null;
    this.headerWritten = false;
  }

  override async onEpochEnd(epoch: number, logs: Logs = {}): Promise<void> {
    if (this.keys === null) {
      this.keys = Object.keys(logs).sort();
      if (this.keys.length && !this.keys.some((k) => k.startsWith('val_'))) this.keys.push(...this.keys.map((k) => `val_${k}`));
    }
    let text = '';
    if (!this.headerWritten) {
      if (this.appendHeader) text += this.row(['epoch', ...this.keys]);
      this.headerWritten = true;
    }
    const value = (k: string) => (logs[k] === undefined || logs[k] === null ? 'NA' : floatRepr(logs[k]));
    text += this.row([String(epoch), ...this.keys.map(value)]);
    await this.writeFile(this.filename, text, 'a');
  }

  /** One line as Python's csv.excel dialect writes it: minimal quoting, `\r\n`. */
  private row(fields: string[]): string {
    const quote = (f: string) => (f.includes(this.separator) || /["\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
    return fields.map(quote).join(this.separator) + '\r\n';
  }
}
