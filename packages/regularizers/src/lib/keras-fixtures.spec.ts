import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KerasObject, Tensor, tensor, valueAndGrad } from '@strata/tensor';
import { expectClose } from '@strata/tensor/testing';
import { deserialize, serialize } from './registry';

// Written by tools/fixtures/regularizers.py from Keras itself (jax backend).
interface Fixture {
  keras_version: string;
  weights: Record<string, { shape: number[]; values: number[] }>;
  cases: { serialized: KerasObject; weight: string; penalty: number; grad: (number | null)[] }[];
}
const fixture = JSON.parse(readFileSync(join(__dirname, '__fixtures__/regularizers.json'), 'utf8')) as Fixture;
const weight = (name: string): Tensor => {
  const { shape, values } = fixture.weights[name];
  return tensor(values, shape);
};
const label = (c: Fixture['cases'][number]) => `${c.serialized.class_name} ${JSON.stringify(c.serialized.config)} on ${c.weight}`;

describe('regularizers against Keras fixtures', () => {
  it('were written by Keras 3.15.1 and cover every class', () => {
    expect(fixture.keras_version).toBe('3.15.1');
    const classes = new Set(fixture.cases.map((c) => c.serialized.class_name));
    expect([...classes].sort()).toEqual(['L1', 'L1L2', 'L2', 'OrthogonalRegularizer']);
  });

  it.each(fixture.cases.map((c) => [label(c), c] as const))('%s: penalty and gradient match Keras', (_, c) => {
    const regularizer = deserialize(c.serialized);
    const { value, grad } = valueAndGrad((w) => regularizer.apply(w))(weight(c.weight));
    expect(value.shape).toEqual([]);
    expectClose(value, c.penalty, 1e-6, 1e-9, 'penalty');
    // Keras's gradient is NaN on an all-zero row of OrthogonalRegularizer (rsqrt(0) behind the
    // cap); JSON writes it as NaN → null. Only finite entries are compared.
    const finite = c.grad.map((g, i) => [g, i] as const).filter(([g]) => g !== null && Number.isFinite(g));
    expect(finite.length).toBeGreaterThan(0);
    expectClose(
      finite.map(([, i]) => grad.data[i]),
      finite.map(([g]) => g as number),
      1e-5,
      1e-9,
      'gradient',
    );
  });

  it.each(fixture.cases.map((c) => [label(c), c] as const))('%s: Keras config reserializes unchanged', (_, c) => {
    expect(serialize(deserialize(c.serialized))).toEqual(c.serialized);
  });
});
