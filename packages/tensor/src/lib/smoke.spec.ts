import { add, grad, mul, sum, tensor, valueAndGrads, broadcastTo } from '../index';

describe('core smoke', () => {
  it('adds with broadcasting and differentiates', () => {
    const y = add(tensor([[1, 2], [3, 4]]), tensor([10, 20]));
    expect(y.toArray()).toEqual([[11, 22], [13, 24]]);
    const g = grad((x) => sum(mul(x, x)))(tensor([1, 2, 3]));
    expect(Array.from(g.data)).toEqual([2, 4, 6]);
    const { grads } = valueAndGrads((a, b) => sum(mul(a, b)))([tensor([[1, 2], [3, 4]]), tensor([5, 6])]);
    expect(grads[1].toArray()).toEqual([4, 6]);
    expect(broadcastTo(tensor([1, 2]), [2, 2]).toArray()).toEqual([[1, 2], [1, 2]]);
  });
});
