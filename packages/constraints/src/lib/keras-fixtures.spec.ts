import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KerasObject, tensor } from '@strata/tensor';
import { expectClose } from '@strata/tensor/testing';
import { deserialize, serialize } from './registry';

// Written by tools/fixtures/constraints.py from Keras itself (jax backend).
interface Fixture {
  keras_version: string;
  weights: Record<string, { shape: number[]; values: number[] }>;
  cases: { serialized: KerasObject; weight: string; output: number[] }[];
}
const fixture = JSON.parse(readFileSync(join(__dirname, '__fixtures__/constraints.json'), 'utf8')) as Fixture;
const label = (c: Fixture['cases'][number]) => `${c.serialized.class_name} ${JSON.stringify(c.serialized.config)} on ${c.weight}`;

describe('constraints against Keras fixtures', () => {
  it('were written by Keras 3.15.1 and cover every class', () => {
    expect(fixture.keras_version).toBe('3.15.1');
    const classes = new Set(fixture.cases.map((c) => c.serialized.class_name));
    expect([...classes].sort()).toEqual(['Constraint', 'MaxNorm', 'MinMaxNorm', 'NonNeg', 'UnitNorm']);
  });

  it.each(fixture.cases.map((c) => [label(c), c] as const))('%s: output matches Keras', (_, c) => {
    const { shape, values } = fixture.weights[c.weight];
    const out = deserialize(c.serialized).apply(tensor(values, shape));
    expect(out.shape).toEqual(shape);
    expectClose(out, tensor(c.output, shape), 3e-7, 1e-9, 'constrained weight');
  });

  it.each(fixture.cases.map((c) => [label(c), c] as const))('%s: Keras config reserializes unchanged', (_, c) => {
    expect(serialize(deserialize(c.serialized))).toEqual(c.serialized);
  });
});
