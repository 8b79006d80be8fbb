import fc from 'fast-check';
import { ShapeError, ValueError } from '../errors';
import { Tensor, tensor } from '../tensor';
import { checkGradients, expectClose } from '../testing/check-gradients';
import { grads } from '../autodiff';
import { mul } from './arithmetic';
import { sum } from './reduce';
import { conv1d, conv2d, conv3d } from './conv';
import { setConvChunkFloats } from './kernels-conv';

/** Deterministic values in [-1, 1). */
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

interface RefOptions {
  strides: number[];
  dilation: number[];
  padding: 'valid' | 'same' | 'causal';
  groups: number;
}

/** A direct, index-by-index convolution of any spatial rank, written from the formulas. */
function referenceConv(x: Tensor, w: Tensor, o: RefOptions): Tensor {
  const r = x.rank - 2;
  const inLen = x.shape.slice(1, r + 1);
  const k = w.shape.slice(0, r);
  const cin = x.shape[r + 1];
  const cout = w.shape[r + 1];
  const cg = cin / o.groups;
  const og = cout / o.groups;
  const out: number[] = [];
  const pad: number[] = [];
  for (let i = 0; i < r; i++) {
    const span = (k[i] - 1) * o.dilation[i] + 1;
    if (o.padding === 'valid') {
      out.push(Math.floor((inLen[i] - span) / o.strides[i]) + 1);
      pad.push(0);
    } else {
      const n = Math.ceil(inLen[i] / o.strides[i]);
      out.push(n);
      const total = Math.max((n - 1) * o.strides[i] + span - inLen[i], 0);
      pad.push(o.padding === 'causal' ? span - 1 : Math.floor(total / 2));
    }
  }
  const yShape = [x.shape[0], ...out, cout];
  const y = new Float32Array(yShape.reduce((p, d) => p * d, 1));
  const xs = x.strides;
  const ws = w.strides;
  const ys = new Tensor(y, yShape).strides;
  const outPos = out.reduce((p, d) => p * d, 1);
  const kPos = k.reduce((p, d) => p * d, 1);
  for (let b = 0; b < x.shape[0]; b++) {
    for (let op = 0; op < outPos; op++) {
      const oi = unravel(op, out);
      for (let co = 0; co < cout; co++) {
        const gi = Math.floor(co / og);
        let acc = 0;
        for (let kp = 0; kp < kPos; kp++) {
          const ki = unravel(kp, k);
          const ii = oi.map((v, a) => v * o.strides[a] + ki[a] * o.dilation[a] - pad[a]);
          if (ii.some((v, a) => v < 0 || v >= inLen[a])) continue;
          for (let c = 0; c < cg; c++) {
            const xOff = b * xs[0] + ii.reduce((p, v, a) => p + v * xs[a + 1], 0) + (gi * cg + c);
            const wOff = ki.reduce((p, v, a) => p + v * ws[a], 0) + c * ws[r] + co;
            acc += x.data[xOff] * w.data[wOff];
          }
        }
        y[b * ys[0] + oi.reduce((p, v, a) => p + v * ys[a + 1], 0) + co] = acc;
      }
    }
  }
  return new Tensor(y, yShape, 'float32');
}

function unravel(i: number, shape: number[]): number[] {
  const idx = new Array<number>(shape.length);
  for (let a = shape.length - 1; a >= 0; a--) {
    idx[a] = i % shape[a];
    i = Math.floor(i / shape[a]);
  }
  return idx;
}

const convs = [conv1d, conv2d, conv3d];

