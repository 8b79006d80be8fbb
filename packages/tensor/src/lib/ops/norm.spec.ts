import { ValueError } from '../errors';
import { Tensor, tensor } from '../tensor';
import { checkGradients, expectClose } from '../testing/check-gradients';
import { NormOrd, norm } from './norm';

const values = (t: Tensor) => Array.from(t.data);
const v = tensor([3, -4, 0]);
const a = tensor([[1, -2], [3, 4]]);

describe('norm: vectors', () => {
  it('computes every ord by hand', () => {
    expect(norm(v).item()).toBe(5);
    expect(norm(v, { ord: 2 }).item()).toBe(5);
    expect(norm(v, { ord: 1 }).item()).toBe(7);
    expect(norm(v, { ord: Infinity }).item()).toBe(4);
    expect(norm(v, { ord: -Infinity }).item()).toBe(0);
    expect(norm(v, { ord: 0 }).item()).toBe(2);
    expectClose(norm(v, { ord: 3 }), Math.cbrt(27 + 64));
    expectClose(norm(tensor([1, 4]), { ord: 0.5 }), 9);
    expectClose(norm(tensor([2, 2]), { ord: -1 }), 1);
  });

  it('works along one axis of a larger tensor, with keepdims', () => {
    const x = tensor([[3, 4], [6, 8]]);
    expect(values(norm(x, { axis: 1 }))).toEqual([5, 10]);
    expect(norm(x, { axis: -1, keepdims: true }).toArray()).toEqual([[5], [10]]);
    expect(values(norm(x, { ord: 1, axis: 0 }))).toEqual([9, 12]);
    expect(norm(tensor([3, 4], undefined, 'int32')).dtype).toBe('float32');
  });
});

describe('norm: matrices', () => {
  it('computes fro, 1, -1, inf, -inf by hand', () => {
    expectClose(norm(a), Math.sqrt(30));
    expectClose(norm(a, { ord: 'fro' }), Math.sqrt(30));
    expect(norm(a, { ord: 1 }).item()).toBe(6);
    expect(norm(a, { ord: -1 }).item()).toBe(4);
    expect(norm(a, { ord: Infinity }).item()).toBe(7);
    expect(norm(a, { ord: -Infinity }).item()).toBe(3);
  });

  it('reads axis as [rows, columns], batched over the other axes, with keepdims', () => {
    const x = tensor([[[1, -2], [3, 4]], [[0, 1], [1, 0]]]);
    expect(values(norm(x, { ord: 1, axis: [1, 2] }))).toEqual([6, 1]);
    expect(values(norm(x, { ord: 1, axis: [2, 1] }))).toEqual([7, 1]);
    expect(norm(x, { ord: Infinity, axis: [-2, -1], keepdims: true }).shape).toEqual([2, 1, 1]);
    expect(norm(x, { axis: null, keepdims: true }).shape).toEqual([1, 1, 1]);
  });
});

describe('norm: gradients', () => {
  const x = tensor([[0.3, -1.2, 2.5], [1.1, 0.4, -0.6]]);
  const cases: [string, NormOrd, number | number[] | null][] = [
    ['2-norm of all', null, null],
    ['2-norm per row', 2, 1],
    ['1-norm per column', 1, 0],
    ['inf-norm per row', Infinity, 1],
    ['-inf-norm per row', -Infinity, 1],
    ['3-norm per row', 3, -1],
    ['frobenius', 'fro', [0, 1]],
    ['matrix 1', 1, [0, 1]],
    ['matrix -1', -1, [0, 1]],
    ['matrix inf', Infinity, [0, 1]],
    ['matrix -inf', -Infinity, [1, 0]],
  ];
  it.each(cases)('%s agrees with finite differences', (_name, ord, axis) => {
    checkGradients((t) => norm(t, { ord, axis }), [x]);
    checkGradients((t) => norm(t, { ord, axis, keepdims: true }), [x]);
  });
});

describe('norm: errors', () => {
  it('rejects an unknown ord string', () => {
    const f = () => norm(v, { ord: 'max' as NormOrd });
    expect(f).toThrow(ValueError);
    expect(f).toThrow("norm: ord must be a number, null, 'fro' or 'nuc', received ord='max'");
    expect(() => norm(v, { ord: NaN })).toThrow(/received ord=NaN/);
  });

  it("rejects 'fro' and 'nuc' for vectors", () => {
    const f = () => norm(v, { ord: 'fro' });
    expect(f).toThrow(ValueError);
    expect(f).toThrow("norm: ord must be a number or null for a vector norm, received ord='fro'");
  });

  it('does not support singular-value matrix norms (2, -2, nuc)', () => {
    for (const ord of [2, -2, 'nuc'] as NormOrd[]) {
      expect(() => norm(a, { ord })).toThrow(ValueError);
      expect(() => norm(a, { ord })).toThrow(/^norm: matrix norms from singular values \(ord=2, -2, 'nuc'\) are not supported/);
    }
  });

  it('rejects other matrix ords', () => {
    const f = () => norm(a, { ord: 3 });
    expect(f).toThrow(ValueError);
    expect(f).toThrow("norm: ord must be one of null, 'fro', 1, -1, Infinity, -Infinity for a matrix norm, received ord=3");
  });

  it('rejects an ord with axis=null on rank 3, and three axes', () => {
    const x = tensor([[[1]]]);
    expect(() => norm(x, { ord: 1 })).toThrow(ValueError);
    expect(() => norm(x, { ord: 1 })).toThrow(/^norm: with axis=null and an ord, x must be a vector or a matrix.*received x.rank=3/);
    expect(() => norm(x, { axis: [0, 1, 2] })).toThrow(
      'norm: axis must name one axis (vector norm) or two (matrix norm), received axis=[0, 1, 2]',
    );
  });

  it('rejects axes out of range or repeated', () => {
    expect(() => norm(a, { axis: 2 })).toThrow(/^norm: axis must be an integer in \[-2, 1\], received axis=2/);
    expect(() => norm(a, { axis: [1, -1] })).toThrow(/^norm: axis must not repeat an axis, received axis=\[1, -1\]/);
  });
});
