import { ValueError } from '@strata/tensor';
import { PiecewiseConstantDecay } from './piecewise-constant-decay';

describe('PiecewiseConstantDecay', () => {
  it('gives values[i] up to and including boundaries[i] (hand golden)', () => {
    const s = new PiecewiseConstantDecay({ boundaries: [2, 5], values: [1, 0.5, 0.25] });
    expect([0, 2, 3, 5, 6, 100].map((t) => s.apply(t))).toEqual([1, 1, 0.5, 0.5, 0.25, 0.25]);
    expect(s.getConfig()).toEqual({ boundaries: [2, 5], values: [1, 0.5, 0.25], name: 'PiecewiseConstant' });
  });

  it('rejects mismatched lengths and empty boundaries', () => {
    const f = () => new PiecewiseConstantDecay({ boundaries: [1, 2], values: [1, 0.5] });
    expect(f).toThrow(ValueError);
    expect(f).toThrow(
      'PiecewiseConstantDecay: boundaries must have one element less than values, received boundaries=[1, 2] of length 2 and values=[1, 0.5] of length 2',
    );
    expect(() => new PiecewiseConstantDecay({ boundaries: [], values: [1] })).toThrow(
      'PiecewiseConstantDecay: boundaries must have at least one element, received boundaries=[]',
    );
    expect(() => new PiecewiseConstantDecay({ boundaries: 3 as never, values: [1] })).toThrow(
      'PiecewiseConstantDecay: boundaries must be an array of numbers, received boundaries=3',
    );
    expect(() => new PiecewiseConstantDecay({ boundaries: [1], values: [1, 'a'] as never })).toThrow(
      "PiecewiseConstantDecay: values[1] must be a number, received values[1]='a'",
    );
  });
});
