import { ValueError } from '@strata/tensor';
import { computeFans } from './compute-fans';

describe('computeFans', () => {
  it('gives 1 and 1 for a scalar', () => {
    expect(computeFans([])).toEqual({ fanIn: 1, fanOut: 1 });
  });

  it('gives the length twice for a vector (a bias)', () => {
    expect(computeFans([7])).toEqual({ fanIn: 7, fanOut: 7 });
  });

  it('reads [in, out] for a dense kernel', () => {
    expect(computeFans([4, 5])).toEqual({ fanIn: 4, fanOut: 5 });
  });

  it('multiplies channels by the receptive field for conv kernels', () => {
    // Conv1D kernel [k=5, in=32, out=64]: 5·32 = 160 in, 5·64 = 320 out.
    expect(computeFans([5, 32, 64])).toEqual({ fanIn: 160, fanOut: 320 });
    // Conv2D kernel [3, 3, 16, 32]: 9·16 = 144 in, 9·32 = 288 out.
    expect(computeFans([3, 3, 16, 32])).toEqual({ fanIn: 144, fanOut: 288 });
    // Conv3D kernel [2, 3, 3, 8, 4]: 18·8 = 144 in, 18·4 = 72 out.
    expect(computeFans([2, 3, 3, 8, 4])).toEqual({ fanIn: 144, fanOut: 72 });
  });

  it('multiplies the sizes on inputAxes and outputAxes when both are given', () => {
    expect(computeFans([3, 4, 5], [0, 1], [-1])).toEqual({ fanIn: 12, fanOut: 5 });
    expect(computeFans([3, 4, 5], [2], [0, -2])).toEqual({ fanIn: 5, fanOut: 12 });
  });

  it('ignores the axes unless both are given, as Keras', () => {
    expect(computeFans([3, 4, 5], [0], null)).toEqual({ fanIn: 12, fanOut: 15 });
    expect(computeFans([3, 4, 5], undefined, [0])).toEqual({ fanIn: 12, fanOut: 15 });
  });

  it('rejects an axis outside the shape', () => {
    expect(() => computeFans([3, 4], [2], [1])).toThrow(ValueError);
    expect(() => computeFans([3, 4], [2], [1])).toThrow(/input_axes=\[2\]/);
    expect(() => computeFans([3, 4], [0], [-3])).toThrow(/output_axes=\[-3\]/);
  });
});
