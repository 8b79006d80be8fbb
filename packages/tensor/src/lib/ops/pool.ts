import { record } from '../autodiff';
import { ValueError, show } from '../errors';
import { Tensor, TensorLike } from '../tensor';
import { ConvGeometry, checkInputRank, floatInput, normalizeTuple, parsePadding, windowGeometry } from './conv-geometry';
import { avgPoolBackward, avgPoolForward, maxPoolBackward, maxPoolForward } from './kernels-pool';

/** Options of the pooling ops (`keras.ops.max_pool` / `average_pool` arguments, camelCase). */
export interface PoolOptions {
  /** Window size: one number for every spatial axis or one per axis. */
  poolSize: number | readonly number[];
  /** Step of the window; defaults to `poolSize`. */
  strides?: number | readonly number[];
  /**
   * `'valid'` (default: windows inside the input) or `'same'` (output length ceil(in / stride),
   * TensorFlow's padding split; padded cells are ignored by both max and average).
   */
  padding?: 'valid' | 'same';
}

function poolGeometry(who: string, rank: number, x: Tensor, options: PoolOptions): ConvGeometry {
  checkInputRank(who, x, rank);
  if (options === undefined || options === null || typeof options !== 'object') {
    throw new ValueError(`${who}: options must be an object with a poolSize, received options=${show(options)}`);
  }
  const poolSize = normalizeTuple(who, 'poolSize', options.poolSize, rank, NaN);
  const strides = normalizeTuple(who, 'strides', options.strides, rank, poolSize);
  const padding = parsePadding(who, options.padding ?? 'valid', ['valid', 'same']);
  const channels = x.shape[rank + 1];
  return windowGeometry({
    who,
    x,
    spatialRank: rank,
    kernelSize: poolSize,
    strides,
    dilation: new Array<number>(rank).fill(1),
    padding,
    outChannels: channels,
    groups: 1,
    wShape: [],
  });
}

function maxPoolN(who: string, rank: number, xIn: TensorLike, options: PoolOptions): Tensor {
  const x = floatInput(xIn);
  const g = poolGeometry(who, rank, x, options);
  const y = new Tensor(maxPoolForward(x.data as Float32Array, g), g.yShape, 'float32');
  return record(y, [x], (dy) => [new Tensor(maxPoolBackward(x.data as Float32Array, dy.data as Float32Array, g), g.xShape, 'float32')]);
}

function avgPoolN(who: string, rank: number, xIn: TensorLike, options: PoolOptions): Tensor {
  const x = floatInput(xIn);
  const g = poolGeometry(who, rank, x, options);
  const y = new Tensor(avgPoolForward(x.data as Float32Array, g), g.yShape, 'float32');
  return record(y, [x], (dy) => [new Tensor(avgPoolBackward(dy.data as Float32Array, g), g.xShape, 'float32')]);
}

/**
 * 1-D max pooling, channels_last: y[b, t, c] = max_{k < poolSize} x[b, t·s + k - pad, c].
 * x: (batch, steps, channels) → (batch, new_steps, channels). The gradient flows to the first
 * maximal element of each window.
 *
 * @example
 * maxPool1d(tensor([[[1], [3], [2], [0]]]), { poolSize: 2 }); // [[[3], [2]]]
 */
export function maxPool1d(x: TensorLike, options: PoolOptions): Tensor {
  return maxPoolN('maxPool1d', 1, x, options);
}

/**
 * 2-D max pooling over (height, width), channels_last. x: (batch, h, w, channels).
 * @example maxPool2d(ones([1, 28, 28, 8]), { poolSize: 2 }).shape; // [1, 14, 14, 8]
 */
export function maxPool2d(x: TensorLike, options: PoolOptions): Tensor {
  return maxPoolN('maxPool2d', 2, x, options);
}

/**
 * 3-D max pooling over (depth, height, width), channels_last. x: (batch, d, h, w, channels).
 * @example maxPool3d(ones([1, 4, 4, 4, 2]), { poolSize: 2 }).shape; // [1, 2, 2, 2, 2]
 */
export function maxPool3d(x: TensorLike, options: PoolOptions): Tensor {
  return maxPoolN('maxPool3d', 3, x, options);
}

/**
 * 1-D average pooling, channels_last: the mean of each window's cells inside the input (with
 * 'same' padding the border windows divide by their count of real cells, as Keras).
 *
 * @example
 * avgPool1d(tensor([[[1], [3], [2]]]), { poolSize: 2, strides: 2, padding: 'same' }); // [[[2], [2]]]
 */
export function avgPool1d(x: TensorLike, options: PoolOptions): Tensor {
  return avgPoolN('avgPool1d', 1, x, options);
}

/**
 * 2-D average pooling over (height, width), channels_last. x: (batch, h, w, channels).
 * @example avgPool2d(tensor([[[[1], [2]], [[3], [4]]]]), { poolSize: 2 }); // [[[[2.5]]]]
 */
export function avgPool2d(x: TensorLike, options: PoolOptions): Tensor {
  return avgPoolN('avgPool2d', 2, x, options);
}

/**
 * 3-D average pooling over (depth, height, width), channels_last. x: (batch, d, h, w, channels).
 * @example avgPool3d(ones([1, 4, 4, 4, 2]), { poolSize: 2 }).shape; // [1, 2, 2, 2, 2]
 */
export function avgPool3d(x: TensorLike, options: PoolOptions): Tensor {
  return avgPoolN('avgPool3d', 3, x, options);
}
