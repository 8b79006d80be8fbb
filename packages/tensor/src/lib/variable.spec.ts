import { grad } from './autodiff';
import { ShapeError, ValueError } from './errors';
import { mul } from './ops/arithmetic';
import { ones, zeros } from './ops/creation';
import { sum } from './ops/reduce';
import { tensor } from './tensor';
import { Variable } from './variable';

describe('Variable', () => {
  it('holds a tensor and exposes its shape and dtype', () => {
    const init = tensor([[1, 2], [3, 4]]);
    const v = new Variable(init, { name: 'kernel' });
    expect(v.value).toBe(init);
    expect(v.shape).toEqual([2, 2]);
    expect(v.dtype).toBe('float32');
    expect(v.name).toBe('kernel');
  });

  it('accepts nested arrays and numbers', () => {
    expect(new Variable([[1, 2]]).shape).toEqual([1, 2]);
    const s = new Variable(3);
    expect(s.shape).toEqual([]);
    expect(s.value.item()).toBe(3);
  });

  it('converts the initial value to the requested dtype', () => {
    const fromArray = new Variable([1.5, 2.5], { dtype: 'int32' });
    expect(fromArray.dtype).toBe('int32');
    expect(Array.from(fromArray.value.data)).toEqual([1, 2]);
    const fromTensor = new Variable(tensor([1.5, 2.5]), { dtype: 'int32' });
    expect(fromTensor.dtype).toBe('int32');
    expect(Array.from(fromTensor.value.data)).toEqual([1, 2]);
  });

  it('is trainable by default, and the flag can be set and changed', () => {
    expect(new Variable(zeros([1])).trainable).toBe(true);
    const v = new Variable(zeros([1]), { trainable: false });
    expect(v.trainable).toBe(false);
    v.trainable = true;
    expect(v.trainable).toBe(true);
  });

  it('gets unique ids and default names from them', () => {
    const a = new Variable(zeros([1]));
    const b = new Variable(zeros([1]));
    expect(b.id).toBeGreaterThan(a.id);
    expect(a.name).toBe(`variable_${a.id}`);
    expect(b.name).not.toBe(a.name);
  });

  it('assigns a value of the same shape, converting arrays to its dtype', () => {
    const v = new Variable(zeros([2, 2]));
    const next = ones([2, 2]);
    v.assign(next);
    expect(v.value).toBe(next);
    v.assign([[1, 2], [3, 4]]);
    expect(v.value.toArray()).toEqual([[1, 2], [3, 4]]);
    const i = new Variable(zeros([2], 'int32'));
    i.assign([7.9, -1]);
    expect(i.dtype).toBe('int32');
    expect(Array.from(i.value.data)).toEqual([7, -1]);
  });

  it('rejects a value of another shape, naming both shapes', () => {
    const v = new Variable(zeros([2, 2]), { name: 'w' });
    expect(() => v.assign(ones([3]))).toThrow(ShapeError);
    expect(() => v.assign(ones([3]))).toThrow("Variable 'w': assign expects shape (2, 2), received shape (3,)");
    expect(() => v.assign(5)).toThrow(/received shape \(\)/);
    expect(v.value.toArray()).toEqual([[0, 0], [0, 0]]);
  });

  it('rejects a tensor of another dtype', () => {
    const v = new Variable(zeros([2]), { name: 'w' });
    expect(() => v.assign(ones([2], 'int32'))).toThrow(ValueError);
    expect(() => v.assign(ones([2], 'int32'))).toThrow("Variable 'w': assign expects dtype float32, received dtype='int32'");
  });

  it('stores an assigned value cut loose from any gradient graph', () => {
    const v = new Variable(zeros([2]));
    grad((x) => {
      const y = mul(x, 2);
      v.assign(y);
      return sum(y);
    })(tensor([1, 2]));
    expect(v.value.tracked).toBe(false);
    expect(v.value.node).toBeNull();
    expect(v.value.toArray()).toEqual([2, 4]);
  });
});
