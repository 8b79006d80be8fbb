import { ValueError, show } from '@strata/tensor';

const isCount = (v: unknown, allowZero: boolean): v is number =>
  typeof v === 'number' && Number.isInteger(v) && (allowZero ? v >= 0 : v > 0);

/**
 * Keras's `standardize_tuple`: an integer becomes `n` copies of itself, an array must hold `n`
 * integers; all must be `>= 0` (`allowZero`) or `> 0`.
 *
 * @example intTuple(2, 3, 'size', 'UpSampling3D'); // [2, 2, 2]
 */
export function intTuple(value: unknown, n: number, arg: string, who: string, allowZero = false): number[] {
  const kind = allowZero ? 'non-negative' : 'positive';
  if (isCount(value, allowZero)) return new Array<number>(n).fill(value);
  if (Array.isArray(value) && value.length === n && value.every((v) => isCount(v, allowZero))) return [...value];
  throw new ValueError(`${who}: ${arg} must be a ${kind} integer or an array of ${n} ${kind} integers, received ${arg}=${show(value)}`);
}

/**
 * The `(before, after)` pairs of ZeroPadding2D/3D and Cropping2D/3D: an integer pads (crops)
 * every side alike, an array holds one entry per spatial axis, each an integer (both sides) or
 * a `[before, after]` pair. All non-negative.
 *
 * @example pairsArg([1, [2, 3]], 2, 'padding', 'ZeroPadding2D'); // [[1, 1], [2, 3]]
 */
export function pairsArg(value: unknown, n: number, arg: string, who: string): [number, number][] {
  const pair = (v: unknown): [number, number] | null => {
    if (isCount(v, true)) return [v, v];
    if (Array.isArray(v) && v.length === 2 && v.every((x) => isCount(x, true))) return [v[0], v[1]];
    return null;
  };
  if (isCount(value, true)) return new Array(n).fill(0).map(() => [value, value]);
  const pairs = Array.isArray(value) && value.length === n ? value.map(pair) : null;
  if (!pairs || pairs.some((p) => p === null)) {
    throw new ValueError(
      `${who}: ${arg} must be a non-negative integer or an array of ${n} entries, each a non-negative integer or a ` +
        `[before, after] pair of them, received ${arg}=${show(value)}`,
    );
  }
  return pairs as [number, number][];
}

/**
 * The spatial axes (batch axis counted) of a `rank`-D input in this data format.
 * @example spatialAxes(4, false); // [1, 2]; spatialAxes(4, true) is [2, 3]
 */
export function spatialAxes(rank: number, channelsFirst: boolean): number[] {
  return Array.from({ length: rank - 2 }, (_, i) => (channelsFirst ? i + 2 : i + 1));
}
