import { ValueError, tensor } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import { UnitNorm } from './unit-norm';

describe('UnitNorm', () => {
  it('scales every column to norm 1 (hand golden)', () => {
    expectClose(new UnitNorm().apply(tensor([[3, 0], [4, -2]])), tensor([[0.6, 0], [0.8, -1]]), 1e-6);
    expectClose(new UnitNorm({ axis: 1 }).apply(tensor([[3, 4]])), tensor([[0.6, 0.8]]), 1e-6);
    expectClose(new UnitNorm({ axis: null }).apply(tensor([[1, 1], [1, 1]])), tensor([[0.5, 0.5], [0.5, 0.5]]), 1e-6);
  });

  it('divides by 1e-7 + n, as Keras: a zero column stays zero', () => {
    const out = new UnitNorm().apply(tensor([[0, 2]]));
    expect(out.data[0]).toBe(0);
    expect(out.data[1]).toBe(Math.fround(2 / Math.fround(2 + 1e-7)));
  });

  it('handles several axes of a rank-3 weight', () => {
    // Slices along axis 1 ([2, 1, 2] → one norm per [i, :, k]).
    const w = tensor([[[3, 1]], [[4, 0]]]);
    expectClose(new UnitNorm({ axis: [0, 1] }).apply(w), tensor([[[0.6, 1]], [[0.8, 0]]]), 1e-6);
  });

  it('defaults to axis 0; writes axis as given', () => {
    expect(new UnitNorm().getConfig()).toEqual({ axis: 0 });
    expect(new UnitNorm({ axis: [0, 2] }).getConfig()).toEqual({ axis: [0, 2] });
    expect(UnitNorm.fromConfig({ axis: -1 }).axis).toBe(-1);
  });

  it('is differentiable', () => {
    checkGradients((w) => new UnitNorm().apply(w), [tensor([[0.7, -1.2, 0.4], [-0.3, 2, -0.9]])]);
  });

  it('rejects a bad axis', () => {
    expect(() => new UnitNorm({ axis: '1' as never })).toThrow(ValueError);
    expect(() => new UnitNorm({ axis: '1' as never })).toThrow(
      "UnitNorm: axis must be an integer, an array of integers or null, received axis='1'",
    );
    expect(() => new UnitNorm({ axis: [0, 0] }).apply(tensor([[1]]))).toThrow(
      'UnitNorm: axis must not repeat an axis, received axis=[0, 0]',
    );
    expect(() => new UnitNorm({ axis: -3 }).apply(tensor([[1]]))).toThrow(
      'UnitNorm: axis must be an integer in [-2, 1], received axis=-3',
    );
  });
});