describe('conv goldens', () => {
  it('conv1d valid: a difference kernel', () => {
    const y = conv1d(tensor([[[1], [2], [4], [7]]]), tensor([[[1]], [[-1]]]));
    expect(y.toArray()).toEqual([[[-1], [-2], [-3]]]);
  });

  it("conv1d 'same' pads one zero on each side for a 3-tap kernel", () => {
    const y = conv1d(tensor([[[1], [2], [3]]]), tensor([[[1]], [[1]], [[1]]]), { padding: 'same' });
    expect(y.toArray()).toEqual([[[3], [6], [5]]]);
  });

  it("conv1d 'causal' pads only in front", () => {
    const y = conv1d(tensor([[[1], [2], [3]]]), tensor([[[1]], [[10]]]), { padding: 'causal' });
    expect(y.toArray()).toEqual([[[10], [21], [32]]]);
  });

  it('conv2d valid: 2x2 box sums of a 3x3 image', () => {
    const x = tensor([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1]);
    expect(conv2d(x, tensor([1, 1, 1, 1], [2, 2, 1, 1])).toArray()).toEqual([[[[12], [16]], [[24], [28]]]]);
  });

  it("conv2d 'same' stride 2 puts the odd padding cell after (TensorFlow's split)", () => {
    const x = tensor([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1]);
    const y = conv2d(x, tensor([1, 1, 1, 1], [2, 2, 1, 1]), { padding: 'same', strides: 2 });
    expect(y.toArray()).toEqual([[[[12], [9]], [[15], [9]]]]);
  });

  it('conv2d with two channels and two filters mixes channels', () => {
    const x = tensor([1, 2], [1, 1, 1, 2]);
    const w = tensor([[[[1, 10], [100, 1000]]]]);
    expect(conv2d(x, w).toArray()).toEqual([[[[201, 2010]]]]);
  });

  it('groups: each group of channels sees only its own filters', () => {
    const x = tensor([1, 2], [1, 1, 1, 2]);
    const w = tensor([3, 4], [1, 1, 1, 2]);
    expect(conv2d(x, w).toArray()).toEqual([[[[3, 8]]]]);
    expect(conv2d(x, w, { groups: 2 }).toArray()).toEqual([[[[3, 8]]]]);
  });

  it('dilation skips input cells', () => {
    const y = conv1d(tensor([[[1], [2], [3], [4], [5]]]), tensor([[[1]], [[1]]]), { dilationRate: 3 });
    expect(y.toArray()).toEqual([[[5], [7]]]);
  });

  it('conv3d of ones counts the window', () => {
    const y = conv3d(new Tensor(new Float32Array(27).fill(1), [1, 3, 3, 3, 1]), new Tensor(new Float32Array(8).fill(1), [2, 2, 2, 1, 1]));
    expect(Array.from(y.data)).toEqual(new Array(8).fill(8));
  });

  it('accepts padding in any case, as Keras lower-cases it', () => {
    const y = conv1d(tensor([[[1], [2], [3]]]), tensor([[[1]], [[1]], [[1]]]), { padding: 'SAME' as 'same' });
    expect(y.shape).toEqual([1, 3, 1]);
  });

  it('casts int32 inputs to float32', () => {
    const y = conv1d(tensor([[[1], [2]]], undefined, 'int32'), tensor([[[3]]]));
    expect(y.dtype).toBe('float32');
    expect(y.toArray()).toEqual([[[3], [6]]]);
  });

  it('an empty batch gives an empty batch', () => {
    expect(conv2d(new Tensor(new Float32Array(0), [0, 5, 5, 2]), rand([3, 3, 2, 4], 1)).shape).toEqual([0, 3, 3, 4]);
  });
});

describe('conv against a direct reference', () => {
  const config = fc
    .record({
      rank: fc.integer({ min: 1, max: 3 }),
      batch: fc.integer({ min: 1, max: 2 }),
      sizes: fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 3, maxLength: 3 }),
      kernel: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 3, maxLength: 3 }),
      stride: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 3, maxLength: 3 }),
      dilate: fc.boolean(),
      padding: fc.constantFrom('valid', 'same', 'causal'),
      groups: fc.constantFrom(1, 2, 3),
      cg: fc.integer({ min: 1, max: 3 }),
      og: fc.integer({ min: 1, max: 3 }),
    })
    .map((c) => {
      const r = c.rank;
      const dilation = c.dilate ? c.stride.slice(0, r).map((s) => s + 1) : new Array<number>(r).fill(1);
      const strides = c.dilate ? new Array<number>(r).fill(1) : c.stride.slice(0, r);
      const padding = (r !== 1 && c.padding === 'causal' ? 'same' : c.padding) as RefOptions['padding'];
      // Valid windows must fit: grow the input to the dilated kernel span.
      const sizes = c.sizes.slice(0, r).map((s, i) => Math.max(s, (c.kernel[i] - 1) * dilation[i] + 1));
      return { ...c, strides, dilation, padding, sizes, kernel: c.kernel.slice(0, r) };
    });

  it('matches for every rank, stride, dilation, padding and group count', () => {
    let seed = 0;
    fc.assert(
      fc.property(config, (c) => {
        const x = rand([c.batch, ...c.sizes, c.cg * c.groups], ++seed);
        const w = rand([...c.kernel, c.cg, c.og * c.groups], ++seed);
        const opts = { strides: c.strides, dilation: c.dilation, padding: c.padding, groups: c.groups };
        const y = convs[c.rank - 1](x, w, { strides: c.strides, dilationRate: c.dilation, padding: c.padding });
        expectClose(y, referenceConv(x, w, opts), 1e-5, 1e-5);
      }),
      { seed: 42, numRuns: 50 },
    );
  });
});

describe('conv chunking', () => {
  it.each([
    ['groups 1', 1],
    ['groups 2', 2],
  ])('forward and both gradients do not depend on the chunk size (%s)', (_name, groups) => {
    const x = rand([3, 6, 5, 4], 1);
    const w = rand([3, 3, 4 / groups, 6], 2);
    const dy = rand([3, 3, 3, 6], 3);
    const run = () => {
      const f = (a: Tensor, b: Tensor) => conv2d(a, b, { strides: 2, padding: 'same' });
      const [gx, gw] = grads((a, b) => sum(mul(f(a, b), dy)))([x, w]);
      return [f(x, w), gx, gw];
    };
    const whole = run();
    const saved = setConvChunkFloats(50);
    let chunked: Tensor[];
    try {
      chunked = run();
    } finally {
      setConvChunkFloats(saved);
    }
    whole.forEach((t, i) => expectClose(chunked[i], t, 1e-5, 1e-6));
  });
});

