import * as fc from 'fast-check';
import { ShapeError, ValueError } from '../errors';
import { checkGradients } from '../testing/check-gradients';
import { Tensor, tensor } from '../tensor';
import { arange } from './creation';
import { concat, split, stack, unstack } from './concat';
import { reshape } from './shape-ops';
import { add } from './arithmetic';

const seq = (...shape: number[]) => reshape(arange(shape.reduce((p, d) => p * d, 1), undefined, 1, 'float32'), shape);
const arrays = (ts: Tensor[]) => ts.map((t) => t.toArray());

describe('concat', () => {
  it('joins along an axis', () => {
    expect(concat([tensor([[1, 2]]), tensor([[3, 4]])]).toArray()).toEqual([[1, 2], [3, 4]]);
    expect(concat([tensor([[1], [2]]), tensor([[3, 4], [5, 6]])], -1).toArray()).toEqual([[1, 3, 4], [2, 5, 6]]);
    expect(concat([tensor([1]), tensor([]), tensor([2, 3])]).toArray()).toEqual([1, 2, 3]);
    const x = tensor([1, 2]);
    expect(concat([x])).toBe(x);
  });

  it('copies long rows in blocks', () => {
    const a = seq(2, 40, 2);
    const b = seq(2, 10, 2);
    const y = concat([a, b], 1);
    expect(y.shape).toEqual([2, 50, 2]);
    // each output row holds a's 80 values then b's 20
    expect(Array.from(y.data.slice(80, 100))).toEqual(Array.from(b.data.slice(0, 20)));
    expect(Array.from(y.data.slice(100, 180))).toEqual(Array.from(a.data.slice(80, 160)));
  });

  it('upcasts mixed dtypes, as keras.ops.concatenate', () => {
    // matches keras.ops.concatenate([int32 [1], float32 [1.5]]).dtype == float32
    const y = concat([tensor([1], undefined, 'int32'), tensor([1.5])]);
    expect(y.dtype).toBe('float32');
    expect(y.toArray()).toEqual([1, 1.5]);
    expect(concat([tensor([true]), tensor([false])]).dtype).toBe('bool');
  });

  it('splits the gradient back to the inputs', () => {
    checkGradients((a, b) => concat([a, b], 1), [seq(2, 1), seq(2, 3)]);
    checkGradients((a, b) => concat([a, b, a]), [seq(1, 2), seq(2, 2)]);
  });

  it('rejects empty lists, scalars and mismatched shapes', () => {
    expect(() => concat([])).toThrow(ValueError);
    expect(() => concat([])).toThrow(/concat: xs must be a non-empty array of tensors, received xs=\[\]/);
    expect(() => concat([tensor(1), tensor(2)])).toThrow(/concat: scalars cannot be concatenated, received an input of shape \(\)/);
    expect(() => concat([seq(2, 3), seq(3, 2)])).toThrow(ShapeError);
    expect(() => concat([seq(2, 3), seq(3, 2)])).toThrow(
      /concat: inputs must have the same shape except along axis 0, received shapes \(2, 3\) and \(3, 2\)/,
    );
    expect(() => concat([seq(2, 3), seq(2)])).toThrow(/received shapes \(2, 3\) and \(2,\)/);
    expect(() => concat([seq(2)], 1)).toThrow(/concat: axis must be an integer in \[-1, 0\], received axis=1/);
  });
});

