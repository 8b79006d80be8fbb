import { ShapeError, ValueError, ones, randomUniform, tensor, zeros } from '@strata/tensor';
import { checkGradients } from '@strata/tensor/testing';
import fc from 'fast-check';
import { input } from '../core/input-layer';
import { getMask, setMask } from '../engine/masks';
import { checkLayerContract } from '../testing/check-layer-contract';
import { Concatenate } from './concatenate';

describe('Concatenate', () => {
  const bool = (v: boolean[][]) => tensor(v, undefined, 'bool');

  it('passes the layer contract', () => {
    checkLayerContract(() => new Concatenate(), { inputShape: [[2, 3], [2, 4]], weights: 0 });
    checkLayerContract(() => new Concatenate({ axis: 1 }), { inputShape: [[2, 2, 3], [2, 1, 3], [2, 3, 3]], weights: 0 });
  });

  it('joins along the axis', () => {
    expect(new Concatenate().apply([tensor([[1, 2]]), tensor([[3]])]).toArray()).toEqual([[1, 2, 3]]);
    expect(new Concatenate({ axis: 0 }).apply([tensor([[1, 2]]), tensor([[3, 4]])]).toArray()).toEqual([[1, 2], [3, 4]]);
  });

  it('adds the sizes of the axis in its output shape, unknown if any is unknown', () => {
    const c = new Concatenate({ axis: 1 });
    expect(c.computeOutputShape([[null, 2, 3], [null, 4, 3]])).toEqual([null, 6, 3]);
    expect(c.computeOutputShape([[null, null, 3], [null, 4, 3]])).toEqual([null, null, 3]);
    expect(c.apply([input({ shape: [2, 3] }), input({ shape: [5, 3] })]).shape).toEqual([null, 7, 3]);
  });

  it('joins the masks (unmasked inputs count as kept) and reduces them over the last axis', () => {
    const a = ones([1, 2, 2]);
    const b = ones([1, 1, 2]);
    setMask(a, bool([[false, true]]));
    expect(getMask(new Concatenate({ axis: 1 }).apply([a, b]))!.toArray()).toEqual([[false, true, true]]);
    // Joined on the last axis, the reduction ORs the masks.
    const c = ones([1, 2, 1]);
    setMask(c, bool([[false, false]]));
    expect(getMask(new Concatenate().apply([a, c]))!.toArray()).toEqual([[false, true]]);
    expect(getMask(new Concatenate().apply([ones([1, 2]), ones([1, 2])]))).toBeNull();
  });

  it('round-trips with split-like slicing (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), (n, m) => {
        const a = randomUniform([2, n], { seed: n });
        const b = randomUniform([2, m], { seed: m + 10 });
        const y = new Concatenate().apply([a, b]).toArray() as number[][];
        expect(y.map((r) => r.slice(0, n))).toEqual(a.toArray());
        expect(y.map((r) => r.slice(n))).toEqual(b.toArray());
      }),
      { seed: 42, numRuns: 50 },
    );
  });

  it('routes the gradient back to each input', () => {
    checkGradients((x, y) => new Concatenate({ axis: 1 }).apply([x, y]), [randomUniform([2, 2, 3], { seed: 1 }), randomUniform([2, 1, 3], { seed: 2 })]);
  });

  it('writes the Keras config', () => {
    expect(new Concatenate({ axis: 1, name: 'c' }).getConfig()).toMatchObject({ name: 'c', axis: 1 });
    expect(new Concatenate().getConfig()).toMatchObject({ axis: -1 });
  });

  it('rejects an axis that is not an integer', () => {
    expect(() => new Concatenate({ axis: 1.5 })).toThrow(ValueError);
    expect(() => new Concatenate({ axis: 1.5 })).toThrow('Concatenate: axis must be an integer, received axis=1.5');
  });

  it('rejects inputs that differ off the axis, or in rank', () => {
    const c = new Concatenate({ axis: 1, name: 'c' });
    expect(() => c.apply([zeros([2, 2, 3]), zeros([2, 2, 4])])).toThrow(ShapeError);
    expect(() => c.apply([zeros([2, 2, 3]), zeros([2, 2, 4])])).toThrow(
      "Concatenate 'c': inputs must have matching shapes except on the concatenation axis (axis=1), received input_shape=[(2, 2, 3), (2, 2, 4)]",
    );
    expect(() => new Concatenate({ name: 'c' }).apply([zeros([2, 3]), zeros([2, 3, 4])])).toThrow(/received input_shape=\[\(2, 3\), \(2, 3, 4\)\]/);
    expect(() => new Concatenate().apply([zeros([2, 3]), zeros([3, 3])])).toThrow(ShapeError);
  });

  it('rejects an axis out of range for the inputs', () => {
    expect(() => new Concatenate({ axis: 2, name: 'c' }).apply([zeros([2, 3]), zeros([2, 3])])).toThrow(ShapeError);
    expect(() => new Concatenate({ axis: -3, name: 'c' }).apply([zeros([2, 3]), zeros([2, 3])])).toThrow(
      "Concatenate 'c': axis must be in [-2, 2) for inputs of rank 2, received axis=-3",
    );
  });

  it('rejects a single tensor', () => {
    expect(() => new Concatenate({ name: 'c' }).apply(zeros([2, 3]))).toThrow(ShapeError);
    expect(() => new Concatenate({ name: 'c' }).apply(zeros([2, 3]))).toThrow(/a merge layer must be called on a list of inputs/);
  });
});
