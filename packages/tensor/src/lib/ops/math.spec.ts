import fc from 'fast-check';
import { grad } from '../autodiff';
import { Tensor, tensor } from '../tensor';
import { checkGradients, expectClose } from '../testing/check-gradients';
import { erfScalar } from './kernels-erf';
import {
  abs,
  ceil,
  cos,
  erf,
  exp,
  expm1,
  floor,
  log,
  log1p,
  reciprocal,
  round,
  rsqrt,
  sigmoid,
  sign,
  sin,
  softplus,
  sqrt,
  square,
  tanh,
} from './math';
import { sum } from './reduce';

const f32 = (v: number) => Math.fround(v);
const values = (t: Tensor) => Array.from(t.data);
const int = (v: number[]) => tensor(v, undefined, 'int32');

describe('unary math: hand-checked goldens', () => {
  it('exp, log, log1p, expm1', () => {
    expect(values(exp(tensor([0, 1, -Infinity])))).toEqual([1, f32(Math.E), 0]);
    expect(values(log(tensor([1, 0, -1, 8])))).toEqual([0, -Infinity, NaN, f32(3 * Math.LN2)]);
    expect(values(log1p(tensor([0, 1e-10, -1])))).toEqual([0, f32(1e-10), -Infinity]);
    expect(values(expm1(tensor([0, 1e-10])))).toEqual([0, f32(1e-10)]);
  });

  it('sqrt, rsqrt, square, reciprocal', () => {
    expect(values(sqrt(tensor([4, 9, 0, -1])))).toEqual([2, 3, 0, NaN]);
    expect(values(rsqrt(tensor([4, 0.25, 0])))).toEqual([0.5, 2, Infinity]);
    expect(values(square(tensor([-3, 0.5])))).toEqual([9, 0.25]);
    expect(values(reciprocal(tensor([2, -4, 0])))).toEqual([0.5, -0.25, Infinity]);
  });

  it('abs, sign, tanh, sin, cos', () => {
    expect(values(abs(tensor([-2, 0, 3])))).toEqual([2, 0, 3]);
    expect(values(sign(tensor([-2, 0, 5, NaN])))).toEqual([-1, 0, 1, NaN]);
    expect(values(tanh(tensor([0, 1000, -1000])))).toEqual([0, 1, -1]);
    expect(values(sin(tensor([0, Math.PI / 2])))).toEqual([0, 1]);
    expect(values(cos(tensor([0, Math.PI])))).toEqual([1, -1]);
  });

  it('sigmoid and softplus stay finite and accurate for large |x|', () => {
    expect(values(sigmoid(tensor([0, 100, -100, 1000, -1000])))).toEqual([0.5, 1, f32(1 / (1 + Math.exp(100))), 1, 0]);
    expect(values(softplus(tensor([0, 100, -100, 1000, -1000])))).toEqual([f32(Math.LN2), 100, f32(Math.exp(-100)), 1000, 0]);
  });

  it('floor, ceil, and round with halves to even', () => {
    expect(values(floor(tensor([-1.5, 1.5, 2])))).toEqual([-2, 1, 2]);
    expect(values(ceil(tensor([-1.5, 1.5, 2])))).toEqual([-1, 2, 2]);
    const r = values(round(tensor([0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.4, 2.6])));
    expect(r).toEqual([0, 2, 2, -0, -2, -2, 0, 3]);
    expect(Object.is(r[3], -0)).toBe(true);
  });

  it('erf matches tabulated values to 1e-13 in float64 and saturates', () => {
    const table: [number, number][] = [
      [0.1, 0.1124629160182849],
      [0.5, 0.5204998778130465],
      [1, 0.8427007929497149],
      [2, 0.9953222650189527],
      [3, 0.9999779095030014],
    ];
    for (const [x, want] of table) {
      expect(Math.abs(erfScalar(x) - want)).toBeLessThan(1e-13);
      expect(Math.abs(erfScalar(-x) + want)).toBeLessThan(1e-13);
    }
    expect(erfScalar(1e-30) / 1e-30).toBeCloseTo(2 / Math.sqrt(Math.PI), 14);
    expect(values(erf(tensor([0, Infinity, -Infinity, NaN, 7])))).toEqual([0, 1, -1, NaN, 1]);
  });
});

