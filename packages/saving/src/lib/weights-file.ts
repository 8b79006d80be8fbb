import { ShapeError, Tensor, ValueError, cast, formatShape, noGrad, sameShape } from '@strata/tensor';
import { File, Group, H5Module, readH5, writeH5 } from './h5';
import { readTensor, writeTensor } from './h5-values';
import { SaveableEntry } from './saveables';

/** Receives warnings (an optimizer state that does not fit, ...). Default: `console.warn`. */
export type WarningHandler = (message: string) => void;

export const consoleWarning: WarningHandler = (message) =>
  (globalThis as unknown as { console: { warn(m: string): void } }).console.warn(message);

function ensureGroup(file: File, path: string): Group {
  let group: Group = file;
  for (const part of path.split('/').filter(Boolean)) {
    group = group.keys().includes(part) ? (group.get(part) as Group) : group.create_group(part);
  }
  return group;
}

/**
 * The bytes of a Keras weights file (`model.weights.h5`): for each entry, a group
 * `<path>/vars` with attribute `name` and one dataset per variable, named `0`, `1`, ...
 */
export function writeWeightsH5(entries: readonly SaveableEntry[]): Promise<Uint8Array> {
  return writeH5((file) => {
    for (const entry of entries) {
      const vars = ensureGroup(file, entry.path).create_group('vars');
      vars.create_attribute('name', entry.name);
      entry.variables.forEach((v, i) => writeTensor(vars, String(i), v.value));
    }
  });
}

function describe(entry: SaveableEntry): string {
  return `${entry.kind} '${entry.name}' (at '${entry.path || '/'}')`;
}

function varsGroup(h5: H5Module, file: File, path: string): Group | null {
  let group: Group = file;
  for (const part of [...path.split('/').filter(Boolean), 'vars']) {
    if (!group.keys().includes(part)) return null;
    const next = group.get(part);
    if (!(next instanceof h5.Group)) return null;
    group = next;
  }
  return group;
}

function assign(entry: SaveableEntry, values: Tensor[], who: string): void {
  entry.variables.forEach((v, i) => {
    const value = values[i];
    if (!sameShape(value.shape, v.shape)) {
      throw new ShapeError(
        `${who}: ${describe(entry)} weight ${i} ('${v.name}') must have shape ${formatShape(v.shape)}, received shape ${formatShape(value.shape)} from the file`,
      );
    }
  });
  // Every shape is checked before anything changes, so a bad file leaves the layer as it was.
  entry.variables.forEach((v, i) => v.assign(values[i].dtype === v.dtype ? values[i] : noGrad(() => cast(values[i], v.dtype))));
}

function loadEntry(h5: H5Module, file: File, entry: SaveableEntry, who: string, warn: WarningHandler): void {
  const group = varsGroup(h5, file, entry.path);
  const keys = group ? group.keys() : [];
  const n = entry.variables.length;
  if (keys.length !== n) {
    if (entry.kind === 'optimizer') {
      // Keras skips an optimizer state that does not fit (e.g. saved before the first step).
      warn(`${who}: skipping variable loading for optimizer '${entry.name}', because it has ${n} variables whereas the saved optimizer has ${keys.length} variables`);
      return;
    }
    throw new ValueError(
      `${who}: ${describe(entry)} expected ${n} variables [${entry.variables.map((v) => `'${v.name}'`).join(', ')}], received ${keys.length} variables in the file`,
    );
  }
  const values = entry.variables.map((_, i) => {
    if (!keys.includes(String(i))) throw new ValueError(`${who}: ${describe(entry)} has no variable '${i}' in the file, received keys ${keys.join(', ')}`);
    return readTensor(h5, (group as Group).get(String(i)) as never);
  });
  assign(entry, values, who);
}

/** Reads a Keras weights file into the variables of `entries` (shapes checked first). */
export function readWeightsH5(bytes: Uint8Array, entries: readonly SaveableEntry[], who: string, warn: WarningHandler): Promise<void> {
  return readH5(bytes, (file, h5) => {
    for (const entry of entries) loadEntry(h5, file, entry, who, warn);
  });
}
