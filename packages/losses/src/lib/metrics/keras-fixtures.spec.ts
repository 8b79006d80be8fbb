import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KerasObject, Tensor, tensor } from '@strata/tensor';
import { expectClose } from '@strata/tensor/testing';
import { deserialize, serialize } from './registry';

// Written by tools/fixtures/metrics.py from Keras itself (jax backend, float32).
type Num = number | 'nan' | 'inf' | '-inf';
type Value = Num | { shape: number[]; values: Num[] };
interface Case {
  serialized: KerasObject;
  kwargs: Record<string, unknown>;
  a: [string, string | null];
  b: [string, string | null, string | null];
  results: [Value, Value];
}
interface Fixture {
  keras_version: string;
  inputs: Record<string, { shape: number[]; values: number[] }>;
  cases: Case[];
}
const fixture = JSON.parse(readFileSync(join(__dirname, '../__fixtures__/metrics.json'), 'utf8')) as Fixture;

const input = (name: string): Tensor => tensor(fixture.inputs[name].values, fixture.inputs[name].shape);
const optional = (name: string | null): Tensor | null => (name === null ? null : input(name));
const num = (v: Num): number => (v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : v);
const flat = (v: Value): number[] => (typeof v === 'object' ? v.values.map(num) : [num(v)]);
const label = (c: Case) => `${c.serialized.class_name} ${JSON.stringify(c.serialized.config)} on ${c.a.join('/')}`;

describe('metrics against Keras fixtures', () => {
  it('were written by Keras 3.15.1', () => {
    expect(fixture.keras_version).toBe('3.15.1');
    expect(fixture.cases.length).toBeGreaterThan(70);
  });

  it.each(fixture.cases.map((c) => [label(c), c] as const))('%s: results after two batches match Keras', (_, c) => {
    // Keras does not write every constructor argument (CosineSimilarity's axis): add them back.
    const metric = deserialize({ ...c.serialized, config: { ...c.serialized.config, ...c.kwargs } });
    const update = (yTrue: string, yPred: string | null, weight: string | null) =>
      yPred === null
        ? metric.updateState(input(yTrue), optional(weight)) // Mean and Sum take values
        : metric.updateState(input(yTrue), input(yPred), optional(weight));
    update(c.a[0], c.a[1], null);
    const first = metric.result();
    update(c.b[0], c.b[1], c.b[2]);
    const second = metric.result();
    for (const [got, want, when] of [[first, c.results[0], 'after batch a'], [second, c.results[1], 'after batch b']] as const) {
      expect(Array.isArray(got)).toBe(typeof want === 'object');
      expectClose(Array.isArray(got) ? got : [got], flat(want), 3e-6, 1e-7, when);
    }
    metric.resetState();
    update(c.a[0], c.a[1], null);
    expectClose([metric.result()].flat(), flat(c.results[0]), 2e-5, 1e-6, 'after reset and batch a');
  });

  it.each(fixture.cases.map((c) => [label(c), c] as const))('%s: Keras config reserializes unchanged', (_, c) => {
    expect(serialize(deserialize(c.serialized))).toEqual(c.serialized);
  });
});