describe('stack / unstack', () => {
  it('stacks along a new axis', () => {
    expect(stack([tensor([1, 2]), tensor([3, 4])]).toArray()).toEqual([[1, 2], [3, 4]]);
    // matches keras.ops.stack([[1, 2], [3, 4]], axis=-1)
    expect(stack([tensor([1, 2]), tensor([3, 4])], -1).toArray()).toEqual([[1, 3], [2, 4]]);
    // matches keras.ops.stack([zeros((2, 3))] * 4, axis=-2).shape == (2, 4, 3)
    expect(stack([seq(2, 3), seq(2, 3), seq(2, 3), seq(2, 3)], -2).shape).toEqual([2, 4, 3]);
    expect(stack([tensor(1), tensor(2)]).toArray()).toEqual([1, 2]);
  });

  it('unstacks along an axis', () => {
    // matches keras.ops.unstack(arange(12.).reshape(3, 4), axis=1)
    expect(arrays(unstack(seq(3, 4), 1))).toEqual([[0, 4, 8], [1, 5, 9], [2, 6, 10], [3, 7, 11]]);
    expect(arrays(unstack(tensor([[1, 2], [3, 4]])))).toEqual([[1, 2], [3, 4]]);
    expect(unstack(seq(0, 2))).toEqual([]);
  });

  it('unstack undoes stack (property)', () => {
    const cases = fc.tuple(
      fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 0, maxLength: 3 }),
      fc.integer({ min: 1, max: 4 }),
      fc.integer({ min: 0, max: 3 }),
    );
    fc.assert(
      fc.property(cases, ([shape, n, a]) => {
        const axis = a % (shape.length + 1);
        const xs = Array.from({ length: n }, (_, i) => add(seq(...shape), i * 100));
        expect(arrays(unstack(stack(xs, axis), axis))).toEqual(arrays(xs));
      }),
      { seed: 42, numRuns: 50 },
    );
  });

  it('has gradients', () => {
    checkGradients((a, b) => stack([a, b], 1), [seq(2, 2), seq(2, 2)]);
    checkGradients((x) => add(unstack(x, 1)[0], unstack(x, 1)[2]), [seq(2, 3)]);
  });

  it('rejects bad inputs', () => {
    expect(() => stack([])).toThrow(/stack: xs must be a non-empty array of tensors, received xs=\[\]/);
    expect(() => stack([seq(2), seq(3)])).toThrow(ShapeError);
    expect(() => stack([seq(2), seq(3)])).toThrow(/stack: inputs must all have the same shape, received shapes \(2,\) and \(3,\)/);
    expect(() => stack([seq(2)], 2)).toThrow(/stack: axis must be an integer in \[-2, 1\], received axis=2/);
    expect(() => unstack(tensor(1))).toThrow(ValueError);
    expect(() => unstack(tensor(1))).toThrow(/unstack: x must have at least one axis, received a scalar with axis=0/);
    expect(() => unstack(seq(2), 1)).toThrow(/unstack: axis must be an integer in \[-1, 0\], received axis=1/);
  });
});

describe('split', () => {
  it('splits into equal parts or given sizes', () => {
    expect(arrays(split(arange(6), 3))).toEqual([[0, 1], [2, 3], [4, 5]]);
    expect(arrays(split(arange(6), [1, -1]))).toEqual([[0], [1, 2, 3, 4, 5]]);
    expect(arrays(split(arange(4), [0, 4]))).toEqual([[], [0, 1, 2, 3]]);
    // matches keras.ops.split(zeros((2, 6)), 3, axis=-1) shapes
    expect(split(seq(2, 6), 3, -1).map((t) => t.shape)).toEqual([[2, 2], [2, 2], [2, 2]]);
    // keras.ops.split(x, [1, 3], axis=1) takes split indices; the same parts here are sizes [1, 2, -1]
    expect(arrays(split(seq(2, 4), [1, 2, -1], 1))).toEqual([[[0], [4]], [[1, 2], [5, 6]], [[3], [7]]]);
  });

  it('is undone by concat (property)', () => {
    const cases = fc.tuple(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 3 }), fc.boolean());
    fc.assert(
      fc.property(cases, ([sizes, rows, first]) => {
        const total = sizes.reduce((a, b) => a + b, 0);
        const x = seq(rows, total);
        const axis = first ? 1 : -1;
        const parts = split(x, sizes, axis);
        expect(parts.map((p) => p.shape[1])).toEqual(sizes);
        expect(Array.from(concat(parts, axis).data)).toEqual(Array.from(x.data));
      }),
      { seed: 42, numRuns: 50 },
    );
  });

  it('pads each part gradient back into place', () => {
    checkGradients((x) => split(x, [1, 2], 1)[1], [seq(2, 3)]);
    checkGradients((x) => add(split(x, 2)[0], split(x, 2)[1]), [seq(4, 2)]);
  });

  it('rejects bad counts and sizes', () => {
    const x = arange(5);
    expect(() => split(x, 2)).toThrow(ValueError);
    expect(() => split(x, 2)).toThrow(/split: axis 0 of size 5 cannot be split into 2 equal parts, received numOrSizes=2/);
    expect(() => split(x, 0)).toThrow(/numOrSizes must be a positive integer or an array of sizes, received numOrSizes=0/);
    expect(() => split(x, [-1, -1])).toThrow(/sizes must be non-negative integers with at most one -1, received numOrSizes=\[-1, -1\]/);
    expect(() => split(x, [])).toThrow(/received numOrSizes=\[\]/);
    expect(() => split(x, [2, 2])).toThrow(/split: sizes must add up to 5, the size of axis 0, received numOrSizes=\[2, 2\]/);
    expect(() => split(x, [4, 2, -1])).toThrow(/received numOrSizes=\[4, 2, -1\]/);
    expect(() => split(tensor(1), 1)).toThrow(/split: x must have at least one axis, received a scalar with axis=0/);
  });
});
