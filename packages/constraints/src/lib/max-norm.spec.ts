import { ValueError, tensor } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import { MaxNorm } from './max-norm';

describe('MaxNorm', () => {
  it('scales columns above max_value down to it and keeps the others (hand golden)', () => {
    const out = new MaxNorm({ maxValue: 1 }).apply(tensor([[3, 0.3], [4, 0.4]]));
    expectClose(out, tensor([[0.6, 0.3], [0.8, 0.4]]), 1e-6);
  });

  it('takes the norm over axis 1, an array of axes, or everything (null)', () => {
    expectClose(new MaxNorm({ maxValue: 1, axis: 1 }).apply(tensor([[3, 4], [0.3, 0.4]])), tensor([[0.6, 0.8], [0.3, 0.4]]), 1e-6);
    // Each [2, 2] slice over axes [0, 1]: norms 5 and 0.5.
    const w = tensor([[[3, 0.3], [0, 0]], [[0, 0], [4, 0.4]]]);
    expectClose(new MaxNorm({ maxValue: 1, axis: [0, 1] }).apply(w), tensor([[[0.6, 0.3], [0, 0]], [[0, 0], [0.8, 0.4]]]), 1e-6);
    expectClose(new MaxNorm({ maxValue: 2.5, axis: null }).apply(tensor([3, 4])), tensor([1.5, 2]), 1e-6);
  });

  it('puts epsilon in the denominator exactly as Keras: w * clip(n) / (1e-7 + n)', () => {
    const out = new MaxNorm({ maxValue: 10 }).apply(tensor([[1]]));
    expect(out.data[0]).toBe(Math.fround(1 / Math.fround(1 + 1e-7)));
    // A zero column stays zero instead of 0/0.
    const zero = new MaxNorm().apply(tensor([[0, 1], [0, 1]]));
    expect([zero.data[0], zero.data[2]]).toEqual([0, 0]);
    expectClose(zero, tensor([[0, 1], [0, 1]]), 1e-6);
  });

  it('defaults to max_value 2, axis 0; writes them as given', () => {
    expect(new MaxNorm().getConfig()).toEqual({ max_value: 2, axis: 0 });
    expect(new MaxNorm({ maxValue: 3.5, axis: [0, 1] }).getConfig()).toEqual({ max_value: 3.5, axis: [0, 1] });
    expect(MaxNorm.fromConfig({ max_value: 1, axis: null }).getConfig()).toEqual({ max_value: 1, axis: null });
  });

  it('is differentiable', () => {
    checkGradients((w) => new MaxNorm({ maxValue: 1.5 }).apply(w), [tensor([[0.7, -1.2, 0.4], [-0.3, 2, -0.9]])]);
  });

  it('rejects a bad max_value or axis', () => {
    expect(() => new MaxNorm({ maxValue: '2' as never })).toThrow(ValueError);
    expect(() => new MaxNorm({ maxValue: '2' as never })).toThrow("MaxNorm: max_value must be a number, received max_value='2'");
    expect(() => new MaxNorm({ maxValue: NaN })).toThrow('MaxNorm: max_value must be a number, received max_value=NaN');
    expect(() => new MaxNorm({ axis: 0.5 })).toThrow(ValueError);
    expect(() => new MaxNorm({ axis: 0.5 })).toThrow('MaxNorm: axis must be an integer, an array of integers or null, received axis=0.5');
  });

  it('rejects an axis out of range for the weight', () => {
    const c = new MaxNorm({ axis: 2 });
    expect(() => c.apply(tensor([[1, 2]]))).toThrow(ValueError);
    expect(() => c.apply(tensor([[1, 2]]))).toThrow('MaxNorm: axis must be an integer in [-2, 1], received axis=2');
  });
});
