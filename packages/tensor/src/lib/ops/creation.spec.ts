import { DTypeError, ValueError } from '../errors';
import { tensor } from '../tensor';
import { arange, eye, full, fullLike, linspace, oneHot, ones, onesLike, zeros, zerosLike } from './creation';

describe('full, zeros, ones', () => {
  it('fills a shape with a value, float32 by default', () => {
    const t = full([2, 2], 7);
    expect(t.dtype).toBe('float32');
    expect(t.toArray()).toEqual([[7, 7], [7, 7]]);
    expect(full([], 3).toArray()).toBe(3);
    expect(full([0, 3], 1).shape).toEqual([0, 3]);
  });

  it('converts the value to the dtype', () => {
    expect(full([2], 2.7, 'int32').toArray()).toEqual([2, 2]);
    expect(full([2], 5, 'bool').toArray()).toEqual([true, true]);
    expect(full([1], 0.1).data[0]).toBe(Math.fround(0.1));
  });

  it('makes zeros and ones', () => {
    expect(zeros([2, 3]).toArray()).toEqual([[0, 0, 0], [0, 0, 0]]);
    expect(ones([3]).toArray()).toEqual([1, 1, 1]);
    expect(ones([2], 'int32').data).toBeInstanceOf(Int32Array);
    expect(zeros([2], 'bool').toArray()).toEqual([false, false]);
  });

  it('copies the shape and dtype of another tensor unless told otherwise', () => {
    const x = tensor([[1, 2, 3]], undefined, 'int32');
    const z = zerosLike(x);
    expect([z.shape, z.dtype]).toEqual([[1, 3], 'int32']);
    expect(onesLike(x, 'float32').toArray()).toEqual([[1, 1, 1]]);
    expect(onesLike(x, 'float32').dtype).toBe('float32');
    expect(fullLike([1, 2], 4).toArray()).toEqual([4, 4]);
  });

  it('rejects a bad shape or dtype', () => {
    expect(() => zeros([2, -1])).toThrow(ValueError);
    expect(() => zeros([2, -1])).toThrow('full: shape must be an array of non-negative integers, received shape=[2, -1]');
    expect(() => full([2], 1, 'float16' as 'float32')).toThrow(DTypeError);
    expect(() => full([2], 1, 'float16' as 'float32')).toThrow(/full: dtype must be one of .*received dtype='float16'/);
  });
});

describe('eye', () => {
  it('makes identity matrices', () => {
    expect(eye(2).toArray()).toEqual([[1, 0], [0, 1]]);
    expect(eye(2, 3).toArray()).toEqual([[1, 0, 0], [0, 1, 0]]);
    expect(eye(0).shape).toEqual([0, 0]);
  });

  it('puts ones on diagonal k', () => {
    expect(eye(2, 3, 1).toArray()).toEqual([[0, 1, 0], [0, 0, 1]]);
    expect(eye(3, 2, -1).toArray()).toEqual([[0, 0], [1, 0], [0, 1]]);
    expect(eye(2, 2, 5).toArray()).toEqual([[0, 0], [0, 0]]);
  });

  it('takes a dtype', () => {
    expect(eye(2, 2, 0, 'int32').dtype).toBe('int32');
  });

  it('rejects bad sizes and offsets', () => {
    expect(() => eye(-1)).toThrow(ValueError);
    expect(() => eye(-1)).toThrow('eye: n must be a non-negative integer, received n=-1');
    expect(() => eye(2, 1.5)).toThrow('eye: m must be a non-negative integer, received m=1.5');
    expect(() => eye(2, 2, 0.5)).toThrow('eye: k must be an integer, received k=0.5');
  });
});

