import { ShapeError, Tensor, ValueError, show, transpose } from '@strata/tensor';
import { DataFormat } from '../core/data-format';
import { Shape, formatKerasShape } from '../engine/shape';

/** Keras's padding names for windowed layers. */
export type ConvPaddingArg = 'valid' | 'same' | 'causal';

const isCount = (v: unknown, allowZero: boolean): v is number =>
  typeof v === 'number' && Number.isInteger(v) && (allowZero ? v >= 0 : v > 0);

/**
 * Keras's `standardize_tuple`: an integer becomes `n` copies of itself, an array must hold `n`
 * integers; all must be `> 0` (or `>= 0` with `allowZero`). `arg` is the camelCase argument name.
 *
 * @example convTuple(3, 2, 'kernelSize', 'Conv2D'); // [3, 3]
 */
export function convTuple(value: unknown, n: number, arg: string, who: string, allowZero = false): number[] {
  if (isCount(value, allowZero)) return new Array<number>(n).fill(value);
  if (Array.isArray(value) && value.length === n && value.every((v) => isCount(v, allowZero))) return [...value];
  const kind = allowZero ? 'non-negative' : 'positive';
  throw new ValueError(`${who}: ${arg} must be a ${kind} integer or an array of ${n} ${kind} integers, received ${arg}=${show(value)}`);
}

/** A strictly positive integer argument (`filters`, `groups`, `depthMultiplier`). */
export function positiveInt(value: unknown, arg: string, who: string): number {
  if (!isCount(value, false)) throw new ValueError(`${who}: ${arg} must be a positive integer, received ${arg}=${show(value)}`);
  return value;
}

/** Keras's `standardize_padding`: case-insensitive `'valid'`/`'same'`, plus `'causal'` where allowed; lower-cased. */
export function convPadding(value: unknown, who: string, allowCausal: boolean): ConvPaddingArg {
  const allowed = allowCausal ? ['valid', 'same', 'causal'] : ['valid', 'same'];
  const p = typeof value === 'string' ? value.toLowerCase() : value;
  if (typeof p !== 'string' || !allowed.includes(p)) {
    throw new ValueError(`${who}: padding must be one of ${allowed.map((a) => `'${a}'`).join(', ')}, received padding=${show(value)}`);
  }
  return p as ConvPaddingArg;
}

/** Keras rejects `strides > 1` together with `dilationRate > 1`. */
export function checkStridesDilation(strides: number[], dilation: number[], who: string): void {
  if (Math.max(...strides) > 1 && Math.max(...dilation) > 1) {
    throw new ValueError(
      `${who}: strides > 1 is not supported together with dilationRate > 1, received strides=${show(strides)} and dilationRate=${show(dilation)}`,
    );
  }
}

const LAYOUTS: Record<number, string> = {
  1: 'steps',
  2: 'height, width',
  3: 'depth, height, width',
};

/** Throws a `ShapeError` unless `shape` has rank `rank + 2` (the layer's window rank plus batch and channels). */
export function checkSpatialRank(shape: Shape, rank: number, dataFormat: DataFormat, who: string): void {
  if (shape.length !== rank + 2) {
    const axes = dataFormat === 'channels_last' ? `(batch, ${LAYOUTS[rank]}, channels)` : `(batch, channels, ${LAYOUTS[rank]})`;
    throw new ShapeError(`${who}: expected an input of rank ${rank + 2} ${axes}, received shape ${formatKerasShape(shape)}`);
  }
}

/** The channels axis size, which must be known to create weights. */
export function inputChannels(shape: Shape, dataFormat: DataFormat, who: string): number {
  const c = dataFormat === 'channels_last' ? shape[shape.length - 1] : shape[1];
  if (c === null || c === undefined) {
    throw new ShapeError(`${who}: the channels axis of the input must be known, received shape ${formatKerasShape(shape)}`);
  }
  return c;
}

/** The spatial sizes of an input shape in this data format. */
export function spatialOf(shape: Shape, dataFormat: DataFormat): (number | null)[] {
  return dataFormat === 'channels_last' ? shape.slice(1, -1) : shape.slice(2);
}

/** Places spatial sizes and a channel count into a full shape of this data format. */
export function withChannels(batch: number | null, spatial: (number | null)[], channels: number | null, dataFormat: DataFormat): Shape {
  return dataFormat === 'channels_last' ? [batch, ...spatial, channels] : [batch, channels, ...spatial];
}

/**
 * Output length of one axis of a convolution or pooling window, Keras's
 * `compute_conv_output_shape`: 'valid' floor((in - d·(k - 1) - 1) / s) + 1,
 * 'same' and 'causal' floor((in - 1) / s) + 1. `null` stays `null`.
 */
export function windowOutputLength(inLen: number | null, k: number, stride: number, dilation: number, padding: ConvPaddingArg): number | null {
  if (inLen === null) return null;
  if (padding === 'valid') return Math.floor((inLen - dilation * (k - 1) - 1) / stride) + 1;
  return Math.floor((inLen - 1) / stride) + 1;
}

/** What `windowOutputShape` needs to know about a windowed layer. */
export interface WindowArgs {
  rank: number;
  channels: number | null;
  kernelSize: number[];
  strides: number[];
  dilation: number[];
  padding: ConvPaddingArg;
  dataFormat: DataFormat;
}

/**
 * The full output shape of a convolution or pooling layer; throws a `ShapeError` (Keras's
 * `ValueError`) when an output size would be zero or negative.
 */
export function windowOutputShape(inputShape: Shape, a: WindowArgs, who: string): Shape {
  checkSpatialRank(inputShape, a.rank, a.dataFormat, who);
  const spatial = spatialOf(inputShape, a.dataFormat);
  const out = spatial.map((len, i) => windowOutputLength(len, a.kernelSize[i], a.strides[i], a.dilation[i], a.padding));
  if (out.some((d) => d !== null && d <= 0)) {
    throw new ShapeError(
      `${who}: computed output size would be zero or negative, received input shape ${formatKerasShape(inputShape)}, ` +
        `window ${show(a.kernelSize)}, strides=${show(a.strides)}, dilationRate=${show(a.dilation)}, padding='${a.padding}'`,
    );
  }
  return withChannels(inputShape[0], out, a.channels, a.dataFormat);
}

/** `(batch, channels, ...spatial)` → `(batch, ...spatial, channels)`: the ops work channels_last. */
export function toChannelsLast(x: Tensor): Tensor {
  const r = x.rank;
  return transpose(x, [0, ...Array.from({ length: r - 2 }, (_, i) => i + 2), 1]);
}

/** `(batch, ...spatial, channels)` → `(batch, channels, ...spatial)`. */
export function toChannelsFirst(x: Tensor): Tensor {
  const r = x.rank;
  return transpose(x, [0, r - 1, ...Array.from({ length: r - 2 }, (_, i) => i + 1)]);
}
