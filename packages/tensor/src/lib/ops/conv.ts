import { ShapeError, ValueError, show } from '../errors';
import { formatShape } from '../shape';
import { Tensor, TensorLike } from '../tensor';
import { convApply } from './conv-core';
import {
  ConvPadding,
  checkInputRank,
  checkKernelRank,
  checkStridesDilation,
  floatInput,
  normalizeTuple,
  parsePadding,
  windowGeometry,
} from './conv-geometry';

/** Options of `conv1d`, `conv2d`, `conv3d` (Keras's `keras.ops.conv` arguments, camelCase). */
export interface ConvOptions {
  /** Step of the window per spatial axis: one number for all axes or one per axis. Default 1. */
  strides?: number | readonly number[];
  /**
   * `'valid'` (no padding, the default), `'same'` (output length ceil(in / stride), TensorFlow's
   * split of the padding, smaller half first) or, for `conv1d` only, `'causal'` (all padding before).
   */
  padding?: ConvPadding;
  /** Spacing between kernel taps per spatial axis. Default 1. Not allowed with strides > 1. */
  dilationRate?: number | readonly number[];
  /**
   * Channel groups: input and output channels are split into `groups` blocks convolved
   * separately. Default: inferred as `x.shape[-1] / kernel.shape[-2]`, as Keras does.
   */
  groups?: number;
}

const LAYOUT: Record<number, string> = {
  1: '(kernel_size, in_channels / groups, filters)',
  2: '(kernel_height, kernel_width, in_channels / groups, filters)',
  3: '(kernel_depth, kernel_height, kernel_width, in_channels / groups, filters)',
};

function resolveGroups(who: string, x: Tensor, kernel: Tensor, groups: number | undefined): number {
  const cin = x.shape[x.rank - 1];
  const kin = kernel.shape[kernel.rank - 2];
  const cout = kernel.shape[kernel.rank - 1];
  const shapes = `received x shape ${formatShape(x.shape)} and kernel shape ${formatShape(kernel.shape)}`;
  let g: number;
  if (groups === undefined) {
    if (kin === 0 || cin % kin !== 0) {
      throw new ShapeError(`${who}: x's channels must be a multiple of kernel.shape[-2], ${shapes}`);
    }
    g = cin / kin;
  } else {
    if (!Number.isInteger(groups) || groups < 1) {
      throw new ValueError(`${who}: groups must be a positive integer, received groups=${show(groups)}`);
    }
    if (kin * groups !== cin) {
      throw new ShapeError(`${who}: x's channels must equal kernel.shape[-2] * groups (groups=${groups}), ${shapes}`);
    }
    g = groups;
  }
  if (cout % g !== 0) {
    throw new ShapeError(`${who}: the kernel's filters must be divisible by groups (groups=${g}), ${shapes}`);
  }
  return g;
}

function convN(who: string, rank: number, xIn: TensorLike, kernelIn: TensorLike, options: ConvOptions): Tensor {
  const x = floatInput(xIn);
  const kernel = floatInput(kernelIn);
  checkInputRank(who, x, rank);
  checkKernelRank(who, kernel, rank, LAYOUT[rank]);
  const strides = normalizeTuple(who, 'strides', options.strides, rank, 1);
  const dilation = normalizeTuple(who, 'dilationRate', options.dilationRate, rank, 1);
  const padding = parsePadding(who, options.padding ?? 'valid', rank === 1 ? ['valid', 'same', 'causal'] : ['valid', 'same']);
  checkStridesDilation(who, strides, dilation);
  const groups = resolveGroups(who, x, kernel, options.groups);
  const g = windowGeometry({
    who,
    x,
    spatialRank: rank,
    kernelSize: kernel.shape.slice(0, rank),
    strides,
    dilation,
    padding,
    outChannels: kernel.shape[rank + 1],
    groups,
    wShape: kernel.shape,
  });
  return convApply(x, kernel, g);
}

/**
 * 1-D convolution (cross-correlation, as Keras), channels_last:
 * y[b, t, o] = Σ_{k, c} x[b, t·s + k·d - pad, g(o)·C/G + c] · kernel[k, c, o].
 *
 * x: (batch, steps, in_channels); kernel: (kernel_size, in_channels / groups, filters);
 * returns (batch, new_steps, filters). Differentiable in both arguments.
 *
 * @example
 * conv1d(tensor([[[1], [2], [3], [4]]]), tensor([[[1]], [[-1]]])); // [[[-1], [-1], [-1]]]
 */
export function conv1d(x: TensorLike, kernel: TensorLike, options: ConvOptions = {}): Tensor {
  return convN('conv1d', 1, x, kernel, options);
}

/**
 * 2-D convolution, channels_last:
 * y[b, i, j, o] = Σ_{ki, kj, c} x[b, i·s₀ + ki·d₀ - pad₀, j·s₁ + kj·d₁ - pad₁, c] · kernel[ki, kj, c, o].
 *
 * x: (batch, height, width, in_channels); kernel: (kh, kw, in_channels / groups, filters);
 * returns (batch, new_height, new_width, filters).
 *
 * @example
 * const x = ones([1, 28, 28, 3]);
 * conv2d(x, ones([3, 3, 3, 8]), { padding: 'same', strides: 2 }).shape; // [1, 14, 14, 8]
 */
export function conv2d(x: TensorLike, kernel: TensorLike, options: ConvOptions = {}): Tensor {
  return convN('conv2d', 2, x, kernel, options);
}

/**
 * 3-D convolution, channels_last: the 2-D formula with a depth axis.
 *
 * x: (batch, depth, height, width, in_channels); kernel: (kd, kh, kw, in_channels / groups, filters);
 * returns (batch, new_depth, new_height, new_width, filters).
 *
 * @example
 * conv3d(ones([2, 8, 8, 8, 1]), ones([3, 3, 3, 1, 4])).shape; // [2, 6, 6, 6, 4]
 */
export function conv3d(x: TensorLike, kernel: TensorLike, options: ConvOptions = {}): Tensor {
  return convN('conv3d', 3, x, kernel, options);
}