describe('unary math: dtypes', () => {
  it('abs, sign, square and round keep int32; the rest give float32', () => {
    const x = int([-3, 0, 2]);
    expect(abs(x).dtype).toBe('int32');
    expect(values(abs(x))).toEqual([3, 0, 2]);
    expect(values(sign(x))).toEqual([-1, 0, 1]);
    expect(square(x).dtype).toBe('int32');
    expect(round(x).dtype).toBe('int32');
    expect(exp(x).dtype).toBe('float32');
    expect(floor(x).dtype).toBe('float32');
    expect(sqrt(int([4])).data).toEqual(new Float32Array([2]));
  });

  it('keeps the shape, including scalars and empty tensors', () => {
    expect(exp(tensor([[1, 2, 3], [4, 5, 6]])).shape).toEqual([2, 3]);
    expect(tanh(tensor(0.5)).shape).toEqual([]);
    expect(log(tensor([], [0, 3])).shape).toEqual([0, 3]);
  });
});

describe('unary math: gradients', () => {
  const x = tensor([[-1.3, -0.4, 0.3], [0.8, 1.7, 2.2]]);
  const pos = tensor([[0.3, 0.9, 1.6], [2.5, 4, 7]]);
  const cases: [string, (t: Tensor) => Tensor, Tensor][] = [
    ['exp', exp, x],
    ['log', log, pos],
    ['log1p', log1p, tensor([[-0.6, -0.2, 0.3], [0.8, 1.7, 2.2]])],
    ['expm1', expm1, x],
    ['sqrt', sqrt, pos],
    ['rsqrt', rsqrt, pos],
    ['square', square, x],
    ['abs', abs, x],
    ['tanh', tanh, x],
    ['sigmoid', sigmoid, x],
    ['softplus', softplus, x],
    ['erf', erf, x],
    ['sin', sin, x],
    ['cos', cos, x],
    ['reciprocal', reciprocal, pos],
  ];
  it.each(cases)('%s agrees with finite differences', (_name, f, at) => {
    checkGradients(f, [at]);
  });

  it('gives JAX values at the awkward points', () => {
    expect(values(grad((t) => sum(abs(t)))(tensor([0, -0, -2])))).toEqual([1, 1, -1]);
    expect(values(grad((t) => sum(sqrt(t)))(tensor([0])))).toEqual([Infinity]);
    expect(values(grad((t) => sum(sigmoid(t)))(tensor([-1000, 0, 1000])))).toEqual([0, 0.25, 0]);
    expect(values(grad((t) => sum(softplus(t)))(tensor([-1000, 0, 1000])))).toEqual([0, 0.5, 1]);
  });

  it('rounding ops and sign have zero gradient', () => {
    for (const f of [floor, ceil, round, sign]) {
      expect(values(grad((t) => sum(f(t)))(tensor([0.3, 1.7])))).toEqual([0, 0]);
    }
  });
});

describe('unary math: properties', () => {
  const finite = fc.float({ min: -50, max: 50, noNaN: true });
  const opts = { seed: 42, numRuns: 50 };

  it('sigmoid(x) + sigmoid(-x) = 1 and softplus(x) - softplus(-x) = x', () => {
    fc.assert(
      fc.property(finite, (v) => {
        const t = tensor([v]);
        expectClose(sigmoid(t).data[0] + sigmoid(tensor([-v])).data[0], 1, 1e-6, 1e-6);
        expectClose(softplus(t).data[0] - softplus(tensor([-v])).data[0], v, 1e-5, 1e-5);
      }),
      opts,
    );
  });

  it('erf is odd, bounded and increasing', () => {
    fc.assert(
      fc.property(fc.double({ min: -8, max: 8, noNaN: true }), fc.double({ min: 1e-6, max: 1, noNaN: true }), (v, d) => {
        expect(erfScalar(-v)).toBe(-erfScalar(v));
        expect(Math.abs(erfScalar(v))).toBeLessThanOrEqual(1);
        expect(erfScalar(v + d)).toBeGreaterThanOrEqual(erfScalar(v));
      }),
      opts,
    );
  });

  it('round is within 0.5 and sends exact halves to the even neighbour', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), fc.double({ min: -0.49, max: 0.49, noNaN: true }), (n, frac) => {
        const r = round(tensor([n + frac, n + 0.5])).data;
        expect(Math.abs(r[0] - f32(n + frac))).toBeLessThanOrEqual(0.5);
        expect(Math.abs(r[1] % 2)).toBe(0);
        expect(Math.abs(r[1] - (n + 0.5))).toBe(0.5);
      }),
      opts,
    );
  });

  it('exp and log are inverse; sqrt(square(x)) = |x|', () => {
    fc.assert(
      fc.property(fc.float({ min: Math.fround(0.01), max: 1000, noNaN: true }), (v) => {
        expectClose(exp(log(tensor([v]))), tensor([v]), 1e-5, 0);
        expectClose(sqrt(square(tensor([-v]))), abs(tensor([v])), 1e-6, 0);
      }),
      opts,
    );
  });
});
