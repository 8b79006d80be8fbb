import { readFileSync } from 'fs';
import { join } from 'path';
import { grads } from '../autodiff';
import { DType } from '../dtype';
import { Tensor, fromData } from '../tensor';
import { expectClose } from '../testing/check-gradients';
import { equal, greater, greaterEqual, isFinite, isNaN, less, lessEqual, logicalAnd, logicalNot, logicalOr, notEqual } from './compare';
import { cumprod, cumsum } from './cumulative';
import * as math from './math';
import { clip, floorDiv, maximum, minimum, mod, pow } from './math-binary';
import { NormOrd, norm } from './norm';
import { all, any, max, mean, min, prod, sum } from './reduce';
import { argmax, argmin } from './reduce-arg';
import { logsumexp, std, variance } from './reduce-stats';
import { where } from './where';

// Written by tools/fixtures/tensor_math.py from keras.ops (jax backend).
interface Enc {
  shape: number[];
  dtype: DType;
  data: (number | string)[];
}
interface Grad {
  dy?: Enc;
  gx?: Enc;
  ga?: Enc;
  gb?: Enc;
}
type Unary = Grad & { op: keyof typeof UNARY; x: Enc; y: Enc; gradX?: Enc };
type Binary = Grad & { op: keyof typeof BINARY; a: Enc; b: Enc; y: Enc };
type Compare = { op: keyof typeof COMPARE; a?: Enc; b?: Enc; x?: Enc; y: Enc };
type Reduction = Grad & { op: keyof typeof REDUCE; axis: number | number[] | null; keepdims: boolean; x?: Enc; y: Enc };

const fx = JSON.parse(readFileSync(join(__dirname, '__fixtures__/math.json'), 'utf8')) as {
  keras_version: string;
  unary: Unary[];
  binary: Binary[];
  compare: Compare[];
  where: Grad & { cond: Enc; a: Enc; b: Enc; y: Enc };
  clip: Grad & { x: Enc; min: number; max: number; y: Enc };
  reductions: { x: Enc; cases: Reduction[] };
  arg: { x: Enc; cases: { op: 'argmax' | 'argmin'; axis: number | null; keepdims: boolean; y: Enc }[] };
  cumulative: { x: Enc; cases: (Grad & { op: 'cumsum' | 'cumprod'; axis: number | null; y: Enc })[] };
  norm: { x: Enc; cases: (Grad & { ord: NormOrd | string; axis: number | number[] | null; keepdims: boolean; x?: Enc; y: Enc })[] };
};

const num = (v: number | string) => (typeof v === 'number' ? v : v === 'nan' ? NaN : v === 'inf' ? Infinity : -Infinity);
const dec = (e: Enc) => fromData(e.data.map(num), e.shape, e.dtype);

/** Same dtype and shape, values within float32 tolerance (NaN matches NaN, infinities match exactly). */
function expectTensor(actual: Tensor, expected: Enc, rtol = 1e-5, atol = 1e-6, what = 'value'): void {
  const e = dec(expected);
  expect(`${what}: ${actual.dtype}`).toBe(`${what}: ${e.dtype}`);
  expectClose(actual, e, rtol, atol, what);
}

function expectVjp(f: (...xs: Tensor[]) => Tensor, inputs: Tensor[], c: Grad, names: ('gx' | 'ga' | 'gb')[]): void {
  const dy = c.dy ? dec(c.dy) : undefined;
  const got = grads(f)(inputs, dy);
  names.forEach((n, i) => {
    const want = c[n];
    if (want) expectTensor(got[i], want, 1e-4, 1e-5, n);
  });
}

const UNARY = math;
const BINARY = { mod, floorDiv, pow, maximum, minimum };
const COMPARE = { equal, notEqual, greater, greaterEqual, less, lessEqual, logicalAnd, logicalOr, logicalNot, isNaN, isFinite };
const REDUCE = { sum, mean, max, min, prod, logsumexp, variance, std, any, all };
// Transcendentals may differ from XLA's float32 implementations by a few ulps.
const TOL: Record<string, [number, number]> = { erf: [2e-6, 1e-7], sin: [1e-5, 1e-5], cos: [1e-5, 1e-5] };

