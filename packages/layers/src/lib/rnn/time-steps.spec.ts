import { Tensor, add, mul, randomUniform, tensor } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import { StepSlicer, maskColumns, stackSteps } from './time-steps';

describe('time-step helpers', () => {
  it('stackSteps puts step t at time index t, gradients going back to each step (repeats add up)', () => {
    const a = tensor([[1, 2], [3, 4]]);
    const b = tensor([[5, 6], [7, 8]]);
    expect(stackSteps([a, b, a]).toArray()).toEqual([[[1, 2], [5, 6], [1, 2]], [[3, 4], [7, 8], [3, 4]]]);
    checkGradients((p, q) => stackSteps([p, q, p]), [a, b]);
  });

  it('StepSlicer cuts steps in any order and sends every step gradient back into one buffer', () => {
    const x = randomUniform([2, 4, 3], { seed: 1 });
    const s = new StepSlicer(x);
    expectClose(s.slice(2), [x.data[6], x.data[7], x.data[8], x.data[18], x.data[19], x.data[20]]);
    const f = (xx: Tensor) => {
      const slicer = new StepSlicer(xx);
      // Backwards, skipping step 1, with the steps combined unevenly.
      const [s3, s2, s0] = [slicer.slice(3), slicer.slice(2), slicer.slice(0)];
      return add(mul(s3, s2), mul(s0, 3));
    };
    checkGradients(f, [x]);
  });

  it('maskColumns flags the steps where every sample or none is kept', () => {
    const cols = maskColumns(tensor([[1, 0, 1], [1, 0, 0]], [2, 3], 'bool'), 3);
    expect(cols.map((c) => [c.all, c.none])).toEqual([[true, false], [false, true], [false, false]]);
    expect(Array.from(cols[2].column.data)).toEqual([1, 0]);
  });
});
