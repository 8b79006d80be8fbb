import { ValueError, tensor } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import { MinMaxNorm } from './min-max-norm';

describe('MinMaxNorm', () => {
  it('moves column norms into [min, max] (hand golden)', () => {
    const c = new MinMaxNorm({ minValue: 1, maxValue: 2 });
    // Norms 0.5 (raised to 1), 1.5 (kept), 5 (lowered to 2).
    expectClose(c.apply(tensor([[0.3, 0.9, 3], [0.4, 1.2, 4]])), tensor([[0.6, 0.9, 1.2], [0.8, 1.2, 1.6]]), 1e-6);
  });

  it('moves part-way with rate < 1: desired = rate * clip(n) + (1 - rate) * n', () => {
    // Norm 5, clipped to 1; rate 0.25 → 0.25 * 1 + 0.75 * 5 = 4.
    expectClose(new MinMaxNorm({ rate: 0.25, axis: 1 }).apply(tensor([[3, 4]])), tensor([[2.4, 3.2]]), 1e-6);
  });

  it('keeps a zero column at zero', () => {
    expect(Array.from(new MinMaxNorm({ minValue: 1 }).apply(tensor([[0], [0]])).data)).toEqual([0, 0]);
  });

  it('defaults to min 0, max 1, rate 1, axis 0; writes them as given', () => {
    expect(new MinMaxNorm().getConfig()).toEqual({ min_value: 0, max_value: 1, rate: 1, axis: 0 });
    const config = { min_value: 0.5, max_value: 1.5, rate: 0.7, axis: [1, 2] };
    expect(MinMaxNorm.fromConfig(config).getConfig()).toEqual(config);
  });

  it('is differentiable', () => {
    const w = tensor([[0.7, -1.2, 0.4], [-0.3, 2, -0.9]]);
    checkGradients((x) => new MinMaxNorm({ minValue: 0.5, maxValue: 1.5, rate: 0.7 }).apply(x), [w]);
  });

  it.each([
    [{ minValue: '0' }, "min_value must be a number, received min_value='0'"],
    [{ maxValue: NaN }, 'max_value must be a number, received max_value=NaN'],
    [{ rate: null }, 'rate must be a number, received rate=null'],
    [{ axis: [0.5] }, 'axis must be an integer, an array of integers or null, received axis=[0.5]'],
  ])('rejects %p', (options, message) => {
    const make = () => new MinMaxNorm(options as never);
    expect(make).toThrow(ValueError);
    expect(make).toThrow(`MinMaxNorm: ${message}`);
  });
});
