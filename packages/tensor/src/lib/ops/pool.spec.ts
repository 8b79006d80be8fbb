import fc from 'fast-check';
import { ShapeError, ValueError } from '../errors';
import { Tensor, tensor } from '../tensor';
import { checkGradients, expectClose } from '../testing/check-gradients';
import { grad } from '../autodiff';
import { sum } from './reduce';
import { avgPool1d, avgPool2d, avgPool3d, maxPool1d, maxPool2d, maxPool3d } from './pool';

/** Distinct values (a shuffled ramp, 0.1 apart) so maxima are unique and finite differences safe. */
function distinct(shape: number[], seed: number): Tensor {
  const n = shape.reduce((p, d) => p * d, 1);
  const order = Array.from({ length: n }, (_, i) => i);
  let s = seed * 7919 + 17;
  for (let i = n - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const j = s % (i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return new Tensor(Float32Array.from(order, (v) => v / 10 - n / 20), shape, 'float32');
}

/** Direct pooling over 3 spatial axes from the definition (padded cells ignored). */
function reference(x: Tensor, k: number[], s: number[], padding: 'valid' | 'same', mode: 'max' | 'avg'): Tensor {
  const [B, D, H, W, C] = x.shape;
  const len = [D, H, W];
  const out = len.map((l, a) => (padding === 'valid' ? Math.floor((l - k[a]) / s[a]) + 1 : Math.ceil(l / s[a])));
  const pad = len.map((l, a) => (padding === 'valid' ? 0 : Math.floor(Math.max((out[a] - 1) * s[a] + k[a] - l, 0) / 2)));
  const y: number[] = [];
  for (let b = 0; b < B; b++)
    for (let i = 0; i < out[0]; i++)
      for (let j = 0; j < out[1]; j++)
        for (let l = 0; l < out[2]; l++)
          for (let c = 0; c < C; c++) {
            const vals: number[] = [];
            for (let u = 0; u < k[0]; u++)
              for (let v = 0; v < k[1]; v++)
                for (let w = 0; w < k[2]; w++) {
                  const p = [i * s[0] + u - pad[0], j * s[1] + v - pad[1], l * s[2] + w - pad[2]];
                  if (p.some((q, a) => q < 0 || q >= len[a])) continue;
                  vals.push(x.data[(((b * D + p[0]) * H + p[1]) * W + p[2]) * C + c]);
                }
            y.push(mode === 'max' ? Math.max(...vals) : vals.reduce((a, v) => a + v, 0) / vals.length);
          }
  return new Tensor(Float32Array.from(y), [B, ...out, C], 'float32');
}

describe('pooling goldens', () => {
  it('maxPool1d takes each window maximum', () => {
    expect(maxPool1d(tensor([[[1], [3], [2], [0]]]), { poolSize: 2 }).toArray()).toEqual([[[3], [2]]]);
  });

  it('maxPool2d with strides 1 overlaps windows', () => {
    const x = tensor([1, 5, 2, 4, 3, 9, 0, 8, 6], [1, 3, 3, 1]);
    expect(maxPool2d(x, { poolSize: 2, strides: 1 }).toArray()).toEqual([[[[5], [9]], [[8], [9]]]]);
  });

  it("avgPool 'same' divides by the count of real cells, as Keras", () => {
    expect(avgPool1d(tensor([[[1], [3], [2]]]), { poolSize: 2, padding: 'same' }).toArray()).toEqual([[[2], [2]]]);
    expect(avgPool2d(tensor([[[[1], [2]], [[3], [4]]]]), { poolSize: 2 }).toArray()).toEqual([[[[2.5]]]]);
  });

  it("maxPool 'same' ignores padding even for all-negative inputs", () => {
    expect(maxPool1d(tensor([[[-3], [-1], [-2]]]), { poolSize: 2, padding: 'same' }).toArray()).toEqual([[[-1], [-2]]]);
  });

  it('keeps channels apart', () => {
    expect(maxPool1d(tensor([[[1, 9], [2, 8]]]), { poolSize: 2 }).toArray()).toEqual([[[2, 9]]]);
  });

  it('max pooling propagates NaN', () => {
    expect(Number.isNaN(maxPool1d(tensor([[[1], [NaN], [0]]]), { poolSize: 3 }).item())).toBe(true);
  });
});

describe('pooling against the definition', () => {
  it('matches for every rank, size, stride and padding', () => {
    let seed = 0;
    const ops = { max: [maxPool1d, maxPool2d, maxPool3d], avg: [avgPool1d, avgPool2d, avgPool3d] };
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 3, maxLength: 3 }),
        fc.option(fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 3, maxLength: 3 })),
        fc.constantFrom('valid' as const, 'same' as const),
        fc.constantFrom('max' as const, 'avg' as const),
        (rank, extra, pool, strides, padding, mode) => {
          const k = pool.slice(3 - rank);
          const st = strides ? strides.slice(3 - rank) : k;
          const spatial = extra.slice(3 - rank).map((e, i) => e + k[i] - 1);
          const x = distinct([2, ...spatial, 3], ++seed);
          const y = ops[mode][rank - 1](x, { poolSize: k, strides: strides ? st : undefined, padding });
          const pad3 = (v: number[], f: number) => [...new Array<number>(3 - rank).fill(f), ...v];
          const x5 = new Tensor(x.data, [2, ...pad3(spatial, 1), 3]);
          const want = reference(x5, pad3(k, 1), pad3(st, 1), padding, mode);
          expectClose(y.data, want.data, 1e-5, 1e-6);
          expect(y.shape).toEqual([2, ...want.shape.slice(4 - rank, 4), 3]);
        },
      ),
      { seed: 42, numRuns: 50 },
    );
  });
});

