import { ShapeError, randomUniform, tensor, zeros } from '@strata/tensor';
import { checkGradients } from '@strata/tensor/testing';
import { checkLayerContract } from '../testing/check-layer-contract';
import { Subtract } from './subtract';

describe('Subtract', () => {
  it('passes the layer contract', () => {
    checkLayerContract(() => new Subtract(), { inputShape: [[2, 3], [2, 3]], weights: 0 });
  });

  it('subtracts the second input from the first', () => {
    expect(new Subtract().apply([tensor([[5, 5]]), tensor([[1, 2]])]).toArray()).toEqual([[4, 3]]);
  });

  it('has gradients 1 and -1', () => {
    checkGradients((x, y) => new Subtract().apply([x, y]), [randomUniform([2, 3], { seed: 1 }), randomUniform([2, 3], { seed: 2 })]);
  });

  it.each([1, 3])('rejects %p inputs', (n) => {
    const xs = Array.from({ length: n }, () => zeros([2, 3]));
    expect(() => new Subtract({ name: 's' }).apply(xs)).toThrow(ShapeError);
    expect(() => new Subtract({ name: 's' }).apply(xs)).toThrow(
      new RegExp(`Subtract 's': expected exactly 2 inputs, received ${n} inputs with input_shape=\\[\\(2, 3\\)`),
    );
  });
});
