import fc from 'fast-check';
import { ShapeError, ValueError } from '../errors';
import { Tensor, tensor } from '../tensor';
import { checkGradients } from '../testing/check-gradients';
import { conv1d, conv2d, conv3d } from './conv';
import { conv1dTranspose, conv2dTranspose, conv3dTranspose } from './conv-transpose';

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

function dot(a: Tensor, b: Tensor): number {
  let s = 0;
  for (let i = 0; i < a.size; i++) s += a.data[i] * b.data[i];
  return s;
}

const convs = [conv1d, conv2d, conv3d];
const transposes = [conv1dTranspose, conv2dTranspose, conv3dTranspose];

describe('conv transpose goldens', () => {
  it('scatters each input cell times the kernel, stride apart', () => {
    const y = conv1dTranspose(tensor([[[1], [2]]]), tensor([[[1]], [[10]]]), { strides: 2 });
    expect(y.toArray()).toEqual([[[1], [10], [2], [20]]]);
  });

  it('overlapping windows add up', () => {
    const y = conv1dTranspose(tensor([[[1], [2]]]), tensor([[[1]], [[10]], [[100]]]));
    expect(y.toArray()).toEqual([[[1], [12], [120], [200]]]);
  });

  it("'same' stride 2 crops to in * stride", () => {
    // Full output [1, 10, 102, 20, 200]; the forward 'same' conv on 4 cells pads its one cell
    // after the input, so the transpose keeps the first 4.
    const y = conv1dTranspose(tensor([[[1], [2]]]), tensor([[[1]], [[10]], [[100]]]), { strides: 2, padding: 'same' });
    expect(y.toArray()).toEqual([[[1], [10], [102], [20]]]);
  });

  it('maps in_channels to filters with the (k, filters, in) kernel layout', () => {
    const y = conv2dTranspose(tensor([1, 2], [1, 1, 1, 2]), tensor([[[[1, 2], [10, 20], [100, 200]]]]));
    expect(y.toArray()).toEqual([[[[5, 50, 500]]]]);
  });
});

describe('conv transpose output lengths (Keras deconv_output_length)', () => {
  it.each([
    ['valid, stride 1', { strides: 1 }, 3, 7],
    ['valid, stride 2', { strides: 2 }, 3, 11],
    ['valid, stride 4 > kernel: (in - 1) * 4 + 4', { strides: 4 }, 2, 20],
    ['valid, outputPadding 1', { strides: 2, outputPadding: 1 }, 3, 12],
    ['same, stride 2', { strides: 2, padding: 'same' as const }, 3, 10],
    ['same, outputPadding 0', { strides: 2, padding: 'same' as const, outputPadding: 0 }, 3, 9],
    ['valid, dilation 2', { dilationRate: 2 }, 3, 9],
  ])('%s', (_name, options, k, expected) => {
    expect(conv1dTranspose(rand([1, 5, 1], 1), rand([k, 1, 1], 2), options).shape[1]).toBe(expected);
  });
});

describe('conv transpose is the adjoint of conv', () => {
  it('<conv(x, w), y> = <x, convTranspose(y, w)> for every rank, padding, stride and dilation', () => {
    let seed = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 3, maxLength: 3 }),
        fc.boolean(),
        fc.constantFrom('valid' as const, 'same' as const),
        (rank, inner, kernel, stride, dilate, padding) => {
          const k = kernel.slice(0, rank);
          const strides = dilate ? k.map(() => 1) : stride.slice(0, rank);
          const dilationRate = dilate ? stride.slice(0, rank).map((s) => s + 1) : k.map(() => 1);
          const y = rand([2, ...inner.slice(0, rank), 3], ++seed);
          const w = rand([...k, 2, 3], ++seed);
          const xt = transposes[rank - 1](y, w, { strides, padding, dilationRate });
          const x = rand(xt.shape, ++seed);
          const yc = convs[rank - 1](x, w, { strides, padding, dilationRate });
          expect(yc.shape).toEqual(y.shape);
          expect(dot(yc, y)).toBeCloseTo(dot(x, xt), 3);
        },
      ),
      { seed: 42, numRuns: 50 },
    );
  });
});

describe('conv transpose gradients', () => {
  it("conv1dTranspose 'same' stride 2", () => {
    checkGradients((x, w) => conv1dTranspose(x, w, { strides: 2, padding: 'same' }), [rand([2, 3, 2], 1), rand([3, 3, 2], 2)]);
  });

  it('conv2dTranspose valid with outputPadding', () => {
    checkGradients((x, w) => conv2dTranspose(x, w, { strides: [2, 1], outputPadding: [1, 0] }), [
      rand([1, 2, 3, 2], 3),
      rand([2, 2, 2, 2], 4),
    ]);
  });

  it('conv3dTranspose dilated', () => {
    checkGradients((x, w) => conv3dTranspose(x, w, { dilationRate: 2, padding: 'same' }), [
      rand([1, 2, 3, 2, 1], 5),
      rand([2, 2, 2, 2, 1], 6),
    ]);
  });
});

describe('conv transpose errors', () => {
  const x = rand([1, 4, 4, 3], 1);
  const w = rand([3, 3, 2, 3], 2);

  it('rejects a wrong input rank', () => {
    const f = () => conv2dTranspose(rand([4, 4, 3], 1), w);
    expect(f).toThrow(ShapeError);
    expect(f).toThrow('conv2dTranspose: x must be rank 4 (batch, height, width, channels), received shape (4, 4, 3)');
  });

  it('rejects a kernel whose last axis is not the input channels', () => {
    const f = () => conv2dTranspose(x, rand([3, 3, 3, 2], 2));
    expect(f).toThrow(ShapeError);
    expect(f).toThrow(/kernel.shape\[-1\] must equal x's channels, received x shape \(1, 4, 4, 3\) and kernel shape \(3, 3, 3, 2\)/);
  });

  it('rejects outputPadding not below strides', () => {
    const f = () => conv2dTranspose(x, w, { strides: 2, outputPadding: [1, 2] });
    expect(f).toThrow(ValueError);
    expect(f).toThrow('conv2dTranspose: outputPadding must be smaller than strides on every axis, received outputPadding=[1, 2] and strides=[2, 2]');
    expect(() => conv2dTranspose(x, w, { outputPadding: -1 })).toThrow(/received outputPadding=-1/);
  });

  it("rejects 'causal' and unknown padding", () => {
    const f = () => conv1dTranspose(rand([1, 4, 3], 1), rand([2, 2, 3], 2), { padding: 'causal' as 'same' });
    expect(f).toThrow(ValueError);
    expect(f).toThrow("conv1dTranspose: padding must be one of 'valid', 'same', received padding='causal'");
  });

  it('rejects strides > 1 with dilation > 1', () => {
    const f = () => conv2dTranspose(x, w, { strides: 2, dilationRate: 2 });
    expect(f).toThrow(ValueError);
    expect(f).toThrow(/strides > 1 is not supported together with dilationRate > 1/);
  });
});
