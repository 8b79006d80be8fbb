import { ShapeError, ValueError, show } from '../errors';
import { formatShape } from '../shape';
import { Tensor, TensorLike } from '../tensor';
import { convBackInput } from './conv-core';
import {
  ConvGeometry,
  checkInputRank,
  checkKernelRank,
  checkStridesDilation,
  floatInput,
  normalizeTuple,
  parsePadding,
  to3,
} from './conv-geometry';

/** Options of `conv1dTranspose`, `conv2dTranspose`, `conv3dTranspose` (`keras.ops.conv_transpose`). */
export interface ConvTransposeOptions {
  /** Upsampling step per spatial axis. Default 1. */
  strides?: number | readonly number[];
  /** `'valid'` (default) or `'same'`: which forward convolution this op is the transpose of. */
  padding?: 'valid' | 'same';
  /** Spacing between kernel taps. Default 1. Not allowed with strides > 1. */
  dilationRate?: number | readonly number[];
  /**
   * Extra output length per axis, each below its stride. Default: inferred, giving
   * (in - 1)·s + max(k_eff, s) for 'valid' and in·s for 'same'.
   */
  outputPadding?: number | readonly number[];
}

const LAYOUT: Record<number, string> = {
  1: '(kernel_size, filters, in_channels)',
  2: '(kernel_height, kernel_width, filters, in_channels)',
  3: '(kernel_depth, kernel_height, kernel_width, filters, in_channels)',
};

/**
 * Keras's padding of one axis for JAX's conv_transpose (backend_utils
 * `_convert_conv_transpose_padding_args_from_keras_to_jax`): the padding of the stride-dilated input.
 */
function jaxPads(k: number, s: number, d: number, padding: 'valid' | 'same', outPad: number | null): [number, number] {
  const kEff = (k - 1) * d + 1;
  if (padding === 'valid') {
    const op = outPad ?? Math.max(kEff, s) - kEff;
    return [kEff - 1, kEff - 1 + op];
  }
  const padLen = outPad === null ? s + kEff - 2 : kEff + (kEff % 2) - 2 + outPad;
  const left = Math.min(Math.floor(padLen / 2) + (padLen % 2), kEff - 1);
  return [left, padLen - left];
}

function convTransposeN(who: string, rank: number, xIn: TensorLike, kernelIn: TensorLike, options: ConvTransposeOptions): Tensor {
  const x = floatInput(xIn);
  const kernel = floatInput(kernelIn);
  checkInputRank(who, x, rank);
  checkKernelRank(who, kernel, rank, LAYOUT[rank]);
  const strides = normalizeTuple(who, 'strides', options.strides, rank, 1);
  const dilation = normalizeTuple(who, 'dilationRate', options.dilationRate, rank, 1);
  const padding = parsePadding(who, options.padding ?? 'valid', ['valid', 'same']) as 'valid' | 'same';
  checkStridesDilation(who, strides, dilation);
  const outPad =
    options.outputPadding === undefined ? null : normalizeTuple(who, 'outputPadding', options.outputPadding, rank, 0, 0);
  if (outPad && outPad.some((p, i) => p >= strides[i])) {
    throw new ValueError(
      `${who}: outputPadding must be smaller than strides on every axis, received outputPadding=${show(outPad)} and strides=${show(strides)}`,
    );
  }
  const cin = x.shape[rank + 1];
  if (kernel.shape[rank + 1] !== cin) {
    throw new ShapeError(
      `${who}: kernel.shape[-1] must equal x's channels, received x shape ${formatShape(x.shape)} and kernel shape ${formatShape(kernel.shape)}`,
    );
  }
  const filters = kernel.shape[rank];
  const inLen = x.shape.slice(1, rank + 1);
  const kernelSize = kernel.shape.slice(0, rank);
  const outLen: number[] = [];
  const padBefore: number[] = [];
  for (let i = 0; i < rank; i++) {
    const kEff = (kernelSize[i] - 1) * dilation[i] + 1;
    const [left, right] = jaxPads(kernelSize[i], strides[i], dilation[i], padding, outPad ? outPad[i] : null);
    outLen.push(Math.max((inLen[i] - 1) * strides[i] + left + right - kEff + 2, 0));
    // The forward convolution whose input gradient this is reads its input from kEff - 1 - left.
    padBefore.push(kEff - 1 - left);
  }
  const batch = x.shape[0];
  // Forward roles: input (batch, outLen, filters) -> output x's shape, kernel (k, filters, cin).
  const g: ConvGeometry = {
    batch,
    inSize: to3(outLen, 1),
    outSize: to3(inLen, 1),
    kernelSize: to3(kernelSize, 1),
    strides: to3(strides, 1),
    dilation: to3(dilation, 1),
    padBefore: to3(padBefore, 0),
    inChannels: filters,
    outChannels: cin,
    groups: 1,
    xShape: [batch, ...outLen, filters],
    yShape: x.shape.slice(),
    wShape: kernel.shape.slice(),
  };
  return convBackInput(x, kernel, g);
}

/**
 * 1-D transposed convolution (the input gradient of `conv1d`), channels_last.
 *
 * x: (batch, steps, in_channels); kernel: (kernel_size, filters, in_channels) (Keras's
 * Conv1DTranspose layout); returns (batch, new_steps, filters) with new_steps from Keras's
 * `deconv_output_length` rule: 'valid' (in - 1)·s + k_eff + outputPadding, 'same' in·s (or
 * (in - 1)·s + k_eff mod 2 + outputPadding when given). Groups are not supported, as in Keras.
 *
 * @example
 * conv1dTranspose(tensor([[[1], [2]]]), tensor([[[1]], [[10]]]), { strides: 2 }); // [[[1], [10], [2], [20]]]
 */
export function conv1dTranspose(x: TensorLike, kernel: TensorLike, options: ConvTransposeOptions = {}): Tensor {
  return convTransposeN('conv1dTranspose', 1, x, kernel, options);
}

/**
 * 2-D transposed convolution, channels_last. x: (batch, h, w, in_channels); kernel:
 * (kh, kw, filters, in_channels); returns (batch, new_h, new_w, filters).
 *
 * @example
 * conv2dTranspose(ones([1, 7, 7, 16]), ones([3, 3, 8, 16]), { strides: 2, padding: 'same' }).shape; // [1, 14, 14, 8]
 */
export function conv2dTranspose(x: TensorLike, kernel: TensorLike, options: ConvTransposeOptions = {}): Tensor {
  return convTransposeN('conv2dTranspose', 2, x, kernel, options);
}

/**
 * 3-D transposed convolution, channels_last. x: (batch, d, h, w, in_channels); kernel:
 * (kd, kh, kw, filters, in_channels); returns (batch, new_d, new_h, new_w, filters).
 *
 * @example
 * conv3dTranspose(ones([1, 4, 4, 4, 2]), ones([2, 2, 2, 3, 2]), { strides: 2 }).shape; // [1, 8, 8, 8, 3]
 */
export function conv3dTranspose(x: TensorLike, kernel: TensorLike, options: ConvTransposeOptions = {}): Tensor {
  return convTransposeN('conv3dTranspose', 3, x, kernel, options);
}
