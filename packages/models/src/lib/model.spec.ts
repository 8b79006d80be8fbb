import { Dense, InputLayer, clearSession, input } from '@strata/layers';
import { ShapeError, ValueError, ones, tensor, zeros } from '@strata/tensor';
import { expectClose } from '@strata/tensor/testing';
import { Model } from './model';
import { Sequential } from './sequential';

beforeEach(() => clearSession());

describe('functional Model', () => {
  it('runs a graph with several inputs and outputs, sharing a layer', () => {
    const a = input({ shape: [2], name: 'a' });
    const b = input({ shape: [2], name: 'b' });
    const shared = new Dense({ units: 1, kernelInitializer: 'ones', name: 'shared' });
    const model = new Model({ inputs: [a, b], outputs: [shared.apply(a), shared.apply(b)] });
    expect(model.layers.map((l) => l.name)).toEqual(['a', 'b', 'shared']);
    expect(model.weights).toHaveLength(2); // the shared layer counts once
    const [ya, yb] = model.predict([tensor([[1, 2]]), tensor([[3, 4]])]) as ReturnType<typeof tensor>[];
    expect(ya.toArray()).toEqual([[3]]);
    expect(yb.toArray()).toEqual([[7]]);
  });

  it('nests a model as a layer and sums its weights', () => {
    const i = input({ shape: [3] });
    const inner = new Model({ inputs: i, outputs: new Dense({ units: 2 }).apply(i), name: 'inner' });
    const x = input({ shape: [3] });
    const outer = new Model({ inputs: x, outputs: new Dense({ units: 1 }).apply(inner.apply(x)) });
    expect(outer.countParams()).toBe(3 * 2 + 2 + 2 + 1);
    expect((outer.predict(zeros([5, 3])) as ReturnType<typeof zeros>).shape).toEqual([5, 1]);
  });

  it('names its layers, finds them and rejects bad graphs', () => {
    const x = input({ shape: [3] });
    const d = new Dense({ units: 2, name: 'dense_a' });
    const model = new Model({ inputs: x, outputs: d.apply(x) });
    expect(model.getLayer('dense_a')).toBe(d);
    expect(model.getLayer(1)).toBe(d);
    expect(() => model.getLayer('nope')).toThrow(/no layer named 'nope'. Layers: input_layer, dense_a/);
    const other = input({ shape: [3] });
    expect(() => new Model({ inputs: x, outputs: new Dense({ units: 1 }).apply(other) })).toThrow(ValueError);
  });

  it('checks input shapes and counts when called', () => {
    const x = input({ shape: [3] });
    const model = new Model({ inputs: x, outputs: new Dense({ units: 2 }).apply(x) });
    expect(() => model.predict(zeros([2, 4]))).toThrow(ShapeError);
    expect(() => model.predict(zeros([2, 4]))).toThrow(/expects shape \(-1, 3\).*received shape \(2, 4\)/);
  });
});

describe('Sequential', () => {
  it('builds from the first layer inputShape', () => {
    const model = new Sequential({ layers: [new Dense({ units: 4, inputShape: [3] }), new Dense({ units: 2 })] });
    expect(model.built).toBe(true);
    expect(model.layers).toHaveLength(2);
    expect(model.countParams()).toBe(3 * 4 + 4 + 4 * 2 + 2);
    expect(model.inputs[0].node!.layer).toBeInstanceOf(InputLayer);
  });

  it('defers its build to the first call', () => {
    const model = new Sequential();
    model.add(new Dense({ units: 2, kernelInitializer: 'ones' }));
    expect(model.built).toBe(false);
    const y = model.predict(ones([1, 3])) as ReturnType<typeof ones>;
    expectClose(y, tensor([[3, 3]]));
    expect(model.built).toBe(true);
  });

  it('adds input(), pops layers, and rejects duplicates', () => {
    const model = new Sequential();
    model.add(input({ shape: [3] }));
    const d = new Dense({ units: 2, name: 'd' });
    model.add(d);
    expect(() => model.add(d)).toThrow(/unique names, 'd' is already there/);
    expect(model.pop()).toBe(d);
    expect(() => model.pop()).toThrow(/no layers to pop/);
    expect(() => new Sequential().predict(zeros([1, 2]))).toThrow(/has no layers/);
  });
});

describe('fromConfig', () => {
  it('rebuilds Sequential and functional models from getConfig()', () => {
    const seq = new Sequential({ layers: [new Dense({ units: 2, inputShape: [3] })] });
    const seqCopy = Sequential.fromConfig(seq.getConfig());
    expect(seqCopy).toBeInstanceOf(Sequential);
    expect(seqCopy.countParams()).toBe(8);
    const x = input({ shape: [3] });
    const func = new Model({ inputs: x, outputs: new Dense({ units: 1 }).apply(x) });
    const funcCopy = Model.fromConfig(func.getConfig());
    expect(funcCopy.layers.map((l) => l.className)).toEqual(['InputLayer', 'Dense']);
    expect((funcCopy.predict(zeros([2, 3])) as ReturnType<typeof zeros>).shape).toEqual([2, 1]);
  });
});
