import { Dense } from '@strata/layers';
import { ValueError, tensor } from '@strata/tensor';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Sequential } from '../sequential';
import { CSVLogger } from './csv-logger';
import { floatRepr } from './python-format';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'strata-csv-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(logger: CSVLogger, epochs: [number, Record<string, number>][]): Promise<void> {
  await logger.onTrainBegin();
  for (const [epoch, logs] of epochs) await logger.onEpochEnd(epoch, logs);
  logger.onTrainEnd();
}

describe('CSVLogger', () => {
  it('writes what Keras writes', async () => {
    // Bytes written by keras.callbacks.CSVLogger 3.15.1 for the same calls.
    const file = join(dir, 'log.csv');
    await run(new CSVLogger({ filename: file }), [
      [0, { loss: 1.0, accuracy: 0.5 }],
      [1, { loss: 0.25, accuracy: 0.75, val_loss: 0.1 }],
    ]);
    await run(new CSVLogger({ filename: file, separator: ';', append: true }), [[2, { loss: 1e-5, 'a,b': NaN }]]);
    expect(readFileSync(file, 'utf8')).toBe(
      'epoch,accuracy,loss,val_accuracy,val_loss\r\n0,0.5,1.0,NA,NA\r\n1,0.75,0.25,NA,0.1\r\n2;nan;1e-05;NA;NA\r\n',
    );
  });

  it('keeps the first epoch’s validation columns as they are', async () => {
    const file = join(dir, 'log.csv');
    await run(new CSVLogger({ filename: file }), [[0, { val_loss: 2, loss: 3 }]]);
    expect(readFileSync(file, 'utf8')).toBe('epoch,loss,val_loss\r\n0,3.0,2.0\r\n');
  });

  it('replaces the file on each fit unless appending', async () => {
    const file = join(dir, 'log.csv');
    writeFileSync(file, 'old\r\n');
    const logger = new CSVLogger({ filename: file });
    await run(logger, [[0, { loss: 1 }]]);
    await run(logger, [[0, { loss: 2 }]]);
    expect(readFileSync(file, 'utf8')).toBe('epoch,loss,val_loss\r\n0,2.0,NA\r\n');
  });

  it('appends without a second header, and writes one to a new or empty file', async () => {
    const file = join(dir, 'log.csv');
    const logger = new CSVLogger({ filename: file, append: true });
    await run(logger, [[0, { loss: 1 }]]);
    await run(logger, [[1, { loss: 0.5 }]]);
    expect(readFileSync(file, 'utf8')).toBe('epoch,loss,val_loss\r\n0,1.0,NA\r\n1,0.5,NA\r\n');
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    await run(new CSVLogger({ filename: empty, append: true }), [[0, { loss: 1 }]]);
    expect(readFileSync(empty, 'utf8')).toBe('epoch,loss,val_loss\r\n0,1.0,NA\r\n');
  });

  it('quotes fields as Python’s csv module does', async () => {
    const file = join(dir, 'log.csv');
    await run(new CSVLogger({ filename: file }), [[0, { 'a,b': 1, 'say "hi"': 2, val_x: 3 }]]);
    expect(readFileSync(file, 'utf8')).toBe('epoch,"a,b","say ""hi""",val_x\r\n0,1.0,2.0,3.0\r\n');
  });

  it('writes through a custom write function', async () => {
    const calls: [string, string, string][] = [];
    const logger = new CSVLogger({ filename: 'mem.csv', write: (p, t, m) => void calls.push([p, t, m]) });
    await run(logger, [[0, { loss: 0.5 }]]);
    expect(calls).toEqual([
      ['mem.csv', '', 'w'],
      ['mem.csv', 'epoch,loss,val_loss\r\n0,0.5,NA\r\n', 'a'],
    ]);
  });

  it('asks a custom read function whether an appended file has a header', async () => {
    const calls: string[] = [];
    const logger = new CSVLogger({ filename: 'mem.csv', append: true, read: () => 'epoch,loss\r\n', write: (_p, t) => void calls.push(t) });
    await run(logger, [[3, { loss: 0.5 }]]);
    expect(calls).toEqual(['', '3,0.5,NA\r\n']);
  });

  it('rejects a bad filename or separator', () => {
    expect(() => new CSVLogger({ filename: '' })).toThrow(ValueError);
    expect(() => new CSVLogger({ filename: '' })).toThrow("CSVLogger: filename must be a non-empty string, received filename=''");
    expect(() => new CSVLogger({ filename: 'a.csv', separator: ', ' })).toThrow(ValueError);
    expect(() => new CSVLogger({ filename: 'a.csv', separator: ', ' })).toThrow("CSVLogger: separator must be a 1-character string, received separator=', '");
  });

  it('logs every epoch of fit', async () => {
    const file = join(dir, 'fit.csv');
    const model = new Sequential({ layers: [new Dense({ units: 1, inputShape: [2] })] });
    model.compile({ optimizer: 'sgd', loss: 'mse' });
    const x = tensor([[1, 2], [3, 4], [5, 6], [7, 8]]);
    const y = tensor([[1], [2], [3], [4]]);
    const history = await model.fit(x, y, { epochs: 2, validationSplit: 0.5, verbose: 0, callbacks: [new CSVLogger({ filename: file })] });
    const { loss, val_loss } = history.history;
    expect(readFileSync(file, 'utf8')).toBe(
      `epoch,loss,val_loss\r\n0,${floatRepr(loss[0])},${floatRepr(val_loss[0])}\r\n1,${floatRepr(loss[1])},${floatRepr(val_loss[1])}\r\n`,
    );
  });
});
