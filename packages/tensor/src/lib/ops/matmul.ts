import { record } from '../autodiff';
import { DTypeError, ShapeError, ValueError, show } from '../errors';
import { broadcastStrides, formatShape, sizeOf } from '../shape';
import { Tensor, TensorLike, asTensor } from '../tensor';
import { cast, reduceTo } from './elementwise';
import { gemm } from './kernels-matmul';
import { reshape } from './shape-ops';

/** Options of {@link matmul}. */
export interface MatmulOptions {
  /** Multiply by the transpose of `a`'s last two axes (ignored when `a` is a vector). Default false. */
  transposeA?: boolean;
  /** Multiply by the transpose of `b`'s last two axes (ignored when `b` is a vector). Default false. */
  transposeB?: boolean;
}

function checkFlag(value: unknown, name: string): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw new ValueError(`matmul: ${name} must be a boolean, received ${name}=${show(value)}`);
  return value;
}

function toFloat(x: Tensor): Tensor {
  if (x.dtype === 'bool') {
    throw new DTypeError(`matmul: inputs must be float32 or int32 tensors, received dtype='bool'`);
  }
  return cast(x, 'float32');
}

/**
 * Matrix product with NumPy / Keras `ops.matmul` semantics, on the last two axes.
 *
 * `y[..., i, j] = Σ_p op(a)[..., i, p] · op(b)[..., p, j]`, where `op` transposes the last two
 * axes when the matching `transpose*` option is set.
 *
 * Shapes: `a` is `[...batchA, m, k]` (`[...batchA, k, m]` with `transposeA`), `b` is
 * `[...batchB, k, n]` (`[...batchB, n, k]` with `transposeB`); the result is
 * `[...broadcast(batchA, batchB), m, n]`. A rank-1 `a` of shape `[k]` acts as `[1, k]` and a
 * rank-1 `b` as `[k, 1]`; the added axis is removed from the result, so vector · vector is a
 * scalar. The transpose options do not apply to vectors.
 *
 * The result is float32. Unlike Keras, int32 inputs are converted to float32 (exact while
 * every partial sum stays below 2^24) and the result stays float32; bool inputs are rejected.
 * Gradients: `dA = dY · op(B)ᵀ`, `dB = op(A)ᵀ · dY`, summed over broadcast batch axes.
 *
 * @throws ShapeError when an operand is a scalar, the inner dimensions differ, or the batch
 *   dimensions do not broadcast.
 * @throws DTypeError for bool inputs. @throws ValueError for non-boolean options.
 *
 * @example
 * matmul(tensor([[1, 2], [3, 4]]), tensor([[5, 6], [7, 8]])); // [[19, 22], [43, 50]]
 * matmul(tensor([1, 2]), tensor([3, 4]));                       // scalar 11
 * matmul(zeros([2, 1, 3, 4]), zeros([5, 4, 6])).shape;          // [2, 5, 3, 6]
 * matmul(x, w, { transposeB: true });                           // x · wᵀ
 */
export function matmul(aIn: TensorLike, bIn: TensorLike, options: MatmulOptions = {}): Tensor {
  const a0 = asTensor(aIn);
  const b0 = asTensor(bIn);
  const tA = checkFlag(options.transposeA, 'transposeA');
  const tB = checkFlag(options.transposeB, 'transposeB');
  const shapes = `received shapes ${formatShape(a0.shape)} and ${formatShape(b0.shape)}`;
  if (a0.rank === 0 || b0.rank === 0) {
    throw new ShapeError(`matmul: both operands must have rank >= 1 (scalars are not allowed), ${shapes}`);
  }
  const a = toFloat(a0);
  const b = toFloat(b0);
  const kA = a.rank === 1 ? a.shape[0] : a.shape[a.rank - (tA ? 2 : 1)];
  const kB = b.rank === 1 ? b.shape[0] : b.shape[b.rank - (tB ? 1 : 2)];
  if (kA !== kB) {
    const flags = [tA && 'transposeA=true', tB && 'transposeB=true'].filter(Boolean).join(', ');
    throw new ShapeError(`matmul: inner dimensions must match, ${shapes}${flags ? ` with ${flags}` : ''}`);
  }
  const batchA = a.shape.slice(0, -2);
  const batchB = b.shape.slice(0, -2);
  const batch = broadcastBatch(batchA, batchB, shapes);
  // Vectors become matrices through reshape, which carries their gradients back.
  const a2 = a.rank === 1 ? reshape(a, [1, kA]) : a;
  const b2 = b.rank === 1 ? reshape(b, [kB, 1]) : b;
  const y = matmul2(a2, b2, a.rank === 1 ? false : tA, b.rank === 1 ? false : tB, batch);
  if (a.rank > 1 && b.rank > 1) return y;
  const out = y.shape.slice(0, -2);
  if (a.rank > 1) out.push(y.shape[y.rank - 2]);
  if (b.rank > 1) out.push(y.shape[y.rank - 1]);
  return reshape(y, out);
}

