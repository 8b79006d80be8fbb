import { record } from '../autodiff';
import { allocate } from '../dtype';
import { ValueError, show } from '../errors';
import { formatShape, sizeOf, stridesOf } from '../shape';
import { Tensor, TensorLike, asTensor } from '../tensor';
import { gather } from './gather';
import { copyToStrided } from './shape-ops';
import { slice } from './slice';

/** How `pad` fills the border, as `keras.ops.pad`'s `mode`. */
export type PadMode = 'constant' | 'reflect' | 'symmetric';

/** Options of `pad` beyond the constant value. */
export interface PadOptions {
  /** `'constant'` (default) fills with `constantValue`; `'reflect'` mirrors without repeating the edge; `'symmetric'` mirrors repeating it. */
  mode?: PadMode;
  /** Fill value of `'constant'` mode (default 0); Keras rejects it with the other modes. */
  constantValue?: number;
}

const MODES: readonly PadMode[] = ['constant', 'reflect', 'symmetric'];

/**
 * Pads every axis `i` with `paddings[i][0]` entries before and `paddings[i][1]` after.
 * The third argument is the constant fill value, or options choosing the mode: `'reflect'`
 * gives `[3, 2, | 1, 2, 3, | 2, 1]` and `'symmetric'` `[2, 1, | 1, 2, 3, | 3, 2]` (wider pads keep
 * reflecting, as NumPy). Gradient: the interior of `dy` (constant) or the reflected entries
 * summed back (reflect, symmetric).
 *
 * Shapes: `[d0, d1, ...]` gives `[b0 + d0 + a0, b1 + d1 + a1, ...]`.
 * @example
 * pad(tensor([[1, 2]]), [[1, 0], [0, 1]]);                // [[0, 0, 0], [1, 2, 0]]
 * pad(tensor([1, 2, 3]), [[2, 2]], { mode: 'reflect' }); // [3, 2, 1, 2, 3, 2, 1]
 */
export function pad(
  xIn: TensorLike,
  paddings: readonly (readonly number[])[],
  value: number | PadOptions = 0,
): Tensor {
  const x = asTensor(xIn);
  const opts: PadOptions = typeof value === 'number' ? { constantValue: value } : value;
  const mode = opts.mode ?? 'constant';
  if (!MODES.includes(mode)) {
    throw new ValueError(`pad: mode must be one of ${MODES.map((m) => `'${m}'`).join(', ')}, received mode=${show(mode)}`);
  }
  if (mode !== 'constant' && opts.constantValue !== undefined) {
    throw new ValueError(`pad: constantValue can only be given with mode 'constant', received mode=${show(mode)}`);
  }
  if (
    !Array.isArray(paddings) ||
    paddings.length !== x.rank ||
    !paddings.every((p) => Array.isArray(p) && p.length === 2 && p.every((n) => Number.isInteger(n) && n >= 0))
  ) {
    throw new ValueError(
      `pad: paddings must hold one [before, after] pair of non-negative integers per axis of ${formatShape(x.shape)}, ` +
        `received paddings=${show(paddings)}`,
    );
  }
  if (paddings.every((p) => p[0] === 0 && p[1] === 0)) return x;
  if (mode !== 'constant') return padReflect(x, paddings, mode);
  const shape = x.shape.map((d, i) => paddings[i][0] + d + paddings[i][1]);
  const out = allocate(x.dtype, sizeOf(shape));
  const c = opts.constantValue ?? 0;
  if (c !== 0) out.fill(x.dtype === 'bool' ? (c ? 1 : 0) : c);
  const strides = stridesOf(shape);
  const offset = paddings.reduce((o, p, i) => o + p[0] * strides[i], 0);
  copyToStrided(x.data, out, offset, strides, x.shape);
  const y = new Tensor(out, shape, x.dtype);
  return record(y, [x], (dy) => [slice(dy, paddings.map((p) => p[0]), x.shape)]);
}

// Mirrored padding is a gather along each padded axis, so its gradient (the scatter-add of
// gather) sums the reflected entries back onto their sources.
function padReflect(x: Tensor, paddings: readonly (readonly number[])[], mode: PadMode): Tensor {
  let y = x;
  paddings.forEach(([before, after], axis) => {
    if (before === 0 && after === 0) return;
    const n = x.shape[axis];
    if (n === 0) {
      throw new ValueError(
        `pad: mode ${show(mode)} cannot pad axis ${axis} of size 0 in shape ${formatShape(x.shape)}, received paddings=${show(paddings)}`,
      );
    }
    const index = new Int32Array(before + n + after);
    for (let k = 0; k < index.length; k++) index[k] = mirror(k - before, n, mode === 'symmetric');
    y = gather(y, new Tensor(index, [index.length], 'int32'), axis);
  });
  return y;
}

/** The source of position `i` (any integer) of an axis of size `n` extended by reflection. */
function mirror(i: number, n: number, symmetric: boolean): number {
  if (symmetric) {
    const m = (((i % (2 * n)) + 2 * n) % (2 * n));
    return m < n ? m : 2 * n - 1 - m;
  }
  if (n === 1) return 0;
  const period = 2 * (n - 1);
  const m = ((i % period) + period) % period;
  return m < n ? m : period - m;
}
