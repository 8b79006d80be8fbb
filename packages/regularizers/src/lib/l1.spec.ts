import { ValueError, ones, tensor, valueAndGrad } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import { L1 } from './l1';

describe('L1', () => {
  it('penalizes l1 * sum(|w|) (hand golden)', () => {
    expect(new L1({ l1: 0.5 }).apply(tensor([1, -2, 3])).item()).toBe(3);
    expect(new L1({ l1: 0.25 }).apply(tensor([[-1, 2], [0, -4]])).item()).toBe(1.75);
  });

  it('defaults to l1 = 0.01, also for null (Keras: 0.25 for a 5x5 kernel of ones)', () => {
    expectClose(new L1().apply(ones([5, 5])), 0.25);
    expectClose(new L1({ l1: null }).apply(ones([5, 5])), 0.25);
  });

  it('returns a float32 scalar', () => {
    const p = new L1().apply(tensor([[1, 2]]));
    expect(p.shape).toEqual([]);
    expect(p.dtype).toBe('float32');
  });

  it('writes l1 rounded to float32, as Keras stores it in a tensor', () => {
    expect(new L1().getConfig()).toEqual({ l1: 0.009999999776482582 });
    expect(new L1({ l1: 0.5 }).getConfig()).toEqual({ l1: 0.5 });
    expect(L1.fromConfig({ l1: 0.3 }).getConfig()).toEqual({ l1: 0.30000001192092896 });
  });

  it('has gradient l1 * sign(w)', () => {
    const { value, grad } = valueAndGrad((w) => new L1({ l1: 0.5 }).apply(w))(tensor([1, -2, 3]));
    expect(value.item()).toBe(3);
    expect(Array.from(grad.data)).toEqual([0.5, -0.5, 0.5]);
    checkGradients((w) => new L1({ l1: 0.3 }).apply(w), [tensor([[0.7, -1.2, 0.4], [-0.3, 2, -0.9]])]);
  });

  it.each([
    [-1, 'l1=-1'],
    [NaN, 'l1=NaN'],
    [Infinity, 'l1=Infinity'],
    ['0.1', "l1='0.1'"],
  ])('rejects l1=%p', (l1, shown) => {
    const make = () => new L1({ l1: l1 as number });
    expect(make).toThrow(ValueError);
    expect(make).toThrow(`L1: l1 must be a non-negative finite number, received ${shown}`);
  });
});
