import * as fc from 'fast-check';
import { ShapeError, ValueError } from '../errors';
import { checkGradients } from '../testing/check-gradients';
import { Tensor, tensor } from '../tensor';
import { arange } from './creation';
import { broadcastTo, copyStrided, copyToStrided, expandDims, reshape, squeeze } from './shape-ops';

const seq = (...shape: number[]) => reshape(arange(shape.reduce((p, d) => p * d, 1), undefined, 1, 'float32'), shape);

describe('reshape', () => {
  it('infers -1 and shares the data', () => {
    const x = arange(6);
    const y = reshape(x, [2, -1]);
    expect(y.shape).toEqual([2, 3]);
    expect(y.data).toBe(x.data);
  });

  it('round-trips any shape through a flat one (property)', () => {
    const shapes = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 0, maxLength: 4 });
    fc.assert(
      fc.property(shapes, (shape) => {
        const x = seq(...shape);
        const back = reshape(reshape(x, [-1]), shape);
        expect(back.shape).toEqual(shape);
        expect(Array.from(back.data)).toEqual(Array.from(x.data));
      }),
      { seed: 42, numRuns: 50 },
    );
  });

  it('rejects a bad shape', () => {
    expect(() => reshape(arange(6), [4, -1])).toThrow(ShapeError);
    expect(() => reshape(arange(6), [4, -1])).toThrow(/into shape \(4, -1\)/);
    expect(() => reshape(arange(6), [-1, -1])).toThrow(ValueError);
    expect(() => reshape(arange(6), [-1, -1])).toThrow(/shape=\[-1, -1\]/);
  });
});

describe('broadcastTo', () => {
  it('copies rows and sums the gradient back', () => {
    expect(broadcastTo(tensor([1, 2]), [2, 2]).toArray()).toEqual([[1, 2], [1, 2]]);
    checkGradients((x) => broadcastTo(x, [3, 2]), [tensor([[0.5, -1]])]);
  });
});

describe('expandDims', () => {
  it('inserts axes at positive, negative and several positions', () => {
    const x = seq(2, 3);
    expect(expandDims(x, 0).shape).toEqual([1, 2, 3]);
    expect(expandDims(x, 2).shape).toEqual([2, 3, 1]);
    expect(expandDims(x, -1).shape).toEqual([2, 3, 1]);
    // matches keras.ops.expand_dims: -3 on a rank-2 input is the front, (0, -1) adds both ends
    expect(expandDims(x, -3).shape).toEqual([1, 2, 3]);
    expect(expandDims(x, [0, -1]).shape).toEqual([1, 2, 3, 1]);
    expect(expandDims(tensor([1, 2]), 1).toArray()).toEqual([[1], [2]]);
    expect(expandDims(tensor(5), 0).toArray()).toEqual([5]);
  });

  it('passes the gradient through', () => {
    checkGradients((x) => expandDims(x, 1), [tensor([[1, 2], [3, 4]])]);
  });

  it('rejects an axis out of range or repeated', () => {
    expect(() => expandDims(seq(2, 3), 3)).toThrow(ValueError);
    expect(() => expandDims(seq(2, 3), 3)).toThrow(/expandDims: axis must be an integer in \[-3, 2\], received axis=3/);
    expect(() => expandDims(seq(2, 3), -4)).toThrow(/received axis=-4/);
    expect(() => expandDims(seq(2, 3), [0, -4])).toThrow(ValueError);
    expect(() => expandDims(seq(2, 3), [0, -4])).toThrow(/axis must not repeat an axis, received axis=\[0, -4\]/);
  });
});

describe('squeeze', () => {
  it('drops all size-1 axes, or the listed ones', () => {
    const x = seq(1, 3, 1, 2);
    expect(squeeze(x).shape).toEqual([3, 2]);
    expect(squeeze(x, 0).shape).toEqual([3, 1, 2]);
    expect(squeeze(x, [-2, 0]).shape).toEqual([3, 2]);
    expect(squeeze(tensor([[1], [2]]), 1).toArray()).toEqual([1, 2]);
    expect(squeeze(tensor([7])).shape).toEqual([]);
  });

  it('passes the gradient through', () => {
    checkGradients((x) => squeeze(x), [tensor([[[1], [2], [3]]])]);
  });

  it('rejects squeezing an axis whose size is not 1', () => {
    expect(() => squeeze(seq(1, 3), 1)).toThrow(ValueError);
    expect(() => squeeze(seq(1, 3), 1)).toThrow(/squeeze: .*axis 1 has size 3 in shape \(1, 3\), received axis=1/);
    expect(() => squeeze(seq(1, 3), 2)).toThrow(/axis must be an integer in \[-2, 1\], received axis=2/);
  });
});

describe('copyStrided / copyToStrided', () => {
  it('reads a transposed view and writes into a strided window', () => {
    const src = Float32Array.from([1, 2, 3, 4, 5, 6]); // [[1, 2, 3], [4, 5, 6]]
    const out = new Float32Array(6);
    copyStrided(src, 0, [1, 3], [3, 2], out);
    expect(Array.from(out)).toEqual([1, 4, 2, 5, 3, 6]);
    const dst = new Float32Array(12); // a [3, 4] buffer, written at rows 1-2, columns 1-3
    copyToStrided(src, dst, 5, [4, 1], [2, 3]);
    expect(Array.from(dst)).toEqual([0, 0, 0, 0, 0, 1, 2, 3, 0, 4, 5, 6]);
  });

  it('handles scalars and empty shapes', () => {
    const out = new Float32Array(1);
    copyStrided(Float32Array.from([9, 8]), 1, [], [], out);
    expect(out[0]).toBe(8);
    const dst = new Float32Array(2);
    copyToStrided(Float32Array.from([7]), dst, 1, [], []);
    expect(Array.from(dst)).toEqual([0, 7]);
    expect(() => copyStrided(Float32Array.from([1]), 0, [1, 1], [0, 3], new Float32Array(0))).not.toThrow();
  });

  it('merges contiguous axes without changing the result (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 4 }), (shape) => {
        const x: Tensor = seq(...shape);
        const out = new Float32Array(x.size);
        copyStrided(x.data, 0, x.strides, x.shape, out);
        expect(Array.from(out)).toEqual(Array.from(x.data));
      }),
      { seed: 42, numRuns: 50 },
    );
  });
});
