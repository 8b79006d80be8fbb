// Test helpers shared by the specs: fixture paths and a tolerance check on nested arrays.
import { Tensor } from '@strata/tensor';
import * as path from 'node:path';
import { readH5 } from '../h5';

export const FIXTURES = path.join(__dirname, '..', '__fixtures__');
export const KERAS_DIR = path.join(FIXTURES, 'keras');

type Nested = number | Nested[];

/** Asserts `actual` (tensors or nested arrays) equals `expected` within `tol` (absolute + relative). */
export function expectAllClose(actual: Tensor | Tensor[] | Nested, expected: Nested, tol = 1e-5): void {
  const a = actual instanceof Tensor ? (actual.toArray() as Nested) : Array.isArray(actual) && actual[0] instanceof Tensor ? (actual as Tensor[]).map((t) => t.toArray() as Nested) : (actual as Nested);
  const flat = (x: Nested): number[] => (Array.isArray(x) ? x.flatMap(flat) : [x]);
  const fa = flat(a);
  const fe = flat(expected);
  expect(fa.length).toBe(fe.length);
  fe.forEach((e, i) => {
    if (Math.abs(fa[i] - e) > tol + tol * Math.abs(e)) {
      throw new Error(`element ${i}: expected ${e}, received ${fa[i]} (tolerance ${tol})`);
    }
  });
}

/** Every group and dataset of an HDF5 file as `path [shape] dtype` lines (groups with their `name` attribute). */
export function h5Layout(bytes: Uint8Array): Promise<string[]> {
  return readH5(bytes, (file, h5) => {
    const lines: string[] = [];
    const walk = (group: InstanceType<typeof h5.Group>, prefix: string) => {
      for (const key of group.keys()) {
        const child = group.get(key);
        const p = prefix ? `${prefix}/${key}` : key;
        if (child instanceof h5.Group) {
          const name = 'name' in child.attrs ? ` name=${String(child.attrs['name'].value)}` : '';
          lines.push(`${p}/${name}`);
          walk(child, p);
        } else if (child instanceof h5.Dataset) {
          lines.push(`${p} [${(child.shape ?? []).join(',')}] ${String(child.dtype)}`);
        }
      }
    };
    walk(file, '');
    return lines.sort();
  });
}