describe('pooling gradients', () => {
  it('max pooling routes the gradient to the maximum', () => {
    const g = grad((x) => sum(maxPool1d(x, { poolSize: 2 })))(tensor([[[1], [3], [2], [0]]]));
    expect(g.toArray()).toEqual([[[0], [1], [1], [0]]]);
  });

  it('on ties the first maximum in the window takes the gradient, as in Keras (jax)', () => {
    const g = grad((x) => sum(maxPool1d(x, { poolSize: 3 })))(tensor([[[1], [1], [0], [2], [2], [2]]]));
    expect(g.toArray()).toEqual([[[1], [0], [0], [1], [0], [0]]]);
  });

  it("average pooling 'same' spreads it over the real cells", () => {
    const g = grad((x) => sum(avgPool1d(x, { poolSize: 2, padding: 'same' })))(tensor([[[1], [3], [2]]]));
    expect(g.toArray()).toEqual([[[0.5], [0.5], [1]]]);
  });

  it('finite differences agree (max and avg, 1-D to 3-D)', () => {
    checkGradients((x) => maxPool1d(x, { poolSize: 3, strides: 2, padding: 'same' }), [distinct([2, 7, 2], 1)]);
    checkGradients((x) => maxPool2d(x, { poolSize: [2, 3], strides: 1 }), [distinct([1, 4, 5, 2], 2)]);
    checkGradients((x) => maxPool3d(x, { poolSize: 2, padding: 'same' }), [distinct([1, 3, 3, 3, 1], 3)]);
    checkGradients((x) => avgPool2d(x, { poolSize: 3, strides: 2, padding: 'same' }), [distinct([1, 5, 4, 2], 4)]);
    checkGradients((x) => avgPool3d(x, { poolSize: [1, 2, 2] }), [distinct([1, 2, 4, 4, 1], 5)]);
  });
});

describe('pooling errors', () => {
  const x = distinct([1, 4, 4, 2], 1);

  it('rejects a wrong rank', () => {
    const f = () => maxPool2d(distinct([4, 4, 2], 1), { poolSize: 2 });
    expect(f).toThrow(ShapeError);
    expect(f).toThrow('maxPool2d: x must be rank 4 (batch, height, width, channels), received shape (4, 4, 2)');
  });

  it('rejects a missing or non-positive poolSize', () => {
    const f = () => avgPool2d(x, { poolSize: 0 });
    expect(f).toThrow(ValueError);
    expect(f).toThrow('avgPool2d: poolSize must be a positive integer or an array of 2 positive integers, received poolSize=0');
    expect(() => maxPool2d(x, {} as never)).toThrow(/received poolSize=undefined/);
    expect(() => maxPool2d(x, undefined as never)).toThrow('maxPool2d: options must be an object with a poolSize, received options=undefined');
  });

  it('rejects bad strides and padding', () => {
    expect(() => maxPool2d(x, { poolSize: 2, strides: [1, 0] })).toThrow(/received strides=\[1, 0\]/);
    const f = () => maxPool2d(x, { poolSize: 2, padding: 'causal' as 'same' });
    expect(f).toThrow(ValueError);
    expect(f).toThrow("maxPool2d: padding must be one of 'valid', 'same', received padding='causal'");
  });

  it("rejects a 'valid' window larger than the input", () => {
    const f = () => maxPool2d(x, { poolSize: 5 });
    expect(f).toThrow(ValueError);
    expect(f).toThrow(/maxPool2d: the output would be empty/);
  });
});
