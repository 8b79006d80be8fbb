import { randomUniform, tensor } from '@strata/tensor';
import { checkGradients } from '@strata/tensor/testing';
import { checkLayerContract } from '../testing/check-layer-contract';
import { Average } from './average';

describe('Average', () => {
  it('passes the layer contract', () => {
    checkLayerContract(() => new Average(), { inputShape: [[2, 3], [2, 3], [2, 3]], weights: 0 });
  });

  it('averages its inputs', () => {
    expect(new Average().apply([tensor([[1, 2]]), tensor([[3, 6]]), tensor([[5, 1]])]).toArray()).toEqual([[3, 3]]);
  });

  it('has gradient 1/n for each input', () => {
    checkGradients((x, y) => new Average().apply([x, y]), [randomUniform([2, 3], { seed: 1 }), randomUniform([2, 3], { seed: 2 })]);
  });
});
