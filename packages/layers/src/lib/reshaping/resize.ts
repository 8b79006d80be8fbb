import { Tensor, fromData, matmul, reshape } from '@strata/tensor';

/** The kernels of `jax.image.resize` (Keras's JAX backend) that UpSampling2D offers besides `'nearest'`. */
export type ResizeKernel = 'bilinear' | 'bicubic' | 'lanczos3' | 'lanczos5';

const f32 = Math.fround;

function lanczos(radius: number, x: number): number {
  if (x > radius) return 0;
  if (x <= 1e-3) return 1;
  const y = radius * Math.sin(Math.PI * x) * Math.sin((Math.PI * x) / radius);
  return y / (Math.PI * Math.PI * x * x);
}

// Keys' cubic kernel with A = -0.5 (jax's CUBIC, which Keras's 'bicubic' maps to).
function keysCubic(x: number): number {
  if (x >= 2) return 0;
  if (x >= 1) return ((-0.5 * x + 2.5) * x - 4) * x + 2;
  return (1.5 * x - 2.5) * x * x + 1;
}

const KERNELS: Record<ResizeKernel, (x: number) => number> = {
  bilinear: (x) => Math.max(0, 1 - Math.abs(x)),
  bicubic: keysCubic,
  lanczos3: (x) => lanczos(3, x),
  lanczos5: (x) => lanczos(5, x),
};

/**
 * The `(outSize, inSize)` interpolation matrix of `jax.image.resize` without antialiasing
 * (`compute_weight_mat`): output `i` samples the input at `(i + 0.5) * in / out - 0.5` (half-pixel
 * centres), each row's kernel weights are normalized to sum 1 over the input (so edges clamp),
 * and rows whose sample falls outside `[-0.5, in - 0.5]` are zero. Float32 steps, as JAX.
 *
 * @example resizeMatrix(2, 4, 'bilinear'); // rows [1, 0], [0.75, 0.25], [0.25, 0.75], [0, 1]
 */
export function resizeMatrix(inSize: number, outSize: number, kernel: ResizeKernel): Tensor {
  const k = KERNELS[kernel];
  const invScale = f32(1 / (outSize / inSize));
  const w = new Float32Array(outSize * inSize);
  for (let i = 0; i < outSize; i++) {
    const sample = f32(f32(f32(i + 0.5) * invScale) - 0.5);
    const row = w.subarray(i * inSize, (i + 1) * inSize);
    let total = 0;
    for (let j = 0; j < inSize; j++) {
      row[j] = f32(k(f32(Math.abs(f32(sample - j)))));
      total = f32(total + row[j]);
    }
    const inside = sample >= -0.5 && sample <= inSize - 0.5;
    for (let j = 0; j < inSize; j++) {
      row[j] = inside && Math.abs(total) > 1000 * 1.1920928955078125e-7 ? f32(row[j] / total) : 0;
    }
  }
  return fromData(w, [outSize, inSize], 'float32');
}

/**
 * Resizes `x` along one axis to `outSize` entries with {@link resizeMatrix}: one matrix product
 * `W (out, in) · x (before, in, after)`, so the gradient is `Wᵀ · dy` through `matmul`.
 *
 * Shapes: `[...pre, in, ...post]` gives `[...pre, outSize, ...post]`.
 * @example resizeAxis(tensor([[0, 1]]), 1, 4, 'bilinear'); // [[0, 0.25, 0.75, 1]]
 */
export function resizeAxis(x: Tensor, axis: number, outSize: number, kernel: ResizeKernel): Tensor {
  const n = x.shape[axis];
  const before = x.shape.slice(0, axis).reduce((p, d) => p * d, 1);
  const after = x.shape.slice(axis + 1).reduce((p, d) => p * d, 1);
  const y = matmul(resizeMatrix(n, outSize, kernel), reshape(x, [before, n, after]));
  return reshape(y, [...x.shape.slice(0, axis), outSize, ...x.shape.slice(axis + 1)]);
}
