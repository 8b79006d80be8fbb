import { ValueError } from '@strata/tensor';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

/** The Keras version whose `.keras` layout Strata writes (recorded in `metadata.json`). */
export const KERAS_VERSION = '3.15.1';

const CONFIG = 'config.json';
const METADATA = 'metadata.json';
const WEIGHTS = 'model.weights.h5';

/** The three members of a `.keras` file. */
export interface KerasArchive {
  config: Record<string, unknown>;
  metadata: Record<string, unknown> | null;
  weights: Uint8Array | null;
}

/** True if `bytes` start like a zip file (`PK\x03\x04`). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Python's `datetime.now().strftime("%Y-%m-%d@%H:%M:%S")`, as Keras records `date_saved`. */
export function dateSaved(d = new Date()): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}@${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/**
 * A `.keras` zip as Keras 3 writes it: `metadata.json`, `config.json`, `model.weights.h5`, in
 * that order, stored without compression.
 */
export function writeArchive(config: Record<string, unknown>, weights: Uint8Array): Uint8Array {
  const metadata = { keras_version: KERAS_VERSION, date_saved: dateSaved() };
  return zipSync(
    { [METADATA]: strToU8(JSON.stringify(metadata)), [CONFIG]: strToU8(JSON.stringify(config)), [WEIGHTS]: weights },
    { level: 0 },
  );
}

/** Reads a `.keras` zip; anything else is a `ValueError` that says what a Keras archive is. */
export function readArchive(bytes: Uint8Array, who: string, source: string): KerasArchive {
  const notArchive = (why: string) =>
    new ValueError(
      `${who}: expected a Keras archive (a .keras zip holding config.json, metadata.json and model.weights.h5), received ${source} (${why})`,
    );
  if (!isZip(bytes)) throw notArchive('not a zip file');
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (e) {
    throw notArchive(`unreadable zip: ${(e as Error).message}`);
  }
  if (!files[CONFIG]) throw notArchive(`no ${CONFIG} among ${Object.keys(files).join(', ') || 'no files'}`);
  const parse = (name: string) => {
    try {
      return JSON.parse(strFromU8(files[name])) as Record<string, unknown>;
    } catch (e) {
      throw notArchive(`${name} is not JSON: ${(e as Error).message}`);
    }
  };
  return { config: parse(CONFIG), metadata: files[METADATA] ? parse(METADATA) : null, weights: files[WEIGHTS] ?? null };
}
