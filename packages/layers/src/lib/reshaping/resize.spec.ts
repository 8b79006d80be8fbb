import { randomUniform, tensor } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import { resizeAxis, resizeMatrix } from './resize';

describe('resizeMatrix', () => {
  it('gives bilinear weights with half-pixel centres and clamped edges', () => {
    expectClose(resizeMatrix(2, 4, 'bilinear'), tensor([[1, 0], [0.75, 0.25], [0.25, 0.75], [0, 1]]));
  });

  it('normalizes every row to sum 1, for every kernel', () => {
    for (const kernel of ['bilinear', 'bicubic', 'lanczos3', 'lanczos5'] as const) {
      const w = resizeMatrix(4, 12, kernel).toArray() as number[][];
      for (const row of w) expect(Math.abs(row.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-6);
    }
  });

  it('uses Keys\' cubic kernel (A = -0.5) for bicubic', () => {
    // Output 1 of 2 -> 4 samples at 0.25: weights k(0.25), k(0.75), k(1.75) (k(1.25) falls off the left edge).
    const k = (x: number) => (x < 1 ? (1.5 * x - 2.5) * x * x + 1 : ((-0.5 * x + 2.5) * x - 4) * x + 2);
    const raw = [k(0.25), k(0.75)];
    const w = resizeMatrix(2, 4, 'bicubic').toArray() as number[][];
    expectClose(w[1], raw.map((v) => v / (raw[0] + raw[1])), 1e-6, 1e-7);
  });
});

describe('resizeAxis', () => {
  it('resizes one axis and keeps the others', () => {
    const y = resizeAxis(tensor([[[0, 10], [2, 20]]]), 1, 4, 'bilinear');
    expect(y.shape).toEqual([1, 4, 2]);
    expectClose(y, [[[0, 10], [0.5, 12.5], [1.5, 17.5], [2, 20]]]);
  });

  it('has the transposed weights as gradient', () => {
    checkGradients((x) => resizeAxis(x, 2, 6, 'bicubic'), [randomUniform([2, 1, 3, 2], { seed: 1 })]);
  });
});
