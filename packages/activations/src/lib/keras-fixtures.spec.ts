import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Tensor, grad, mul, sum, tensor } from '@strata/tensor';
import * as A from '../index';

type Num = number | 'inf' | '-inf' | 'nan';
interface ElementwiseCase {
  name: string;
  kwargs: Record<string, unknown>;
  options: Record<string, unknown>;
  values: Num[];
  grads: Num[];
}
interface AxisCase {
  name: string;
  axis: number | number[] | null;
  shape: number[];
  out_shape: number[];
  x: Num[];
  w: Num[];
  values: Num[];
  grads: Num[];
  keras?: Num[];
}
const fx = JSON.parse(readFileSync(join(__dirname, '__fixtures__/activations.json'), 'utf8')) as {
  keras_version: string;
  points: Num[];
  elementwise: ElementwiseCase[];
  axiswise: AxisCase[];
  names: string[];
  serialized: Record<string, string>;
  configs: Record<string, unknown>;
};

const decode = (v: Num): number => (v === 'inf' ? Infinity : v === '-inf' ? -Infinity : v === 'nan' ? NaN : v);
const decodeAll = (vs: Num[]) => vs.map(decode);

// Keras ran in float64; Strata computes in float64 and stores float32, so results agree to a
// few float32 ulps. The absolute floors cover Keras's own float64 cancellations in the tails
// (gelu's 1 + tanh(u) at x = -10, sigmoid'(30) as y * (1 - y)), where Strata is exact; the
// tails are pinned by hand-checked values in each activation's spec instead.
const VALUE_ATOL = 1e-15;
const GRAD_ATOL = 1e-12;
// softmax's dx = y * (dy - sum(dy * y)) cancels, and y is float32 (6e-8 relative): the error is
// about 1e-7 * |dy|, as in Keras's float32 runs.
const AXIS_GRAD_ATOL = 1e-7;
function expectMatches(actual: ArrayLike<number>, expected: number[], atol: number, what: string): void {
  expect(actual.length).toBe(expected.length);
  const bad: string[] = [];
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i];
    const e = Math.fround(expected[i]);
    const ok = Object.is(a, e) || a === e || (Number.isNaN(a) && Number.isNaN(e)) || Math.abs(a - e) <= atol + 3e-6 * Math.abs(e);
    if (!ok) bad.push(`[${i}] got ${a}, Keras ${expected[i]}`);
  }
  if (bad.length) throw new Error(`${what}: ${bad.join('; ')}`);
}

const fns = A as unknown as Record<string, (x: Tensor, options?: unknown) => Tensor>;
const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

test('the fixture was written by Keras 3.15.1', () => {
  expect(fx.keras_version).toBe('3.15.1');
});

describe('elementwise activations match Keras values and JAX gradients', () => {
  const x = tensor(decodeAll(fx.points));
  test.each(fx.elementwise.map((c) => [`${c.name} ${JSON.stringify(c.kwargs)}`, c] as const))('%s', (label, c) => {
    const fn = fns[camel(c.name)];
    const hasOptions = Object.keys(c.options).length > 0;
    const f = (v: Tensor) => (hasOptions ? fn(v, c.options) : fn(v));
    expectMatches(f(x).data, decodeAll(c.values), VALUE_ATOL, `${label} values`);
    expectMatches(grad((v) => sum(f(v)))(x).data, decodeAll(c.grads), GRAD_ATOL, `${label} gradients`);
  });
});

describe('axis-wise activations match Keras values and JAX gradients', () => {
  test.each(fx.axiswise.map((c) => [`${c.name} axis=${JSON.stringify(c.axis)} shape=[${c.shape}]`, c] as const))(
    '%s',
    (label, c) => {
      const fn = fns[camel(c.name)];
      const x = tensor(decodeAll(c.x), c.shape);
      const w = tensor(decodeAll(c.w), c.out_shape);
      const f = (v: Tensor) => fn(v, { axis: c.axis });
      const y = f(x);
      expect(y.shape).toEqual(c.out_shape);
      expectMatches(y.data, decodeAll(c.values), VALUE_ATOL, `${label} values`);
      expectMatches(grad((v) => sum(mul(f(v), w)))(x).data, decodeAll(c.grads), AXIS_GRAD_ATOL, `${label} gradients`);
    },
  );
});

describe('sparsemax differs from Keras 3.15.1 exactly where Keras is wrong', () => {
  const c = fx.axiswise.find((k) => k.name === 'sparsemax' && k.axis === -1) as AxisCase;
  const [rows, n] = c.shape;
  const reference = decodeAll(c.values);
  const keras = decodeAll(c.keras ?? []);
  const y = A.sparsemax(tensor(decodeAll(c.x), c.shape)).data;

  test.each([...Array(rows).keys()])('row %i', (r) => {
    const row = (v: ArrayLike<number>) => Array.from(v).slice(r * n, (r + 1) * n);
    expectMatches(row(y), row(reference), VALUE_ATOL, `sparsemax row ${r}`);
    expect(row(y).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    const support = row(reference).filter((v) => v > 0).length;
    const kerasSum = row(keras).reduce((a, b) => a + b, 0);
    // Keras's threshold is right only when a single logit survives.
    if (support === 1) expectMatches(row(keras), row(reference), VALUE_ATOL, `Keras row ${r}`);
    else expect(kerasSum).toBeLessThan(0.99);
  });
});

describe('identifiers', () => {
  test('every name Keras accepts resolves and serializes as Keras does', () => {
    expect(A.activationNames()).toEqual(fx.names);
    for (const name of fx.names) expect(A.serialize(A.get(name))).toBe(fx.serialized[name]);
  });

  test('the configs Keras writes deserialize and reserialize unchanged', () => {
    const c = fx.configs as Record<string, A.FunctionConfig>;
    expect(A.deserialize(c['relu_object'])).toBe(A.relu);
    expect(A.deserialize(c['swish_object'])).toBe(A.silu);
    expect(A.serialize(A.deserialize(c['swish_object']))).toBe('silu');
    expect(A.deserialize(fx.configs['dense_activation_swish'] as string)).toBe(A.silu);
    const scaledTanh = (v: Tensor) => mul(A.tanh(v), 2);
    A.register(scaledTanh, 'scaled_tanh', 'my_pkg');
    expect(A.deserialize(c['custom'])).toBe(scaledTanh);
    expect(A.serialize(scaledTanh)).toEqual(fx.configs['custom']);
    expect(A.serialize(scaledTanh)).toEqual(fx.configs['dense_activation_custom']);
  });
});
