import { ValueError } from '../errors';
import { checkGradients } from '../testing/check-gradients';
import { tensor } from '../tensor';
import { arange } from './creation';
import { reshape } from './shape-ops';
import { repeat, tile } from './tile';

const seq = (...shape: number[]) => reshape(arange(shape.reduce((p, d) => p * d, 1), undefined, 1, 'float32'), shape);

describe('tile', () => {
  it('repeats the whole tensor along each axis', () => {
    expect(tile(tensor([1, 2]), [2]).toArray()).toEqual([1, 2, 1, 2]);
    expect(tile(tensor([1, 2]), 3).toArray()).toEqual([1, 2, 1, 2, 1, 2]);
    expect(tile(tensor([[1, 2], [3, 4]]), [2, 1]).toArray()).toEqual([[1, 2], [3, 4], [1, 2], [3, 4]]);
  });

  it('pads reps or the shape with leading 1s, as keras.ops.tile', () => {
    // matches keras.ops.tile([[1, 2], [3, 4]], [2])
    expect(tile(tensor([[1, 2], [3, 4]]), [2]).toArray()).toEqual([[1, 2, 1, 2], [3, 4, 3, 4]]);
    // matches keras.ops.tile([1, 2], [2, 2])
    expect(tile(tensor([1, 2]), [2, 2]).toArray()).toEqual([[1, 2, 1, 2], [1, 2, 1, 2]]);
    // matches keras.ops.tile(arange(4).reshape(2, 2), [2, 1, 3])
    expect(tile(seq(2, 2), [2, 1, 3]).toArray()).toEqual([
      [[0, 1, 0, 1, 0, 1], [2, 3, 2, 3, 2, 3]],
      [[0, 1, 0, 1, 0, 1], [2, 3, 2, 3, 2, 3]],
    ]);
    expect(tile(tensor([1, 2]), [0]).shape).toEqual([0]);
    expect(tile(tensor([1, 2]), [1, 1]).shape).toEqual([1, 2]);
  });

  it('sums the gradient over the tiles', () => {
    checkGradients((x) => tile(x, [2, 3]), [seq(2, 2)]);
    checkGradients((x) => tile(x, [2, 1, 2]), [tensor([[1, 2, 3]])]);
  });

  it('rejects bad reps', () => {
    expect(() => tile(tensor([1]), [-1])).toThrow(ValueError);
    expect(() => tile(tensor([1]), [-1])).toThrow(/tile: reps must be non-negative integers, received reps=\[-1\]/);
    expect(() => tile(tensor([1]), 1.5)).toThrow(/received reps=1.5/);
  });
});

describe('repeat', () => {
  it('repeats each element along an axis', () => {
    // matches keras.ops.repeat([[1, 2], [3, 4]], 2, axis=-1)
    expect(repeat(tensor([[1, 2], [3, 4]]), 2, -1).toArray()).toEqual([[1, 1, 2, 2], [3, 3, 4, 4]]);
    expect(repeat(tensor([[1, 2], [3, 4]]), 3, 0).toArray()).toEqual([[1, 2], [1, 2], [1, 2], [3, 4], [3, 4], [3, 4]]);
    expect(repeat(tensor([[1, 2]]), 0, 1).shape).toEqual([1, 0]);
  });

  it('flattens without an axis and takes per-element counts, as keras.ops.repeat', () => {
    // matches keras.ops.repeat([[1, 2], [3, 4]], 2)
    expect(repeat(tensor([[1, 2], [3, 4]]), 2).toArray()).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
    // matches keras.ops.repeat([[1, 2], [3, 4]], np.array([1, 2]), axis=0)
    expect(repeat(tensor([[1, 2], [3, 4]]), [1, 2], 0).toArray()).toEqual([[1, 2], [3, 4], [3, 4]]);
    // matches keras.ops.repeat([[1, 2], [3, 4]], np.array([0, 2]), axis=1)
    expect(repeat(tensor([[1, 2], [3, 4]]), [0, 2], 1).toArray()).toEqual([[2, 2], [4, 4]]);
    expect(repeat(tensor([[1, 2], [3, 4]], undefined, 'int32'), [2], 1).dtype).toBe('int32');
  });

  it('sums the gradient over the copies', () => {
    checkGradients((x) => repeat(x, 2, 1), [seq(2, 3)]);
    checkGradients((x) => repeat(x, 3), [seq(2, 2)]);
    checkGradients((x) => repeat(x, [2, 0, 1], 0), [seq(3, 2)]);
  });

  it('rejects bad repeats and axes', () => {
    const x = tensor([[1, 2], [3, 4]]);
    expect(() => repeat(x, -1, 0)).toThrow(ValueError);
    expect(() => repeat(x, -1, 0)).toThrow(/repeat: repeats must be non-negative integers, received repeats=-1/);
    expect(() => repeat(x, [1, 2, 3], 0)).toThrow(
      /repeat: repeats must be one count or one per element \(2\) of axis 0, received repeats=\[1, 2, 3\]/,
    );
    expect(() => repeat(x, [], 0)).toThrow(/received repeats=\[\]/);
    expect(() => repeat(x, 2, 2)).toThrow(/repeat: axis must be an integer in \[-2, 1\], received axis=2/);
  });
});
