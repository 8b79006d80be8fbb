import fc from 'fast-check';
import { ShapeError, ValueError } from '../errors';
import { Tensor, tensor } from '../tensor';
import { checkGradients, expectClose } from '../testing/check-gradients';
import { depthwiseConv1d, depthwiseConv2d } from './conv-depthwise';

function rand(shape: number[], seed: number): Tensor {
  const n = shape.reduce((p, d) => p * d, 1);
  const data = new Float32Array(n);
  let s = seed * 7919 + 17;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    data[i] = (s / 0x7fffffff) * 2 - 1;
  }
  return new Tensor(data, shape, 'float32');
}

/** Direct 2-D depthwise convolution from the formula (1-D as height 1). */
function reference(x: Tensor, w: Tensor, s: readonly number[], d: readonly number[], padding: 'valid' | 'same'): Tensor {
  const [B, H, W, C] = x.shape;
  const [kh, kw, , M] = w.shape;
  const out: number[] = [];
  const pad: number[] = [];
  [H, W].forEach((len, a) => {
    const span = ([kh, kw][a] - 1) * d[a] + 1;
    const n = padding === 'valid' ? Math.floor((len - span) / s[a]) + 1 : Math.ceil(len / s[a]);
    out.push(n);
    pad.push(padding === 'valid' ? 0 : Math.floor(Math.max((n - 1) * s[a] + span - len, 0) / 2));
  });
  const y = new Float32Array(B * out[0] * out[1] * C * M);
  let p = 0;
  for (let b = 0; b < B; b++)
    for (let i = 0; i < out[0]; i++)
      for (let j = 0; j < out[1]; j++)
        for (let c = 0; c < C; c++)
          for (let m = 0; m < M; m++, p++) {
            let acc = 0;
            for (let u = 0; u < kh; u++)
              for (let v = 0; v < kw; v++) {
                const ii = i * s[0] + u * d[0] - pad[0];
                const jj = j * s[1] + v * d[1] - pad[1];
                if (ii < 0 || ii >= H || jj < 0 || jj >= W) continue;
                acc += x.data[((b * H + ii) * W + jj) * C + c] * w.data[((u * kw + v) * C + c) * M + m];
              }
            y[p] = acc;
          }
  return new Tensor(y, [B, ...out, C * M], 'float32');
}

describe('depthwise conv', () => {
  it('golden: each channel keeps to its own filter', () => {
    const y = depthwiseConv1d(tensor([[[1, 10], [2, 20]]]), tensor([[[1], [1]], [[1], [-1]]]));
    expect(y.toArray()).toEqual([[[3, -10]]]);
  });

  it('golden: depth multiplier 2 orders outputs as c * M + m', () => {
    const y = depthwiseConv1d(tensor([[[1, 10]]]), tensor([[[1, 2], [3, 4]]]));
    expect(y.toArray()).toEqual([[[1, 2, 30, 40]]]);
  });

  it('matches the direct formula over strides, dilation, padding and multipliers', () => {
    let seed = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 3 }),
        fc.constantFrom([1, 1], [2, 1], [1, 3], [2, 2]),
        fc.constantFrom([1, 1], [2, 1], [2, 3]),
        fc.constantFrom('valid' as const, 'same' as const),
        (h, w, kh, kw, C, M, strides, dilation, padding) => {
          const x = rand([2, h + (kh - 1) * dilation[0], w + (kw - 1) * dilation[1], C], ++seed);
          const k = rand([kh, kw, C, M], ++seed);
          const y = depthwiseConv2d(x, k, { strides, dilationRate: dilation, padding });
          expectClose(y, reference(x, k, strides, dilation, padding), 1e-5, 1e-5);
        },
      ),
      { seed: 42, numRuns: 50 },
    );
  });

  it('1-D equals 2-D with height 1', () => {
    const x = rand([2, 9, 3], 1);
    const k = rand([3, 3, 2], 2);
    const y1 = depthwiseConv1d(x, k, { strides: 2, padding: 'same' });
    const y2 = depthwiseConv2d(new Tensor(x.data, [2, 1, 9, 3]), new Tensor(k.data, [1, 3, 3, 2]), { strides: [1, 2], padding: 'same' });
    expectClose(y1.data, y2.data, 0, 0);
  });

  it('gradients (multiplier 1 and 2)', () => {
    checkGradients((x, w) => depthwiseConv2d(x, w, { padding: 'same', strides: 2 }), [rand([1, 5, 4, 3], 1), rand([3, 2, 3, 1], 2)]);
    checkGradients((x, w) => depthwiseConv1d(x, w, { dilationRate: 2 }), [rand([2, 6, 2], 3), rand([2, 2, 2], 4)]);
  });

  it('rejects a kernel whose channels differ from the input', () => {
    const f = () => depthwiseConv2d(rand([1, 5, 5, 3], 1), rand([3, 3, 2, 1], 2));
    expect(f).toThrow(ShapeError);
    expect(f).toThrow("depthwiseConv2d: kernel.shape[-2] must equal x's channels, received x shape (1, 5, 5, 3) and kernel shape (3, 3, 2, 1)");
  });

  it('rejects wrong ranks, padding and strides', () => {
    expect(() => depthwiseConv1d(rand([5, 3], 1), rand([3, 3, 1], 2))).toThrow(
      'depthwiseConv1d: x must be rank 3 (batch, steps, channels), received shape (5, 3)',
    );
    expect(() => depthwiseConv2d(rand([1, 5, 5, 3], 1), rand([3, 3, 1], 2))).toThrow(ShapeError);
    const p = () => depthwiseConv1d(rand([1, 5, 3], 1), rand([3, 3, 1], 2), { padding: 'causal' as 'same' });
    expect(p).toThrow(ValueError);
    expect(p).toThrow("received padding='causal'");
    expect(() => depthwiseConv1d(rand([1, 5, 3], 1), rand([3, 3, 1], 2), { strides: 0 })).toThrow(/received strides=0/);
  });
});
