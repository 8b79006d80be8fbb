import { ShapeError, Tensor, ValueError, ones, tensor, zeros } from '@strata/tensor';
import { input } from '../core/input-layer';
import { getMask, setMask } from '../engine/masks';
import { Add } from './add';
import { formatShapeList } from './merge';

// The shared Merge behaviour, exercised through Add (the simplest subclass).
describe('Merge (through Add)', () => {
  const bool = (v: boolean[][]) => tensor(v, undefined, 'bool');

  it('broadcasts like Keras: lower ranks gain axes right after the batch axis', () => {
    const y = new Add().apply([tensor([[[1, 2], [3, 4], [5, 6]]]), tensor([[10, 20]])]);
    expect(y.toArray()).toEqual([[[11, 22], [13, 24], [15, 26]]]);
    expect(new Add().apply([ones([2, 1, 4]), ones([2, 3, 1])]).shape).toEqual([2, 3, 4]);
  });

  it('computes output shapes with an unknown batch and unknown sizes', () => {
    const add = new Add();
    expect(add.computeOutputShape([[null, 3, 4], [null, 4]])).toEqual([null, 3, 4]);
    expect(add.computeOutputShape([[null, 1, 4], [5, 3, 1]])).toEqual([5, 3, 4]);
    // As Keras, an unknown size stays unknown even against a 1.
    expect(add.computeOutputShape([[null, null], [null, 1]])).toEqual([null, null]);
    expect(add.apply([input({ shape: [3] }), input({ shape: [3] })]).shape).toEqual([null, 3]);
  });

  it('accepts a list of one input (Keras 3)', () => {
    expect(new Add().apply([tensor([[1, 2]])]).toArray()).toEqual([[1, 2]]);
  });

  it('ORs the input masks when every input has one, and drops the mask otherwise', () => {
    const a = ones([1, 3, 2]);
    const b = ones([1, 3, 2]);
    setMask(a, bool([[true, false, false]]));
    setMask(b, bool([[false, false, true]]));
    expect(getMask(new Add().apply([a, b]))!.toArray()).toEqual([[true, false, true]]);
    expect(getMask(new Add().apply([a, ones([1, 3, 2])]))).toBeNull();
  });

  it('rejects a single tensor instead of a list', () => {
    const add = new Add({ name: 'a' });
    expect(() => add.apply(zeros([2, 3]))).toThrow(ShapeError);
    expect(() => add.apply(zeros([2, 3]))).toThrow(
      "Add 'a': a merge layer must be called on a list of inputs, received input_shape=(2, 3) (not a list of shapes)",
    );
  });

  it('rejects an empty list', () => {
    expect(() => new Add({ name: 'a' }).apply([] as Tensor[])).toThrow(ShapeError);
    expect(() => new Add({ name: 'a' }).apply([] as Tensor[])).toThrow(/Add 'a': a merge layer must be called on a list of at least 1 input, received 0 inputs/);
  });

  it('rejects shapes that do not broadcast, naming both', () => {
    const add = new Add({ name: 'a' });
    expect(() => add.apply([zeros([2, 3]), zeros([2, 4])])).toThrow(ShapeError);
    expect(() => add.apply([zeros([2, 3]), zeros([2, 4])])).toThrow(
      "Add 'a': inputs must have shapes that broadcast together (batch axis aside), received input_shape=[(2, 3), (2, 4)]; (3,) and (4,) do not broadcast",
    );
    // Keras aligns lower ranks after the batch axis: (3, 4) and (3,) do not broadcast.
    expect(() => new Add().apply([zeros([2, 3, 4]), zeros([2, 3])])).toThrow(/\(3, 4\) and \(3,\) do not broadcast/);
  });

  it('checks shapes on every call, not only the first', () => {
    const add = new Add({ name: 'a' });
    add.apply([zeros([2, 3]), zeros([2, 3])]);
    expect(() => add.apply([zeros([2, 3]), zeros([2, 5])])).toThrow(ShapeError);
  });

  it('rejects different batch sizes', () => {
    expect(() => new Add({ name: 'a' }).apply([zeros([2, 3]), zeros([3, 3])])).toThrow(ShapeError);
    expect(() => new Add({ name: 'a' }).apply([zeros([2, 3]), zeros([3, 3])])).toThrow(
      "Add 'a': inputs must have the same batch size, received input_shape=[(2, 3), (3, 3)]",
    );
  });

  it('rejects a mask that is not a list, or of the wrong length', () => {
    const m = tensor([true, false], undefined, 'bool');
    expect(() => new Add({ name: 'a' }).apply([zeros([2, 3]), zeros([2, 3])], { mask: m })).toThrow(ValueError);
    expect(() => new Add({ name: 'a' }).apply([zeros([2, 3]), zeros([2, 3])], { mask: m })).toThrow(/Add 'a': mask must be a list with one entry per input, received mask=/);
    expect(() => new Add({ name: 'a' }).apply([zeros([2, 3]), zeros([2, 3])], { mask: [m] })).toThrow(
      "Add 'a': mask must have one entry per input (2), received 1 masks",
    );
  });

  it('formats shape lists as Keras', () => {
    expect(formatShapeList([[null, 3], [2]])).toBe('[(None, 3), (2,)]');
  });
});
