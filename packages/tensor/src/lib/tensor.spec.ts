import { DTypeError, ShapeError, ValueError } from './errors';
import { Tensor, asTensor, fromData, tensor } from './tensor';
import { zeros } from './ops/creation';

describe('tensor()', () => {
  it('makes a float32 tensor from nested arrays', () => {
    const t = tensor([[1, 2, 3], [4, 5, 6]]);
    expect(t.shape).toEqual([2, 3]);
    expect(t.dtype).toBe('float32');
    expect(t.size).toBe(6);
    expect(t.rank).toBe(2);
    expect(t.data).toBeInstanceOf(Float32Array);
    expect(Array.from(t.data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(t.toArray()).toEqual([[1, 2, 3], [4, 5, 6]]);
  });

  it('stores values rounded to float32', () => {
    expect(tensor([0.1]).data[0]).toBe(Math.fround(0.1));
  });

  it('fills a shape from a flat array', () => {
    const t = tensor([1, 2, 3, 4, 5, 6], [3, 2]);
    expect(t.shape).toEqual([3, 2]);
    expect(t.toArray()).toEqual([[1, 2], [3, 4], [5, 6]]);
  });

  it('takes the dtype from a typed array and copies it', () => {
    const src = new Int32Array([1, 2, 3, 4]);
    const t = tensor(src, [2, 2]);
    expect(t.dtype).toBe('int32');
    expect(t.toArray()).toEqual([[1, 2], [3, 4]]);
    src[0] = 99;
    expect(t.data[0]).toBe(1);
    expect(tensor(new Float32Array([0.5])).dtype).toBe('float32');
    expect(tensor(new Uint8Array([0, 3])).toArray()).toEqual([false, true]);
  });

  it('converts to a requested dtype, truncating toward zero for int32', () => {
    const t = tensor(new Float32Array([1.7, -1.7, 2]), undefined, 'int32');
    expect(t.dtype).toBe('int32');
    expect(Array.from(t.data)).toEqual([1, -1, 2]);
    expect(tensor([0, 2, -1], undefined, 'bool').toArray()).toEqual([false, true, true]);
    expect(tensor([[1, 2]], undefined, 'int32').data).toBeInstanceOf(Int32Array);
  });

  it('makes scalars from numbers and booleans', () => {
    const s = tensor(5);
    expect(s.shape).toEqual([]);
    expect(s.rank).toBe(0);
    expect(s.size).toBe(1);
    expect(s.item()).toBe(5);
    expect(s.toArray()).toBe(5);
    const b = tensor(true);
    expect(b.dtype).toBe('bool');
    expect(b.toArray()).toBe(true);
    expect(tensor([7], [])).toEqual(tensor(7));
  });

  it('makes bool tensors from booleans, read back as booleans', () => {
    const t = tensor([[true, false], [false, true]]);
    expect(t.dtype).toBe('bool');
    expect(t.data).toBeInstanceOf(Uint8Array);
    expect(Array.from(t.data)).toEqual([1, 0, 0, 1]);
    expect(t.toArray()).toEqual([[true, false], [false, true]]);
  });

  it('makes empty tensors', () => {
    expect(tensor([]).shape).toEqual([0]);
    expect(tensor([[]]).shape).toEqual([1, 0]);
    expect(tensor([[]]).toArray()).toEqual([[]]);
    expect(zeros([2, 0]).toArray()).toEqual([[], []]);
    expect(zeros([0, 2]).toArray()).toEqual([]);
  });

  it('returns a Tensor as is, viewed with a new shape or cast to a new dtype', () => {
    const t = tensor([1.5, 2, 3, 4, 5, 6]);
    expect(tensor(t)).toBe(t);
    const v = tensor(t, [3, 2]);
    expect(v.shape).toEqual([3, 2]);
    expect(v.data).toBe(t.data);
    const c = tensor(t, undefined, 'int32');
    expect(c.dtype).toBe('int32');
    expect(Array.from(c.data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(() => tensor(t, [4])).toThrow(ShapeError);
    expect(() => tensor(t, [4])).toThrow('tensor: cannot view (6,) as shape (4,)');
  });

  it('rejects ragged nested arrays', () => {
    expect(() => tensor([[1, 2], [3]])).toThrow(ShapeError);
    expect(() => tensor([[1, 2], [3]])).toThrow('tensor: nested arrays are ragged: expected 2 entries at depth 1, received [3]');
    expect(() => tensor([[1, 2], 3])).toThrow(/ragged.*received 3/);
    expect(() => tensor([1, [2]])).toThrow(ShapeError);
    expect(() => tensor([1, [2]])).toThrow('tensor: nested arrays are ragged: expected a number at depth 1, received [2]');
  });

  it('rejects values that are not numbers or booleans', () => {
    expect(() => tensor(['a'] as unknown as number[])).toThrow(ValueError);
    expect(() => tensor(['a'] as unknown as number[])).toThrow("tensor: values must be numbers or booleans, received 'a'");
  });

  it('rejects a shape the values cannot fill', () => {
    expect(() => tensor([1, 2, 3], [2, 2])).toThrow(ShapeError);
    expect(() => tensor([1, 2, 3], [2, 2])).toThrow('tensor: 3 values cannot fill shape (2, 2) (4 elements)');
    expect(() => tensor(new Float32Array(5), [2, 3])).toThrow(/5 values cannot fill shape \(2, 3\)/);
  });

  it('rejects a malformed shape', () => {
    expect(() => tensor([1], [-1])).toThrow(ValueError);
    expect(() => tensor([1], [-1])).toThrow('tensor: shape must be an array of non-negative integers, received shape=[-1]');
    expect(() => tensor([1, 2], [1.5])).toThrow(/received shape=\[1.5\]/);
  });

  it('rejects an unknown dtype', () => {
    expect(() => tensor([1, 2], undefined, 'float64' as 'float32')).toThrow(DTypeError);
    expect(() => tensor([1, 2], undefined, 'float64' as 'float32')).toThrow(
      "tensor: dtype must be one of 'float32', 'int32', 'bool', received dtype='float64'",
    );
  });
});

describe('Tensor', () => {
  it('checks that the data fills the shape', () => {
    expect(() => new Tensor(new Float32Array(5), [2, 3])).toThrow(ShapeError);
    expect(() => new Tensor(new Float32Array(5), [2, 3])).toThrow('Tensor: data has 5 elements but shape (2, 3) needs 6');
  });

  it('wraps data without copying and infers the dtype from the array type', () => {
    const data = new Int32Array([1, 2, 3, 4, 5, 6]);
    const t = new Tensor(data, [2, 3]);
    expect(t.data).toBe(data);
    expect(t.dtype).toBe('int32');
    expect(t.strides).toEqual([3, 1]);
    expect(t.node).toBeNull();
    expect(t.tracked).toBe(false);
  });

  it('copies the shape it is given', () => {
    const shape = [2, 2];
    const t = new Tensor(new Float32Array(4), shape);
    shape[0] = 9;
    expect(t.shape).toEqual([2, 2]);
  });

  it('gives the single value with item() and refuses otherwise', () => {
    expect(tensor([[3.5]]).item()).toBe(3.5);
    expect(() => tensor([1, 2]).item()).toThrow(ShapeError);
    expect(() => tensor([1, 2]).item()).toThrow('Tensor.item: the tensor must have exactly one element, received shape (2,)');
  });

  it('reads nested arrays of rank 3', () => {
    const t = tensor([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], [2, 3, 2]);
    expect(t.toArray()).toEqual([
      [[1, 2], [3, 4], [5, 6]],
      [[7, 8], [9, 10], [11, 12]],
    ]);
  });

  it('exposes an ndarray view over the same data', () => {
    const t = tensor([[1, 2, 3], [4, 5, 6]]);
    const v = t.view();
    expect(v.shape).toEqual([2, 3]);
    expect(v.get(1, 2)).toBe(6);
    expect(v.transpose(1, 0).get(2, 0)).toBe(3);
    expect(v.data).toBe(t.data);
  });

  it('prints its shape, dtype and values', () => {
    expect(tensor([[1, 2], [3, 4]], undefined, 'int32').toString()).toBe(
      'Tensor(shape=(2, 2), dtype=int32, values=[[1,2],[3,4]])',
    );
  });
});

describe('asTensor and fromData', () => {
  it('returns tensors unchanged and converts everything else', () => {
    const t = tensor([1]);
    expect(asTensor(t)).toBe(t);
    expect(asTensor(t, 'int32')).toBe(t);
    expect(asTensor(2.5).shape).toEqual([]);
    expect(asTensor(2.5, 'int32').item()).toBe(2);
    expect(asTensor(false).dtype).toBe('bool');
    expect(asTensor([[1, 2]], 'int32').dtype).toBe('int32');
  });

  it('copies and converts values into fresh storage', () => {
    const src = [1.9, -0.5, 0];
    const i = fromData(src, [3], 'int32');
    expect(Array.from(i.data)).toEqual([1, 0, 0]);
    expect(fromData(src, [3], 'bool').toArray()).toEqual([true, true, false]);
    const f = new Float32Array([1, 2]);
    const copy = fromData(f, [2], 'float32');
    expect(copy.data).not.toBe(f);
    expect(Array.from(copy.data)).toEqual([1, 2]);
  });
});
