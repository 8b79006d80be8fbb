import { randomUniform, tensor } from '@strata/tensor';
import { checkGradients } from '@strata/tensor/testing';
import { getMask, setMask } from '../engine/masks';
import { checkLayerContract } from '../testing/check-layer-contract';
import { Multiply } from './multiply';

describe('Multiply', () => {
  const bool = (v: boolean[][]) => tensor(v, undefined, 'bool');

  it('passes the layer contract', () => {
    checkLayerContract(() => new Multiply(), { inputShape: [[2, 3, 2], [2, 3, 2]], weights: 0 });
  });

  it('multiplies its inputs', () => {
    expect(new Multiply().apply([tensor([[1, 2]]), tensor([[3, 4]]), tensor([[2, 2]])]).toArray()).toEqual([[6, 16]]);
  });

  it('counts masked entries as 1, and zeroes entries masked everywhere (all inputs masked)', () => {
    const a = tensor([[[2], [3], [4]]]);
    const b = tensor([[[5], [6], [7]]]);
    setMask(a, bool([[true, false, false]]));
    setMask(b, bool([[true, true, false]]));
    const y = new Multiply().apply([a, b]);
    expect(y.toArray()).toEqual([[[10], [6], [0]]]);
    expect(getMask(y)!.toArray()).toEqual([[true, true, false]]);
  });

  it('with only some inputs masked, replaces their masked entries by 1 and sets no mask', () => {
    const a = tensor([[[2], [3]]]);
    setMask(a, bool([[true, false]]));
    const y = new Multiply().apply([a, tensor([[[5], [6]]])]);
    expect(y.toArray()).toEqual([[[10], [6]]]);
    expect(getMask(y)).toBeNull();
  });

  it('has the product rule as gradient', () => {
    checkGradients((x, y) => new Multiply().apply([x, y]), [randomUniform([2, 3], { seed: 1 }), randomUniform([2, 3], { seed: 2 })]);
  });
});
