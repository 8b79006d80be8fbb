import fc from 'fast-check';
import { grad } from '../autodiff';
import { ValueError } from '../errors';
import { Tensor, tensor } from '../tensor';
import { checkGradients, expectClose } from '../testing/check-gradients';
import { cumprod, cumsum } from './cumulative';
import { mul } from './arithmetic';
import { sum } from './reduce';

const values = (t: Tensor) => Array.from(t.data);
const m = tensor([[1, 2, 3], [4, 5, 6]]);

describe('cumsum and cumprod', () => {
  it('scan along an axis', () => {
    expect(cumsum(m, 1).toArray()).toEqual([[1, 3, 6], [4, 9, 15]]);
    expect(cumsum(m, 0).toArray()).toEqual([[1, 2, 3], [5, 7, 9]]);
    expect(cumprod(m, -1).toArray()).toEqual([[1, 2, 6], [4, 20, 120]]);
    expect(cumprod(m, 0).toArray()).toEqual([[1, 2, 3], [4, 10, 18]]);
  });

  it('flatten when axis is null, as keras.ops.cumsum', () => {
    const y = cumsum(m);
    expect(y.shape).toEqual([6]);
    expect(values(y)).toEqual([1, 3, 6, 10, 15, 21]);
    expect(values(cumprod(tensor([[1, 2], [3, 4]])))).toEqual([1, 2, 6, 24]);
    expect(cumsum(tensor(5)).shape).toEqual([1]);
  });

  it('keep int32 and turn bool into int32', () => {
    expect(cumsum(tensor([1, 2], undefined, 'int32')).dtype).toBe('int32');
    const b = cumsum(tensor([true, true, false]));
    expect(b.dtype).toBe('int32');
    expect(values(b)).toEqual([1, 2, 2]);
    expect(cumprod(tensor([true, false])).dtype).toBe('int32');
  });

  it('cumsum has the reversed cumulative sum as gradient', () => {
    const w = tensor([1, 10, 100]);
    expect(values(grad((t) => sum(mul(cumsum(t), w)))(tensor([5, 6, 7])))).toEqual([111, 110, 100]);
    for (const axis of [null, 0, 1]) checkGradients((t) => cumsum(t, axis), [tensor([[0.3, -1.2, 2.5], [1.1, 0.4, -0.6]])]);
  });

  it('cumprod has exact gradients with zeros (hand-checked against JAX)', () => {
    const w = tensor([1, 2, 3, 4]);
    expect(values(grad((t) => sum(mul(cumprod(t), w)))(tensor([2, 0, 3, 0.5])))).toEqual([1, 34, 0, 0]);
    const x = tensor([[0.5, 0, 1.5, 2], [1.2, -0.7, 0, 0], [0.9, 1.1, -1.3, 0.6]]);
    for (const axis of [null, 0, 1]) checkGradients((t) => cumprod(t, axis), [x]);
  });

  it('the last cumsum equals the sum (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -100, max: 100 }), { minLength: 1, maxLength: 10 }), (v) => {
        const c = cumsum(tensor(v)).data;
        expectClose(c[c.length - 1], sum(tensor(v)).item());
        for (let i = 1; i < v.length; i++) expect(c[i] - c[i - 1]).toBe(v[i]);
      }),
      { seed: 42, numRuns: 50 },
    );
  });

  it('reject a bad axis', () => {
    expect(() => cumsum(m, 2)).toThrow(ValueError);
    expect(() => cumsum(m, 2)).toThrow(/^cumsum: axis must be an integer in \[-2, 1\], received axis=2/);
    expect(() => cumprod(m, -3)).toThrow(/^cumprod: axis must be an integer in \[-2, 1\], received axis=-3/);
  });
});
