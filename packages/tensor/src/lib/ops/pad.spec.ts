import * as fc from 'fast-check';
import { ValueError } from '../errors';
import { checkGradients } from '../testing/check-gradients';
import { tensor } from '../tensor';
import { arange } from './creation';
import { pad } from './pad';
import { reshape } from './shape-ops';
import { slice } from './slice';

const seq = (...shape: number[]) => reshape(arange(shape.reduce((p, d) => p * d, 1), undefined, 1, 'float32'), shape);

describe('pad (constant)', () => {
  it('fills the border with zeros or a value', () => {
    expect(pad(tensor([[1, 2]]), [[1, 0], [0, 1]]).toArray()).toEqual([[0, 0, 0], [1, 2, 0]]);
    // matches keras.ops.pad(x[:2, :2], [[1, 0], [0, 2]], constant_values=7)
    expect(pad(tensor([[0, 1], [4, 5]]), [[1, 0], [0, 2]], 7).toArray()).toEqual([
      [7, 7, 7, 7],
      [0, 1, 7, 7],
      [4, 5, 7, 7],
    ]);
    expect(pad(tensor([1, 2]), [[1, 1]], { constantValue: -1 }).toArray()).toEqual([-1, 1, 2, -1]);
    const b = pad(tensor([true]), [[1, 0]], 1);
    expect(b.dtype).toBe('bool');
    expect(b.toArray()).toEqual([true, true]);
  });

  it('returns x for zero paddings and pads empty axes', () => {
    const x = seq(2, 2);
    expect(pad(x, [[0, 0], [0, 0]])).toBe(x);
    expect(pad(tensor([]), [[1, 2]], 3).toArray()).toEqual([3, 3, 3]);
  });

  it('is undone by slicing out the interior (property)', () => {
    const cases = fc.array(
      fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })),
      { minLength: 1, maxLength: 4 },
    );
    fc.assert(
      fc.property(cases, (axes) => {
        const x = seq(...axes.map((a) => a[0]));
        const y = pad(x, axes.map(([, b, a]) => [b, a]), 9);
        const back = slice(y, axes.map((a) => a[1]), x.shape);
        expect(back.shape).toEqual(x.shape);
        expect(Array.from(back.data)).toEqual(Array.from(x.data));
      }),
      { seed: 42, numRuns: 50 },
    );
  });

  it('slices the gradient', () => {
    checkGradients((x) => pad(x, [[1, 2], [0, 1]], 3), [seq(2, 2)]);
  });
});

describe('pad (reflect, symmetric)', () => {
  it('mirrors without or with the edge, as keras.ops.pad', () => {
    // matches keras.ops.pad([1, 2, 3], [[2, 2]], mode='reflect') and [[2, 3]], mode='symmetric'
    expect(pad(tensor([1, 2, 3]), [[2, 2]], { mode: 'reflect' }).toArray()).toEqual([3, 2, 1, 2, 3, 2, 1]);
    expect(pad(tensor([1, 2, 3]), [[2, 3]], { mode: 'symmetric' }).toArray()).toEqual([2, 1, 1, 2, 3, 3, 2, 1]);
    // matches keras.ops.pad(arange(6.).reshape(2, 3), [[1, 1], [2, 1]], mode='reflect')
    expect(pad(seq(2, 3), [[1, 1], [2, 1]], { mode: 'reflect' }).toArray()).toEqual([
      [5, 4, 3, 4, 5, 4],
      [2, 1, 0, 1, 2, 1],
      [5, 4, 3, 4, 5, 4],
      [2, 1, 0, 1, 2, 1],
    ]);
  });

  it('keeps reflecting when the padding is wider than the axis, as keras.ops.pad', () => {
    // matches keras.ops.pad([1, 2, 3], [[7, 6]], mode='reflect' / 'symmetric')
    expect(pad(tensor([1, 2, 3]), [[7, 6]], { mode: 'reflect' }).toArray()).toEqual([
      2, 3, 2, 1, 2, 3, 2, 1, 2, 3, 2, 1, 2, 3, 2, 1,
    ]);
    expect(pad(tensor([1, 2, 3]), [[7, 6]], { mode: 'symmetric' }).toArray()).toEqual([
      1, 1, 2, 3, 3, 2, 1, 1, 2, 3, 3, 2, 1, 1, 2, 3,
    ]);
    // matches keras.ops.pad([5.], [[2, 1]], mode='reflect')
    expect(pad(tensor([5]), [[2, 1]], { mode: 'reflect' }).toArray()).toEqual([5, 5, 5, 5]);
  });

  it('sums mirrored gradients back onto their sources', () => {
    checkGradients((x) => pad(x, [[2, 1]], { mode: 'reflect' }), [tensor([1, 2, 3])]);
    checkGradients((x) => pad(x, [[1, 1], [2, 0]], { mode: 'symmetric' }), [seq(2, 3)]);
  });
});

describe('pad errors', () => {
  it('rejects bad paddings, modes and values', () => {
    const x = seq(2, 2);
    expect(() => pad(x, [[1, 1]])).toThrow(ValueError);
    expect(() => pad(x, [[1, 1]])).toThrow(/pad: paddings must hold one \[before, after\] pair .* of \(2, 2\), received paddings=\[\[1, 1\]\]/);
    expect(() => pad(x, [[1, -1], [0, 0]])).toThrow(/received paddings=\[\[1, -1\], \[0, 0\]\]/);
    expect(() => pad(x, [[1], [0, 0]])).toThrow(ValueError);
    expect(() => pad(x, [[1, 1], [0, 0]], { mode: 'edge' as never })).toThrow(ValueError);
    expect(() => pad(x, [[1, 1], [0, 0]], { mode: 'edge' as never })).toThrow(
      /mode must be one of 'constant', 'reflect', 'symmetric', received mode='edge'/,
    );
    // as keras.ops.pad: constant values only go with mode 'constant'
    expect(() => pad(x, [[1, 1], [0, 0]], { mode: 'reflect', constantValue: 0 })).toThrow(ValueError);
    expect(() => pad(x, [[1, 1], [0, 0]], { mode: 'reflect', constantValue: 0 })).toThrow(
      /constantValue can only be given with mode 'constant', received mode='reflect'/,
    );
    expect(() => pad(tensor([]), [[1, 0]], { mode: 'symmetric' })).toThrow(ValueError);
    expect(() => pad(tensor([]), [[1, 0]], { mode: 'symmetric' })).toThrow(
      /mode 'symmetric' cannot pad axis 0 of size 0 in shape \(0,\), received paddings=\[\[1, 0\]\]/,
    );
  });
});
