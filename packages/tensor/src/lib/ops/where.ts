import { record } from '../autodiff';
import { TypedArray, allocate, upcast } from '../dtype';
import { broadcastShapes, broadcastStrides, sameShape, sizeOf } from '../shape';
import { Tensor, TensorLike, asTensor } from '../tensor';
import { weakOperand } from './compare';
import { reduceTo } from './elementwise';

/** Picks `a[i]` where `c[i]` is non-zero, else `b[i]`, over three inputs broadcast to `shape`. */
function select(c: Tensor, a: Tensor, b: Tensor, shape: readonly number[], out: TypedArray): void {
  const n = out.length;
  const cd = c.data;
  const ad = a.data;
  const bd = b.data;
  if (sameShape(c.shape, shape) && sameShape(a.shape, shape) && sameShape(b.shape, shape)) {
    for (let i = 0; i < n; i++) out[i] = cd[i] !== 0 ? ad[i] : bd[i];
    return;
  }
  const r = shape.length;
  if (n === 0) return;
  if (r === 0) {
    out[0] = cd[0] !== 0 ? ad[0] : bd[0];
    return;
  }
  const sc = broadcastStrides(c.shape, shape);
  const sa = broadcastStrides(a.shape, shape);
  const sb = broadcastStrides(b.shape, shape);
  const inner = shape[r - 1];
  const idx = new Array<number>(r).fill(0);
  let oc = 0;
  let oa = 0;
  let ob = 0;
  for (let o = 0; o < n; o += inner) {
    for (let j = 0, pc = oc, pa = oa, pb = ob; j < inner; j++, pc += sc[r - 1], pa += sa[r - 1], pb += sb[r - 1]) {
      out[o + j] = cd[pc] !== 0 ? ad[pa] : bd[pb];
    }
    for (let k = r - 2; k >= 0; k--) {
      idx[k]++;
      oc += sc[k];
      oa += sa[k];
      ob += sb[k];
      if (idx[k] < shape[k]) break;
      oc -= sc[k] * shape[k];
      oa -= sa[k] * shape[k];
      ob -= sb[k] * shape[k];
      idx[k] = 0;
    }
  }
}

/**
 * `a` where `condition` is true (non-zero), else `b`, with NumPy broadcasting of all three;
 * the dtype is the promotion of `a` and `b` (plain numbers are weakly typed, as in `add`). The gradient flows to `a` where the condition
 * holds and to `b` elsewhere, summed back to each input's shape.
 *
 * Shapes: `broadcast(condition, a, b)`.
 * @example where(tensor([true, false]), tensor([1, 2]), 0); // [1, 0]
 */
export function where(condition: TensorLike, a: TensorLike, b: TensorLike): Tensor {
  const c = asTensor(condition);
  const x = weakOperand(a, b);
  const y = weakOperand(b, a);
  const shape = broadcastShapes(broadcastShapes(c.shape, x.shape, 'where'), y.shape, 'where');
  const dtype = upcast(x.dtype, y.dtype);
  const out = allocate(dtype, sizeOf(shape));
  select(c, x, y, shape, out);
  const result = new Tensor(out, shape, dtype);
  if (dtype !== 'float32') return result;
  return record(result, [x, y], (dy) => [
    reduceTo(where(c, dy, 0), x.shape),
    reduceTo(where(c, 0, dy), y.shape),
  ]);
}
