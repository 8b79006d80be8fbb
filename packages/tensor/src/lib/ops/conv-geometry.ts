import { ShapeError, ValueError, show } from '../errors';
import { formatShape } from '../shape';
import { Tensor, TensorLike, asTensor } from '../tensor';
import { cast } from './elementwise';

/**
 * Where a sliding window reads, for convolution and pooling alike, always as 3 spatial axes
 * (depth, height, width): 1-D and 2-D ops insert leading size-1 axes, which leaves the
 * channels_last data untouched. `x` is the forward input, `y` the forward output.
 */
export interface ConvGeometry {
  readonly batch: number;
  readonly inSize: readonly number[];
  readonly outSize: readonly number[];
  readonly kernelSize: readonly number[];
  readonly strides: readonly number[];
  readonly dilation: readonly number[];
  /** Zeros (or ignored cells, for pooling) before the first input element, per axis. */
  readonly padBefore: readonly number[];
  readonly inChannels: number;
  readonly outChannels: number;
  readonly groups: number;
  /** The user-facing shapes of the forward input, output and kernel. */
  readonly xShape: readonly number[];
  readonly yShape: readonly number[];
  readonly wShape: readonly number[];
}

/** How a window meets the border: Keras's padding names. */
export type ConvPadding = 'valid' | 'same' | 'causal';

const AXIS_NAMES: Record<number, string> = {
  1: '(batch, steps, channels)',
  2: '(batch, height, width, channels)',
  3: '(batch, depth, height, width, channels)',
};

/** The op's input as float32: Keras computes convolutions in the kernel's float dtype. */
export function floatInput(x: TensorLike): Tensor {
  return cast(asTensor(x), 'float32');
}

/** Throws a `ShapeError` unless `x` has rank `spatialRank + 2`. */
export function checkInputRank(who: string, x: Tensor, spatialRank: number, arg = 'x'): void {
  if (x.rank !== spatialRank + 2) {
    throw new ShapeError(
      `${who}: ${arg} must be rank ${spatialRank + 2} ${AXIS_NAMES[spatialRank]}, received shape ${formatShape(x.shape)}`,
    );
  }
}

/**
 * Throws a `ShapeError` unless `kernel` has rank `spatialRank + 2` (`layout` describes it) and
 * a window of positive size.
 */
export function checkKernelRank(who: string, kernel: Tensor, spatialRank: number, layout: string): void {
  if (kernel.rank !== spatialRank + 2) {
    throw new ShapeError(
      `${who}: kernel must be rank ${spatialRank + 2} ${layout}, received shape ${formatShape(kernel.shape)}`,
    );
  }
  if (kernel.shape.slice(0, spatialRank).some((d) => d === 0)) {
    throw new ShapeError(`${who}: kernel's window sizes must be positive, received shape ${formatShape(kernel.shape)}`);
  }
}

/**
 * Expands a number or per-axis array to `rank` integers >= `min` (Keras's `standardize_tuple`);
 * `undefined` gives `fallback`.
 */
export function normalizeTuple(
  who: string,
  arg: string,
  value: number | readonly number[] | undefined,
  rank: number,
  fallback: number | readonly number[],
  min = 1,
): number[] {
  const v = value ?? fallback;
  const list = typeof v === 'number' ? new Array<number>(rank).fill(v) : Array.isArray(v) ? [...v] : null;
  if (!list || list.length !== rank || !list.every((d) => Number.isInteger(d) && d >= min)) {
    const kind = min > 0 ? 'positive' : 'non-negative';
    throw new ValueError(
      `${who}: ${arg} must be a ${kind} integer or an array of ${rank} ${kind} integers, received ${arg}=${show(value)}`,
    );
  }
  return list;
}

/** Lower-cases and checks a padding name against `allowed`, as Keras's `padding.lower()`. */
export function parsePadding(who: string, value: unknown, allowed: readonly ConvPadding[]): ConvPadding {
  const p = typeof value === 'string' ? value.toLowerCase() : value;
  if (!(allowed as readonly unknown[]).includes(p)) {
    throw new ValueError(
      `${who}: padding must be one of ${allowed.map((a) => `'${a}'`).join(', ')}, received padding=${show(value)}`,
    );
  }
  return p as ConvPadding;
}

