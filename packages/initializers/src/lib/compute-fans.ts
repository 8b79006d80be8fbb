import { ValueError, show } from '@strata/tensor';

/** `fanIn` and `fanOut` of a weight shape, as `keras.initializers.compute_fans` returns them. */
export interface Fans {
  fanIn: number;
  fanOut: number;
}

/**
 * The number of input and output units of a weight of `shape` (Keras's `compute_fans`).
 *
 * - rank 0: `fanIn = fanOut = 1`; rank 1: both `shape[0]`; rank 2 `[in, out]`: `shape[0]`, `shape[1]`;
 * - rank ≥ 3, a convolution kernel `[...spatial, inChannels, outChannels]`: with
 *   `receptive = prod(spatial)`, `fanIn = inChannels * receptive`, `fanOut = outChannels * receptive`.
 * - When both `inputAxes` and `outputAxes` are given, `fanIn` is the product of the sizes on
 *   `inputAxes` and `fanOut` that on `outputAxes` (negative axes count from the end); when only
 *   one is given, it is ignored, as in Keras.
 *
 * @example
 * computeFans([3, 3, 16, 32]); // { fanIn: 144, fanOut: 288 }
 * computeFans([3, 4, 5], [0, 1], [-1]); // { fanIn: 12, fanOut: 5 }
 */
export function computeFans(
  shape: readonly number[],
  inputAxes?: readonly number[] | null,
  outputAxes?: readonly number[] | null,
): Fans {
  if (inputAxes && outputAxes) {
    return { fanIn: productOver(shape, inputAxes, 'input_axes'), fanOut: productOver(shape, outputAxes, 'output_axes') };
  }
  const rank = shape.length;
  if (rank === 0) return { fanIn: 1, fanOut: 1 };
  if (rank === 1) return { fanIn: shape[0], fanOut: shape[0] };
  if (rank === 2) return { fanIn: shape[0], fanOut: shape[1] };
  let receptive = 1;
  for (const d of shape.slice(0, -2)) receptive *= d;
  return { fanIn: shape[rank - 2] * receptive, fanOut: shape[rank - 1] * receptive };
}

function productOver(shape: readonly number[], axes: readonly number[], arg: string): number {
  let n = 1;
  for (const axis of axes) {
    // Python's shape[axis]: negative axes count from the end, anything else out of range is an error.
    if (!Number.isInteger(axis) || axis < -shape.length || axis >= shape.length) {
      throw new ValueError(
        `computeFans: ${arg} must hold axes in [${-shape.length}, ${shape.length - 1}] for shape ${show([...shape])}, received ${arg}=${show([...axes])}`,
      );
    }
    n *= shape[axis < 0 ? axis + shape.length : axis];
  }
  return n;
}
