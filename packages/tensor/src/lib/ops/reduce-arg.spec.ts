import fc from 'fast-check';
import { ValueError } from '../errors';
import { Tensor, tensor } from '../tensor';
import { argmax, argmin } from './reduce-arg';
import { max } from './reduce';

const values = (t: Tensor) => Array.from(t.data);
const x = tensor([[1, 3, 3], [2, 2, 1]]);

describe('argmax and argmin', () => {
  it('return int32 indices of the first occurrence, as keras.ops.argmax', () => {
    const a = argmax(x, 1);
    expect(a.dtype).toBe('int32');
    expect(values(a)).toEqual([1, 0]);
    expect(values(argmax(x, 0))).toEqual([1, 0, 0]);
    expect(values(argmin(x, -1))).toEqual([0, 2]);
    expect(values(argmin(x, 0))).toEqual([0, 1, 1]);
  });

  it('search the flattened tensor when axis is null', () => {
    expect(argmax(x).shape).toEqual([]);
    expect(argmax(x).item()).toBe(1);
    expect(argmin(x).item()).toBe(0);
    expect(argmax(x, null, true).shape).toEqual([1, 1]);
  });

  it('keepdims keeps the axis as size 1', () => {
    expect(argmax(x, 1, true).toArray()).toEqual([[1], [0]]);
    expect(argmin(x, 0, true).toArray()).toEqual([[0, 1, 1]]);
  });

  it('treat NaN as the extreme (first NaN wins) and -0 as below +0, as Keras on JAX', () => {
    expect(argmax(tensor([1, NaN, 5, NaN])).item()).toBe(1);
    expect(argmin(tensor([1, NaN, -5])).item()).toBe(1);
    expect(argmax(tensor([-0, 0])).item()).toBe(1);
    expect(argmin(tensor([0, -0])).item()).toBe(1);
  });

  it('work on int32 and bool', () => {
    expect(argmax(tensor([3, 9, 2], undefined, 'int32')).item()).toBe(1);
    expect(argmax(tensor([false, true, true])).item()).toBe(1);
  });

  it('point at the maximum (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 12 }), (v) => {
        const i = argmax(tensor(v)).item();
        expect(v[i]).toBe(max(tensor(v)).item());
        expect(v.slice(0, i).every((u) => u < v[i])).toBe(true);
      }),
      { seed: 42, numRuns: 50 },
    );
  });

  it('reject a bad axis and an empty axis', () => {
    expect(() => argmax(x, 2)).toThrow(ValueError);
    expect(() => argmax(x, 2)).toThrow(/^argmax: axis must be an integer in \[-2, 1\], received axis=2/);
    const f = () => argmin(tensor([], [2, 0]), 1);
    expect(f).toThrow(ValueError);
    expect(f).toThrow('argmin: cannot search an empty axis, received x.shape=(2, 0)');
    expect(() => argmax(tensor([]))).toThrow(/^argmax: cannot search an empty axis/);
  });
});
