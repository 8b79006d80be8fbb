import { Tensor, tensor } from '@strata/tensor';
import { expectClose } from '@strata/tensor/testing';
import { clearSession } from '@strata/layers';
import fixtures from './__fixtures__/models-json.json';
import { modelFromJSON } from './from-json';
import { Model } from './model';

type Case = { json: Record<string, unknown>; summary: string; weights: unknown[]; x: unknown; y: unknown };
const cases = (fixtures as unknown as { cases: Record<string, Case> }).cases;

function load(c: Case): Model {
  const model = modelFromJSON(c.json);
  model.setWeights(c.weights.map((w) => tensor(w as number[])));
  return model;
}

function inputs(x: unknown): Tensor | Tensor[] {
  const arr = x as number[][] | number[][][];
  return Array.isArray(arr[0][0]) ? (arr as number[][][]).map((a) => tensor(a)) : tensor(arr as number[][]);
}

describe('Keras model JSON (fixtures written by Keras ' + (fixtures as { keras_version: string }).keras_version + ')', () => {
  beforeEach(() => clearSession());

  it.each(Object.keys(cases))('%s: loads, predicts like Keras, and prints the same summary', (name) => {
    const c = cases[name];
    const model = load(c);
    const y = model.predict(inputs(c.x));
    const ys = Array.isArray(y) ? y : [y];
    const expected = (Array.isArray((c.y as unknown[][])[0][0]) ? c.y : [c.y]) as number[][][];
    ys.forEach((t, i) => expectClose(t, tensor(expected[i]), 1e-5, 1e-6));
    let text = '';
    model.summary({ printFn: (t) => (text = t), lineLength: name === 'sequential' ? 80 : undefined });
    expect(text).toBe(c.summary);
  });

  it.each(Object.keys(cases))('%s: toJSON writes what Keras wrote (configs, nodes, endpoints)', (name) => {
    const c = cases[name];
    const model = load(c);
    const ours = JSON.parse(JSON.stringify(model));
    expect(ours.class_name).toBe(c.json['class_name']);
    expect(ours.config).toEqual(c.json['config']);
  });

  it.each(Object.keys(cases))('%s: toJSON -> modelFromJSON round trip predicts the same', (name) => {
    const c = cases[name];
    const model = load(c);
    const copy = modelFromJSON(JSON.stringify(model));
    copy.setWeights(model.getWeights());
    const a = model.predict(inputs(c.x));
    const b = copy.predict(inputs(c.x));
    (Array.isArray(a) ? a : [a]).forEach((t, i) => expectClose((Array.isArray(b) ? b : [b])[i], t));
  });
});