describe('arange', () => {
  it('counts from 0 with one argument, int32 for integers', () => {
    const t = arange(5);
    expect(t.dtype).toBe('int32');
    expect(t.toArray()).toEqual([0, 1, 2, 3, 4]);
    expect(arange(2, 5).toArray()).toEqual([2, 3, 4]);
    expect(arange(0, 10, 3).toArray()).toEqual([0, 3, 6, 9]);
  });

  it('is float32 when any argument has a fraction', () => {
    const t = arange(0, 1, 0.25);
    expect(t.dtype).toBe('float32');
    expect(t.toArray()).toEqual([0, 0.25, 0.5, 0.75]);
    expect(arange(1.5).toArray()).toEqual([0, 1]);
    expect(arange(1.5).dtype).toBe('float32');
    expect(arange(0, 0.3, 0.1).size).toBe(3);
  });

  it('counts down with a negative step, and is empty when the step points away', () => {
    expect(arange(5, 0, -1).toArray()).toEqual([5, 4, 3, 2, 1]);
    expect(arange(1, -1, -0.5).toArray()).toEqual([1, 0.5, 0, -0.5]);
    expect(arange(0, 5, -1).shape).toEqual([0]);
    expect(arange(3, 3).shape).toEqual([0]);
  });

  it('takes a dtype', () => {
    const t = arange(0, 3, 1, 'float32');
    expect(t.dtype).toBe('float32');
    expect(t.toArray()).toEqual([0, 1, 2]);
  });

  it('rejects a zero step and non-finite bounds', () => {
    expect(() => arange(0, 5, 0)).toThrow(ValueError);
    expect(() => arange(0, 5, 0)).toThrow('arange: step must not be 0, received step=0');
    expect(() => arange(0, Infinity)).toThrow('arange: stop must be a finite number, received stop=Infinity');
    expect(() => arange(Number.NaN, 5)).toThrow(/start=NaN/);
  });
});

describe('linspace', () => {
  it('spaces num values evenly, both ends included', () => {
    const t = linspace(0, 1, 5);
    expect(t.dtype).toBe('float32');
    expect(t.toArray()).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(linspace(1, 0, 3).toArray()).toEqual([1, 0.5, 0]);
    const d = linspace(-1, 1);
    expect(d.size).toBe(50);
    expect([d.data[0], d.data[49]]).toEqual([-1, 1]);
  });

  it('leaves out stop when endpoint is false', () => {
    expect(linspace(0, 1, 4, false).toArray()).toEqual([0, 0.25, 0.5, 0.75]);
  });

  it('handles num 1 and 0', () => {
    expect(linspace(2, 3, 1).toArray()).toEqual([2]);
    expect(linspace(2, 3, 0).shape).toEqual([0]);
  });

  it('rejects a num that is not a non-negative integer', () => {
    expect(() => linspace(0, 1, -1)).toThrow(ValueError);
    expect(() => linspace(0, 1, -1)).toThrow('linspace: num must be a non-negative integer, received num=-1');
    expect(() => linspace(0, 1, 2.5)).toThrow(/received num=2.5/);
  });
});

describe('oneHot', () => {
  it('encodes indices along a new last axis', () => {
    const t = oneHot(tensor([0, 2, 1], undefined, 'int32'), 3);
    expect(t.dtype).toBe('float32');
    expect(t.toArray()).toEqual([[1, 0, 0], [0, 0, 1], [0, 1, 0]]);
    expect(oneHot([[0, 1], [1, 0]], 2).toArray()).toEqual([
      [[1, 0], [0, 1]],
      [[0, 1], [1, 0]],
    ]);
    expect(oneHot(tensor(1, undefined, 'int32'), 2).toArray()).toEqual([0, 1]);
  });

  it('gives all-zero rows for out-of-range indices, as Keras', () => {
    expect(oneHot([0, 3, -1], 3).toArray()).toEqual([[1, 0, 0], [0, 0, 0], [0, 0, 0]]);
  });

  it('accepts float32 indices holding integers, and a dtype', () => {
    expect(oneHot(tensor([1, 0]), 2).toArray()).toEqual([[0, 1], [1, 0]]);
    const i = oneHot([1], 2, 'int32');
    expect(i.dtype).toBe('int32');
    expect(i.toArray()).toEqual([[0, 1]]);
  });

  it('rejects fractional indices, from a tensor or from an array', () => {
    expect(() => oneHot(tensor([0.5]), 2)).toThrow(ValueError);
    expect(() => oneHot(tensor([0.5]), 2)).toThrow('oneHot: indices must be integers');
    expect(() => oneHot([0, 1.7], 3)).toThrow(ValueError);
  });

  it('rejects a depth that is not a positive integer', () => {
    expect(() => oneHot([0], 0)).toThrow(ValueError);
    expect(() => oneHot([0], 0)).toThrow('oneHot: depth must be a positive integer, received depth=0');
    expect(() => oneHot([0], 2.5)).toThrow(/received depth=2.5/);
  });
});
