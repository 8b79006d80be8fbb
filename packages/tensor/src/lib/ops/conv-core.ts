import { record } from '../autodiff';
import { Tensor } from '../tensor';
import { ConvGeometry } from './conv-geometry';
import { convForward, convInputGrad, convKernelGrad } from './kernels-conv';

// The forward convolution F(x, w), its input gradient Bi(dy, w) and its kernel gradient
// Bk(x, dy) are bilinear and each one's gradients are the other two, so the three close under
// differentiation: transposed convolution is Bi, and it is differentiable for free.

/** F(x, w): the forward convolution of `g` (x: g.xShape, w: g.wShape) → g.yShape. */
export function convApply(x: Tensor, w: Tensor, g: ConvGeometry): Tensor {
  const y = new Tensor(convForward(x.data as Float32Array, w.data as Float32Array, g), g.yShape, 'float32');
  return record(y, [x, w], (dy) => [convBackInput(dy, w, g), convBackKernel(x, dy, g)]);
}

/** Bi(dy, w) = dF/dx applied to dy: g.yShape, g.wShape → g.xShape. */
export function convBackInput(dy: Tensor, w: Tensor, g: ConvGeometry): Tensor {
  const dx = new Tensor(convInputGrad(dy.data as Float32Array, w.data as Float32Array, g), g.xShape, 'float32');
  return record(dx, [dy, w], (gx) => [convApply(gx, w, g), convBackKernel(gx, dy, g)]);
}

/** Bk(x, dy) = dF/dw applied to dy: g.xShape, g.yShape → g.wShape. */
export function convBackKernel(x: Tensor, dy: Tensor, g: ConvGeometry): Tensor {
  const dw = new Tensor(convKernelGrad(x.data as Float32Array, dy.data as Float32Array, g), g.wShape, 'float32');
  return record(dw, [x, dy], (gw) => [convBackInput(dy, gw, g), convApply(x, gw, g)]);
}
