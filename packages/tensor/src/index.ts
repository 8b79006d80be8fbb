// @strata/tensor: the public entry. Every export is listed by name.
export { StrataError, ShapeError, ValueError, DTypeError } from './lib/errors';
export type { DType, TypedArray } from './lib/dtype';
export { formatShape, sizeOf, broadcastShapes } from './lib/shape';
export { Tensor, tensor } from './lib/tensor';
export type { NestedArray, TensorLike } from './lib/tensor';
export { Variable } from './lib/variable';
export type { VariableOptions } from './lib/variable';
export { grad, grads, valueAndGrad, valueAndGrads, variableGrads, noGrad } from './lib/autodiff';
export { cast } from './lib/ops/elementwise';
export { add, sub, mul, div, neg } from './lib/ops/arithmetic';
export { full, zeros, ones, zerosLike, onesLike, fullLike, eye, arange, linspace, oneHot } from './lib/ops/creation';
export { sum } from './lib/ops/reduce';
export type { Axis } from './lib/ops/reduce';
export { reshape, broadcastTo } from './lib/ops/shape-ops';