describe(`Keras ${fx.keras_version} elementwise math fixtures`, () => {
  it.each(fx.unary.map((c, i) => [`${c.op} #${i}`, c] as const))('%s', (_n, c) => {
    const op = UNARY[c.op] as (x: Tensor) => Tensor;
    const [rtol, atol] = TOL[c.op] ?? [1e-5, 1e-6];
    expectTensor(op(dec(c.x)), c.y, rtol, atol);
    if (c.gradX) expectVjp((x) => op(x), [dec(c.gradX)], c, ['gx']);
  });

  it.each(fx.binary.map((c, i) => [`${c.op} #${i}`, c] as const))('%s', (_n, c) => {
    const op = BINARY[c.op];
    expectTensor(op(dec(c.a), dec(c.b)), c.y);
    if (c.ga) expectVjp((a, b) => op(a, b), [dec(c.a), dec(c.b)], c, ['ga', 'gb']);
  });

  it.each(fx.compare.map((c, i) => [`${c.op} #${i}`, c] as const))('%s', (_n, c) => {
    const y = c.x ? (COMPARE[c.op] as (x: Tensor) => Tensor)(dec(c.x)) : COMPARE[c.op](dec(c.a as Enc), dec(c.b as Enc));
    expectTensor(y, c.y);
  });

  it('where broadcasts three ways and routes the gradient', () => {
    const c = fx.where;
    const cond = dec(c.cond);
    expectTensor(where(cond, dec(c.a), dec(c.b)), c.y);
    expectVjp((a, b) => where(cond, a, b), [dec(c.a), dec(c.b)], c, ['ga', 'gb']);
  });

  it('clip gives half the gradient at an exact bound, as jnp.clip', () => {
    const c = fx.clip;
    expectTensor(clip(dec(c.x), c.min, c.max), c.y);
    expectVjp((x) => clip(x, c.min, c.max), [dec(c.x)], c, ['gx']);
  });
});

describe(`Keras ${fx.keras_version} reduction fixtures`, () => {
  const x0 = dec(fx.reductions.x);
  it.each(fx.reductions.cases.map((c, i) => [`${c.op} axis=${JSON.stringify(c.axis)} keepdims=${c.keepdims} #${i}`, c] as const))(
    '%s',
    (_n, c) => {
      const op = REDUCE[c.op];
      const x = c.x ? dec(c.x) : x0;
      expectTensor(op(x, c.axis, c.keepdims), c.y);
      if (c.gx) expectVjp((v) => op(v, c.axis, c.keepdims), [x], c, ['gx']);
    },
  );

  it.each(fx.arg.cases.map((c) => [`${c.op} axis=${c.axis} keepdims=${c.keepdims}`, c] as const))('%s', (_n, c) => {
    expectTensor((c.op === 'argmax' ? argmax : argmin)(dec(fx.arg.x), c.axis, c.keepdims), c.y);
  });

  it.each(fx.cumulative.cases.map((c) => [`${c.op} axis=${c.axis}`, c] as const))('%s', (_n, c) => {
    const op = c.op === 'cumsum' ? cumsum : cumprod;
    const x = dec(fx.cumulative.x);
    expectTensor(op(x, c.axis), c.y);
    expectVjp((v) => op(v, c.axis), [x], c, ['gx']);
  });

  it.each(fx.norm.cases.map((c, i) => [`norm ord=${c.ord} axis=${JSON.stringify(c.axis)} #${i}`, c] as const))(
    '%s',
    (_n, c) => {
      const ord = (typeof c.ord === 'string' && c.ord !== 'fro' && c.ord !== 'nuc' ? num(c.ord) : c.ord) as NormOrd;
      const x = c.x ? dec(c.x) : dec(fx.norm.x);
      const f = (v: Tensor) => norm(v, { ord, axis: c.axis, keepdims: c.keepdims });
      expectTensor(f(x), c.y);
      if (c.gx) expectVjp(f, [x], c, ['gx']);
    },
  );
});
