import { ShapeError, Tensor, TensorLike, formatShape, normalizeAxis, record, show } from '@strata/tensor';
import { checkOptions, floatInput, gradLike, sigmoidOf, sigmoidSlope } from './fused';

/**
 * Gated linear unit: splits `x` in two halves `a` and `b` along `axis` (default -1) and returns
 * `a * sigmoid(b)`. Shape `[..., 2n, ...]` in, `[..., n, ...]` out.
 *
 * @example
 * glu(tensor([[1, 2, 0, 100]])); // [[0.5, 2]]
 */
export function glu(xIn: TensorLike, options?: { axis?: number }): Tensor {
  checkOptions('glu', options, ['axis']);
  const x = floatInput(xIn);
  const rawAxis = options?.axis === undefined ? -1 : options.axis;
  const axis = normalizeAxis(rawAxis, x.rank, 'glu');
  const size = x.shape[axis];
  if (size % 2 !== 0) {
    throw new ShapeError(
      `glu: the size of axis must be divisible by 2, received x.shape=${formatShape(x.shape)} with axis=${show(rawAxis)}`,
    );
  }
  const half = size / 2;
  const inner = x.shape.slice(axis + 1).reduce((p, d) => p * d, 1);
  const outer = x.shape.slice(0, axis).reduce((p, d) => p * d, 1);
  const block = half * inner;
  const xs = x.data as Float32Array;
  const ys = new Float32Array(outer * block);
  for (let o = 0; o < outer; o++) {
    const a = 2 * o * block;
    const y = o * block;
    for (let k = 0; k < block; k++) ys[y + k] = xs[a + k] * sigmoidOf(xs[a + block + k]);
  }
  const shape = x.shape.slice();
  shape[axis] = half;
  const out = new Tensor(ys, shape, 'float32');
  return record(out, [x], (dyIn) => {
    const dy = gradLike(dyIn, out).data;
    const dx = new Float32Array(x.size);
    for (let o = 0; o < outer; o++) {
      const a = 2 * o * block;
      const y = o * block;
      for (let k = 0; k < block; k++) {
        const b = xs[a + block + k];
        const g = dy[y + k];
        dx[a + k] = g * sigmoidOf(b);
        dx[a + block + k] = g * xs[a + k] * sigmoidSlope(b);
      }
    }
    return [new Tensor(dx, x.shape, 'float32')];
  });
}
