import { ShapeError } from '../errors';
import { formatShape } from '../shape';
import { Tensor, TensorLike } from '../tensor';
import { convApply } from './conv-core';
import { checkInputRank, checkKernelRank, floatInput, normalizeTuple, parsePadding, windowGeometry } from './conv-geometry';
import { reshape } from './shape-ops';

/** Options of `depthwiseConv1d` and `depthwiseConv2d` (`keras.ops.depthwise_conv`). */
export interface DepthwiseConvOptions {
  /** Step of the window per spatial axis. Default 1. */
  strides?: number | readonly number[];
  /** `'valid'` (default) or `'same'` (TensorFlow's split, smaller half first). */
  padding?: 'valid' | 'same';
  /** Spacing between kernel taps. Default 1. */
  dilationRate?: number | readonly number[];
}

const LAYOUT: Record<number, string> = {
  1: '(kernel_size, in_channels, depth_multiplier)',
  2: '(kernel_height, kernel_width, in_channels, depth_multiplier)',
};

function depthwiseN(who: string, rank: number, xIn: TensorLike, kernelIn: TensorLike, options: DepthwiseConvOptions): Tensor {
  const x = floatInput(xIn);
  const kernel = floatInput(kernelIn);
  checkInputRank(who, x, rank);
  checkKernelRank(who, kernel, rank, LAYOUT[rank]);
  const strides = normalizeTuple(who, 'strides', options.strides, rank, 1);
  const dilation = normalizeTuple(who, 'dilationRate', options.dilationRate, rank, 1);
  const padding = parsePadding(who, options.padding ?? 'valid', ['valid', 'same']);
  const channels = x.shape[rank + 1];
  if (kernel.shape[rank] !== channels) {
    throw new ShapeError(
      `${who}: kernel.shape[-2] must equal x's channels, received x shape ${formatShape(x.shape)} and kernel shape ${formatShape(kernel.shape)}`,
    );
  }
  const window = kernel.shape.slice(0, rank);
  // Keras's own reduction: a grouped convolution with one group per input channel.
  const w = reshape(kernel, [...window, 1, channels * kernel.shape[rank + 1]]);
  const g = windowGeometry({
    who,
    x,
    spatialRank: rank,
    kernelSize: window,
    strides,
    dilation,
    padding,
    outChannels: w.shape[rank + 1],
    groups: Math.max(channels, 1),
    wShape: w.shape,
  });
  return convApply(x, w, g);
}

/**
 * 1-D depthwise convolution: each input channel c is convolved with its own `depth_multiplier`
 * filters, y[b, t, c·M + m] = Σ_k x[b, t·s + k·d - pad, c] · kernel[k, c, m].
 *
 * x: (batch, steps, channels); kernel: (kernel_size, channels, M); returns (batch, new_steps, channels·M).
 *
 * @example
 * depthwiseConv1d(tensor([[[1, 10], [2, 20]]]), tensor([[[1], [1]], [[1], [-1]]])); // [[[3, -10]]]
 */
export function depthwiseConv1d(x: TensorLike, kernel: TensorLike, options: DepthwiseConvOptions = {}): Tensor {
  return depthwiseN('depthwiseConv1d', 1, x, kernel, options);
}

/**
 * 2-D depthwise convolution: y[b, i, j, c·M + m] = Σ_{ki, kj} x[b, i·s₀ + ki·d₀ - pad₀, j·s₁ + kj·d₁ - pad₁, c] · kernel[ki, kj, c, m].
 *
 * x: (batch, h, w, channels); kernel: (kh, kw, channels, M); returns (batch, new_h, new_w, channels·M).
 *
 * @example
 * depthwiseConv2d(ones([1, 5, 5, 3]), ones([3, 3, 3, 2]), { padding: 'same' }).shape; // [1, 5, 5, 6]
 */
export function depthwiseConv2d(x: TensorLike, kernel: TensorLike, options: DepthwiseConvOptions = {}): Tensor {
  return depthwiseN('depthwiseConv2d', 2, x, kernel, options);
}
