import { randomUniform, tensor } from '@strata/tensor';
import { checkGradients } from '@strata/tensor/testing';
import fc from 'fast-check';
import { getMask, setMask } from '../engine/masks';
import { checkLayerContract } from '../testing/check-layer-contract';
import { Maximum } from './maximum';

describe('Maximum', () => {
  const bool = (v: boolean[][]) => tensor(v, undefined, 'bool');

  it('passes the layer contract', () => {
    checkLayerContract(() => new Maximum(), { inputShape: [[2, 3], [2, 3], [2, 3]], weights: 0 });
  });

  it('takes the elementwise maximum', () => {
    expect(new Maximum().apply([tensor([[1, 5]]), tensor([[3, 2]])]).toArray()).toEqual([[3, 5]]);
  });

  it('never lets a masked entry win (as Keras)', () => {
    const a = tensor([[[9], [1], [4]]]);
    const b = tensor([[[2], [8], [5]]]);
    setMask(a, bool([[false, true, true]]));
    setMask(b, bool([[true, false, true]]));
    const y = new Maximum().apply([a, b]);
    // Entry 0: a is masked so b wins; entry 1: b is masked so a wins; entry 2: both kept.
    expect(y.toArray()).toEqual([[[2], [1], [5]]]);
    expect(getMask(y)!.toArray()).toEqual([[true, true, true]]);
  });

  it('is at least each input (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), (seed) => {
        const a = randomUniform([3, 4], { minval: -1, maxval: 1, seed });
        const b = randomUniform([3, 4], { minval: -1, maxval: 1, seed: seed + 1 });
        const y = new Maximum().apply([a, b]);
        y.data.forEach((v, i) => expect(v).toBe(Math.max(a.data[i], b.data[i])));
      }),
      { seed: 42, numRuns: 50 },
    );
  });

  it('passes the gradient to the larger input', () => {
    checkGradients((x, y) => new Maximum().apply([x, y]), [tensor([[0.1, 0.9, -0.5]]), tensor([[0.5, 0.2, -0.9]])]);
  });
});