/** Keras rejects `strides > 1` together with `dilationRate > 1` in its convolution layers. */
export function checkStridesDilation(who: string, strides: readonly number[], dilation: readonly number[]): void {
  if (Math.max(...strides) > 1 && Math.max(...dilation) > 1) {
    throw new ValueError(
      `${who}: strides > 1 is not supported together with dilationRate > 1, received strides=${show(strides)} and dilationRate=${show(dilation)}`,
    );
  }
}

/**
 * Output length and leading padding of one axis, TensorFlow's rule: 'valid' floor((in - k_eff) / s) + 1;
 * 'same' ceil(in / s) with total padding max((out - 1) s + k_eff - in, 0), the smaller half first;
 * 'causal' ceil(in / s) with all k_eff - 1 padding first.
 */
export function axisWindow(
  inLen: number,
  k: number,
  stride: number,
  dilation: number,
  padding: ConvPadding,
): { out: number; padBefore: number } {
  const kEff = (k - 1) * dilation + 1;
  if (padding === 'valid') return { out: Math.max(Math.floor((inLen - kEff) / stride) + 1, 0), padBefore: 0 };
  const out = Math.ceil(inLen / stride);
  if (padding === 'causal') return { out, padBefore: kEff - 1 };
  const total = Math.max((out - 1) * stride + kEff - inLen, 0);
  return { out, padBefore: Math.floor(total / 2) };
}

/** Left-pads a per-axis list to the 3 axes the kernels work on. */
export function to3(values: readonly number[], fill: number): number[] {
  return [...new Array<number>(3 - values.length).fill(fill), ...values];
}

/** What `windowGeometry` needs to know about a forward window op. */
export interface WindowSpec {
  who: string;
  x: Tensor;
  spatialRank: number;
  kernelSize: readonly number[];
  strides: readonly number[];
  dilation: readonly number[];
  padding: ConvPadding;
  outChannels: number;
  groups: number;
  wShape: readonly number[];
}

/**
 * The geometry of a forward window op over `x`. Throws a `ValueError` when the output would be
 * empty for a non-empty input, as Keras does.
 */
export function windowGeometry(s: WindowSpec): ConvGeometry {
  const r = s.spatialRank;
  const spatial = s.x.shape.slice(1, 1 + r);
  const axes = spatial.map((len, i) => axisWindow(len, s.kernelSize[i], s.strides[i], s.dilation[i], s.padding));
  const out = axes.map((a) => a.out);
  if (s.x.size > 0 && out.some((d) => d === 0)) {
    throw new ValueError(
      `${s.who}: the output would be empty; the input is too small for the window, received x shape ${formatShape(s.x.shape)}, ` +
        `window ${show([...s.kernelSize])}, strides=${show([...s.strides])}, dilationRate=${show([...s.dilation])}, padding='${s.padding}'`,
    );
  }
  const batch = s.x.shape[0];
  return {
    batch,
    inSize: to3(spatial, 1),
    outSize: to3(out, 1),
    kernelSize: to3(s.kernelSize, 1),
    strides: to3(s.strides, 1),
    dilation: to3(s.dilation, 1),
    padBefore: to3(axes.map((a) => a.padBefore), 0),
    inChannels: s.x.shape[r + 1],
    outChannels: s.outChannels,
    groups: s.groups,
    xShape: s.x.shape.slice(),
    yShape: [batch, ...out, s.outChannels],
    wShape: s.wShape.slice(),
  };
}

/** Number of output positions (batch times output spatial size): the rows of the im2col matrix. */
export function outRows(g: ConvGeometry): number {
  return g.batch * g.outSize[0] * g.outSize[1] * g.outSize[2];
}

/** Number of input positions (batch times input spatial size). */
export function inRows(g: ConvGeometry): number {
  return g.batch * g.inSize[0] * g.inSize[1] * g.inSize[2];
}

/** Number of kernel taps (product of the window size). */
export function taps(g: ConvGeometry): number {
  return g.kernelSize[0] * g.kernelSize[1] * g.kernelSize[2];
}
