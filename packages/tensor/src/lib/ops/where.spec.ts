import { grads } from '../autodiff';
import { ShapeError } from '../errors';
import { Tensor, tensor } from '../tensor';
import { checkGradients } from '../testing/check-gradients';
import { greater } from './compare';
import { sum } from './reduce';
import { where } from './where';

const int = (v: number[]) => tensor(v, undefined, 'int32');

describe('where', () => {
  it('picks a where the condition holds, else b', () => {
    expect(where(tensor([true, false, true]), tensor([1, 2, 3]), tensor([10, 20, 30])).toArray()).toEqual([1, 20, 3]);
  });

  it('broadcasts condition, a and b three ways', () => {
    const y = where(tensor([[true], [false]]), tensor([1, 2, 3]), tensor(0));
    expect(y.shape).toEqual([2, 3]);
    expect(y.toArray()).toEqual([[1, 2, 3], [0, 0, 0]]);
    const z = where(tensor([true, false]), tensor([[1], [2], [3]]), -1);
    expect(z.toArray()).toEqual([[1, -1], [2, -1], [3, -1]]);
  });

  it('reads a numeric condition as non-zero (NaN is true)', () => {
    expect(where(tensor([0, 2, NaN]), 1, 0).toArray()).toEqual([0, 1, 1]);
  });

  it('promotes a and b; plain numbers are weakly typed', () => {
    expect(where(tensor([true]), int([1]), int([2])).dtype).toBe('int32');
    expect(where(tensor([true]), int([1]), 2).dtype).toBe('int32');
    expect(where(tensor([false]), int([1]), 2.5).dtype).toBe('float32');
    expect(where(tensor([true]), int([1]), tensor([2])).dtype).toBe('float32');
    expect(where(tensor([true]), tensor([true]), tensor([false])).dtype).toBe('bool');
  });

  it('routes the gradient and sums it back to broadcast inputs', () => {
    const cond = tensor([[true, false, true], [false, false, true]]);
    const [ga, gb] = grads((a: Tensor, b: Tensor) => sum(where(cond, a, b)))([tensor([[1, 2, 3], [4, 5, 6]]), tensor([7, 8, 9])]);
    expect(ga.toArray()).toEqual([[1, 0, 1], [0, 0, 1]]);
    expect(gb.toArray()).toEqual([1, 2, 0]);
    checkGradients((a, b) => where(greater(a, 0.5), a, b), [tensor([[0.1, 0.9, 2], [-1, 0.7, 0.2]]), tensor([[3], [4]])]);
  });

  it('rejects shapes that do not broadcast', () => {
    const f = () => where(tensor([true, false]), tensor([1, 2, 3]), 0);
    expect(f).toThrow(ShapeError);
    expect(f).toThrow(/^where: shapes \(2,\) and \(3,\) cannot be broadcast together/);
    const g = () => where(tensor([true]), tensor([1, 2, 3]), tensor([1, 2]));
    expect(g).toThrow(/^where: shapes \(3,\) and \(2,\)/);
  });
});
