import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KerasObject, Tensor, Variable, maximum, tensor } from '@strata/tensor';
import { expectClose } from '@strata/tensor/testing';
import { deserialize, serialize } from './registry';
import { deserializeSchedule, serializeSchedule } from './schedules/registry';

// Written by tools/fixtures/optimizers.py from Keras itself (jax backend).
interface State {
  name: string;
  dtype: string;
  shape: number[];
  values: number[];
}
interface Case {
  label: string;
  serialized: KerasObject;
  constrain_a: boolean;
  steps: number[][][];
  state: State[];
}
interface Fixture {
  keras_version: string;
  initial: Record<'a' | 'b', { shape: number[]; values: number[] }>;
  grads: number[][][];
  defaults: Record<string, KerasObject>;
  cases: Case[];
  schedule_steps: number[];
  schedules: { serialized: KerasObject; values: number[] }[];
}
const fixture = JSON.parse(readFileSync(join(__dirname, '__fixtures__/optimizers.json'), 'utf8')) as Fixture;
const { a, b } = fixture.initial;
const nonNeg = { apply: (w: Tensor) => maximum(w, 0) };

function run(c: Case) {
  const opt = deserialize(c.serialized);
  const vars = [
    new Variable(tensor(a.values, a.shape), { name: 'a', constraint: c.constrain_a ? nonNeg : null }),
    new Variable(tensor(b.values, b.shape), { name: 'b' }),
  ];
  const steps = fixture.grads.map((g) => {
    opt.apply([tensor(g[0], a.shape), tensor(g[1], b.shape)], vars);
    return vars.map((v) => v.value);
  });
  return { opt, steps };
}

describe('optimizers against Keras fixtures', () => {
  it('were written by Keras 3.15.1 and cover every optimizer', () => {
    expect(fixture.keras_version).toBe('3.15.1');
    const classes = new Set(fixture.cases.map((c) => c.serialized.class_name));
    expect([...classes].sort()).toEqual(['Adadelta', 'Adagrad', 'Adam', 'AdamW', 'Adamax', 'Lion', 'Nadam', 'RMSprop', 'SGD']);
  });

  it.each(fixture.cases.map((c) => [c.label, c] as const))('%s: variables after each step match Keras', (_, c) => {
    const { steps } = run(c);
    steps.forEach((values, s) =>
      values.forEach((v, k) => expectClose(v, tensor(c.steps[s][k], v.shape), 1e-5, 1e-7, `${c.label} step ${s + 1} var ${k}`)),
    );
  });

  it.each(fixture.cases.map((c) => [c.label, c] as const))('%s: optimizer state matches Keras (order, names, values)', (_, c) => {
    const { opt } = run(c);
    const state = opt.variables();
    // Keras's unnamed scalar in Nadam gets a globally unique name (variable, variable_1, ...).
    expect(state.map((v) => v.name)).toEqual(c.state.map((s) => (/^variable(_\d+)?$/.test(s.name) ? 'variable' : s.name)));
    state.forEach((v, i) => {
      expect(v.dtype).toBe(c.state[i].dtype);
      expect(v.shape).toEqual(c.state[i].shape);
      expectClose(v.value, tensor(c.state[i].values, c.state[i].shape, v.dtype), 1e-5, 1e-7, `${c.label} ${v.name}`);
    });
  });

  it.each(fixture.cases.map((c) => [c.label, c] as const))('%s: Keras config reserializes unchanged', (_, c) => {
    expect(serialize(deserialize(c.serialized))).toEqual(c.serialized);
  });

  it.each(Object.entries(fixture.defaults))('%s: default config equals Keras key for key', (name, serialized) => {
    const opt = deserialize({ class_name: name, config: { name: 'default' } });
    expect(serialize(opt)).toEqual(serialized);
    expect(Object.keys(opt.getConfig())).toEqual(Object.keys(serialized.config ?? {}));
  });
});

describe('learning-rate schedules against Keras fixtures', () => {
  it.each(fixture.schedules.map((s) => [`${s.serialized.class_name} ${JSON.stringify(s.serialized.config)}`, s] as const))(
    '%s',
    (_, s) => {
      const schedule = deserializeSchedule(s.serialized);
      const values = fixture.schedule_steps.map((t) => schedule.apply(t));
      expectClose(values, s.values, 1e-5, 1e-8, 'rate');
      expect(serializeSchedule(schedule)).toEqual(s.serialized);
    },
  );
});
