import { ValueError, ones, tensor, valueAndGrad } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import { L2 } from './l2';

describe('L2', () => {
  it('penalizes l2 * sum(w²) with no 1/2 factor (hand golden)', () => {
    expect(new L2({ l2: 2 }).apply(ones([5, 5])).item()).toBe(50);
    expect(new L2({ l2: 0.5 }).apply(tensor([[1, -2], [3, 0]])).item()).toBe(7);
  });

  it('defaults to l2 = 0.01, also for null', () => {
    expectClose(new L2().apply(tensor([3, 4])), 0.25);
    expectClose(new L2({ l2: null }).apply(tensor([3, 4])), 0.25);
  });

  it('returns a float32 scalar', () => {
    const p = new L2().apply(tensor([[[1]], [[2]]]));
    expect(p.shape).toEqual([]);
    expect(p.dtype).toBe('float32');
  });

  it('writes l2 as given (Keras keeps a Python float)', () => {
    expect(new L2().getConfig()).toEqual({ l2: 0.01 });
    expect(L2.fromConfig({ l2: 0.3 }).getConfig()).toEqual({ l2: 0.3 });
  });

  it('has gradient 2 * l2 * w', () => {
    const { grad } = valueAndGrad((w) => new L2({ l2: 0.5 }).apply(w))(tensor([1, -2, 3]));
    expect(Array.from(grad.data)).toEqual([1, -2, 3]);
    checkGradients((w) => new L2({ l2: 0.3 }).apply(w), [tensor([[0.7, -1.2, 0.4], [-0.3, 2, -0.9]])]);
  });

  it.each([
    [-0.01, 'l2=-0.01'],
    [NaN, 'l2=NaN'],
    [-Infinity, 'l2=-Infinity'],
    [[0.1], 'l2=[0.1]'],
  ])('rejects l2=%p', (l2, shown) => {
    const make = () => new L2({ l2: l2 as number });
    expect(make).toThrow(ValueError);
    expect(make).toThrow(`L2: l2 must be a non-negative finite number, received ${shown}`);
  });
});
