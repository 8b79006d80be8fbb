import { tensor } from '@strata/tensor';
import { checkGradients } from '@strata/tensor/testing';
import { getMask, setMask } from '../engine/masks';
import { checkLayerContract } from '../testing/check-layer-contract';
import { Minimum } from './minimum';

describe('Minimum', () => {
  const bool = (v: boolean[][]) => tensor(v, undefined, 'bool');

  it('passes the layer contract', () => {
    checkLayerContract(() => new Minimum(), { inputShape: [[2, 3], [2, 1]], weights: 0 });
  });

  it('takes the elementwise minimum', () => {
    expect(new Minimum().apply([tensor([[1, 5]]), tensor([[3, 2]])]).toArray()).toEqual([[1, 2]]);
  });

  it('never lets a masked entry win, and keeps the mask only when every input has one', () => {
    const a = tensor([[[-9], [1]]]);
    setMask(a, bool([[false, true]]));
    const y = new Minimum().apply([a, tensor([[[2], [8]]])]);
    expect(y.toArray()).toEqual([[[2], [1]]]);
    expect(getMask(y)).toBeNull();
  });

  it('passes the gradient to the smaller input', () => {
    checkGradients((x, y) => new Minimum().apply([x, y]), [tensor([[0.1, 0.9, -0.5]]), tensor([[0.5, 0.2, -0.9]])]);
  });
});