describe('conv gradients', () => {
  it('conv1d causal with dilation', () => {
    checkGradients((x, w) => conv1d(x, w, { padding: 'causal', dilationRate: 2 }), [rand([2, 5, 2], 1), rand([2, 2, 3], 2)]);
  });

  it("conv2d 'same' with strides", () => {
    checkGradients((x, w) => conv2d(x, w, { padding: 'same', strides: [2, 1] }), [rand([2, 5, 4, 2], 3), rand([3, 2, 2, 3], 4)]);
  });

  it('conv2d with groups', () => {
    checkGradients((x, w) => conv2d(x, w, { padding: 'same' }), [rand([1, 4, 4, 4], 5), rand([2, 2, 2, 4], 6)]);
  });

  it('conv2d pointwise (the shortcut without im2col)', () => {
    checkGradients((x, w) => conv2d(x, w), [rand([2, 3, 3, 3], 7), rand([1, 1, 3, 2], 8)]);
  });

  it('conv2d depthwise-shaped groups (one channel per group)', () => {
    checkGradients((x, w) => conv2d(x, w, { padding: 'same', dilationRate: 2 }), [rand([1, 5, 5, 3], 9), rand([2, 2, 1, 6], 10)]);
  });

  it('conv3d valid', () => {
    checkGradients((x, w) => conv3d(x, w), [rand([1, 3, 4, 3, 2], 11), rand([2, 2, 2, 2, 2], 12)]);
  });
});

describe('conv errors', () => {
  const x = rand([1, 5, 5, 2], 1);
  const w = rand([3, 3, 2, 4], 2);

  it('rejects a wrong input rank', () => {
    const f = () => conv2d(rand([3, 3], 1), w);
    expect(f).toThrow(ShapeError);
    expect(f).toThrow('conv2d: x must be rank 4 (batch, height, width, channels), received shape (3, 3)');
  });

  it('rejects a wrong kernel rank', () => {
    const f = () => conv1d(rand([1, 5, 2], 1), w);
    expect(f).toThrow(ShapeError);
    expect(f).toThrow(/conv1d: kernel must be rank 3 .*received shape \(3, 3, 2, 4\)/);
  });

  it('rejects a zero-size kernel window', () => {
    const f = () => conv2d(x, new Tensor(new Float32Array(0), [0, 3, 2, 4]));
    expect(f).toThrow(ShapeError);
    expect(f).toThrow(/window sizes must be positive, received shape \(0, 3, 2, 4\)/);
  });

  it('rejects mismatched channels, naming both shapes', () => {
    const f = () => conv2d(rand([1, 5, 5, 3], 1), w);
    expect(f).toThrow(ShapeError);
    expect(f).toThrow(/received x shape \(1, 5, 5, 3\) and kernel shape \(3, 3, 2, 4\)/);
    const g = () => conv2d(rand([1, 5, 5, 4], 1), w, { groups: 3 });
    expect(g).toThrow(ShapeError);
    expect(g).toThrow(/kernel.shape\[-2\] \* groups \(groups=3\)/);
  });

  it('rejects filters that groups do not divide', () => {
    const f = () => conv2d(rand([1, 5, 5, 4], 1), rand([3, 3, 2, 3], 2));
    expect(f).toThrow(ShapeError);
    expect(f).toThrow(/filters must be divisible by groups \(groups=2\)/);
  });

  it('rejects a non-positive groups', () => {
    const f = () => conv2d(x, w, { groups: 0 });
    expect(f).toThrow(ValueError);
    expect(f).toThrow('conv2d: groups must be a positive integer, received groups=0');
  });

  it('rejects unknown padding, and causal outside 1-D', () => {
    const f = () => conv2d(x, w, { padding: 'full' as 'same' });
    expect(f).toThrow(ValueError);
    expect(f).toThrow("conv2d: padding must be one of 'valid', 'same', received padding='full'");
    expect(() => conv2d(x, w, { padding: 'causal' })).toThrow(/received padding='causal'/);
  });

  it('rejects non-positive or mis-sized strides and dilation', () => {
    const f = () => conv2d(x, w, { strides: 0 });
    expect(f).toThrow(ValueError);
    expect(f).toThrow('conv2d: strides must be a positive integer or an array of 2 positive integers, received strides=0');
    expect(() => conv2d(x, w, { strides: [1] })).toThrow(/received strides=\[1\]/);
    expect(() => conv2d(x, w, { dilationRate: [1, -1] })).toThrow(/received dilationRate=\[1, -1\]/);
  });

  it('rejects strides > 1 together with dilation > 1, as Keras layers do', () => {
    const f = () => conv2d(x, w, { strides: 2, dilationRate: [1, 2] });
    expect(f).toThrow(ValueError);
    expect(f).toThrow('conv2d: strides > 1 is not supported together with dilationRate > 1, received strides=[2, 2] and dilationRate=[1, 2]');
  });

  it("rejects a 'valid' window larger than the input (Keras: empty output is an error)", () => {
    const f = () => conv2d(rand([1, 2, 2, 2], 1), w);
    expect(f).toThrow(ValueError);
    expect(f).toThrow(/conv2d: the output would be empty.*received x shape \(1, 2, 2, 2\)/);
  });
});
