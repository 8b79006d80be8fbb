import { DTypeError, ValueError } from '../errors';
import { checkGradients } from '../testing/check-gradients';
import { Tensor, tensor } from '../tensor';
import { arange } from './creation';
import { gather } from './gather';
import { reshape } from './shape-ops';
import { grad } from '../autodiff';
import { sum } from './reduce';

const seq = (...shape: number[]) => reshape(arange(shape.reduce((p, d) => p * d, 1), undefined, 1, 'float32'), shape);
const int = (v: number[], shape?: number[]) => tensor(v, shape, 'int32');

describe('gather', () => {
  it('takes rows, columns and blocks with index arrays or int tensors', () => {
    const x = tensor([[1, 2], [3, 4], [5, 6]]);
    expect(gather(x, [2, 0]).toArray()).toEqual([[5, 6], [1, 2]]);
    expect(gather(x, int([1]), 1).toArray()).toEqual([[2], [4], [6]]);
    expect(gather(x, int([0, 0, 0])).shape).toEqual([3, 2]);
    expect(gather(x, 1).toArray()).toEqual([3, 4]);
    // wide rows take the block-copy path
    const wide = seq(3, 70);
    expect(Array.from(gather(wide, [2]).data)).toEqual(Array.from(wide.data.slice(140)));
  });

  it('counts negative indices from the end, as keras.ops.take', () => {
    // matches keras.ops.take(arange(12.).reshape(3, 4), [-1, 0], axis=0)
    expect(gather(seq(3, 4), [-1, 0]).toArray()).toEqual([[8, 9, 10, 11], [0, 1, 2, 3]]);
    // matches keras.ops.take(arange(12.).reshape(3, 4), [[3, 0], [1, -2]], axis=1)
    expect(gather(seq(3, 4), int([3, 0, 1, -2], [2, 2]), 1).toArray()).toEqual([
      [[3, 0], [1, 2]],
      [[7, 4], [5, 6]],
      [[11, 8], [9, 10]],
    ]);
  });

  it('flattens x when axis is null, as keras.ops.take with axis=None', () => {
    // matches keras.ops.take(arange(12.).reshape(3, 4), [[1, 11], [5, -1]])
    expect(gather(seq(3, 4), [[1, 11], [5, -1]], null).toArray()).toEqual([[1, 11], [5, 11]]);
  });

  it('keeps int32 and bool values', () => {
    const y = gather(int([10, 20, 30]), [2, 1]);
    expect(y.dtype).toBe('int32');
    expect(y.toArray()).toEqual([30, 20]);
    expect(gather(tensor([true, false]), [1]).toArray()).toEqual([false]);
  });

  it('scatter-adds the gradient, accumulating repeated indices', () => {
    const g = grad((x: Tensor) => sum(gather(x, int([0, 2, 0]))))(seq(3, 2));
    expect(g.toArray()).toEqual([[2, 2], [0, 0], [1, 1]]);
    checkGradients((x) => gather(x, int([1, 1, 0, -1], [2, 2]), 1), [seq(2, 3)]);
    checkGradients((x) => gather(x, [3, 0], null), [seq(2, 2)]);
  });

  it('rejects out-of-range and non-integer indices', () => {
    const x = seq(3, 4);
    // keras.ops.take on JAX fills NaN for these; Strata refuses.
    expect(() => gather(x, [0, 3])).toThrow(ValueError);
    expect(() => gather(x, [0, 3])).toThrow(
      /gather: indices must be integers in \[-3, 2\] for axis 0 of size 3, received index=3 at position 1 of indices with shape \(2,\)/,
    );
    expect(() => gather(x, -5, 1)).toThrow(/in \[-4, 3\] for axis 1 of size 4, received index=-5$/);
    expect(() => gather(x, [0.5])).toThrow(/received index=0.5/);
    expect(() => gather(x, tensor([true]))).toThrow(DTypeError);
    expect(() => gather(x, tensor([true]))).toThrow(/gather: indices must be integers, received a tensor of dtype='bool'/);
    expect(() => gather(x, [0], 2)).toThrow(/gather: axis must be an integer in \[-2, 1\], received axis=2/);
    expect(() => gather(tensor(1), [0])).toThrow(/gather: x must have at least one axis, received a scalar with axis=0/);
  });
});