function broadcastBatch(x: readonly number[], y: readonly number[], shapes: string): number[] {
  const r = Math.max(x.length, y.length);
  const out = new Array<number>(r);
  for (let i = 0; i < r; i++) {
    const dx = x[x.length - r + i] ?? 1;
    const dy = y[y.length - r + i] ?? 1;
    if (dx !== dy && dx !== 1 && dy !== 1) {
      throw new ShapeError(`matmul: batch dimensions must be broadcastable, ${shapes}`);
    }
    out[i] = dx === 1 ? dy : dx;
  }
  return out;
}

/** The batched product of two float32 tensors of rank >= 2, recorded for autodiff. */
function matmul2(a: Tensor, b: Tensor, tA: boolean, tB: boolean, batch: readonly number[]): Tensor {
  const ra = a.rank;
  const rb = b.rank;
  const m = a.shape[ra - (tA ? 1 : 2)];
  const k = a.shape[ra - (tA ? 2 : 1)];
  const n = b.shape[rb - (tB ? 2 : 1)];
  const count = sizeOf(batch);
  const out = new Float32Array(count * m * n);
  const ad = a.data as Float32Array;
  const bd = b.data as Float32Array;
  // A single matrix b (a Dense kernel applied to a batch of sequences, say) needs no per-batch
  // loop: the batch of a stacks into one tall matrix.
  const fold = rb === 2 && !tA;
  if (count === 1 || (fold && count > 0)) {
    gemm(count * m, n, k, ad, 0, tA, bd, 0, tB, out, 0);
  } else if (count > 0) {
    // Offsets, in matrices, of each batch entry; 0 strides repeat a broadcast operand.
    const sA = broadcastStrides(a.shape.slice(0, -2), batch);
    const sB = broadcastStrides(b.shape.slice(0, -2), batch);
    const idx = new Array<number>(batch.length).fill(0);
    let oA = 0;
    let oB = 0;
    for (let t = 0; t < count; t++) {
      gemm(m, n, k, ad, oA * m * k, tA, bd, oB * k * n, tB, out, t * m * n);
      for (let d = batch.length - 1; d >= 0; d--) {
        idx[d]++;
        oA += sA[d];
        oB += sB[d];
        if (idx[d] < batch[d]) break;
        oA -= sA[d] * batch[d];
        oB -= sB[d] * batch[d];
        idx[d] = 0;
      }
    }
  }
  const y = new Tensor(out, [...batch, m, n], 'float32');
  return record(y, [a, b], (dy) => {
    const dA = tA ? matmul(b, dy, { transposeA: tB, transposeB: true }) : matmul(dy, b, { transposeB: !tB });
    let dB: Tensor;
    if (fold && ra > 2) {
      // Summing the per-batch products over the batch is one product over the stacked rows.
      const a2 = reshape(a, [-1, k]);
      const dy2 = reshape(dy, [-1, n]);
      dB = tB ? matmul(dy2, a2, { transposeA: true }) : matmul(a2, dy2, { transposeA: true });
    } else {
      dB = tB ? matmul(dy, a, { transposeA: true, transposeB: tA }) : matmul(a, dy, { transposeA: !tA });
    }
    return [reduceTo(dA, a.shape), reduceTo(dB, b.shape)];
  });
}
