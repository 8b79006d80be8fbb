// @strata/activations: the public entry. Every export is listed by name.
export type { Activation } from './lib/fused';
export { relu, leakyRelu, relu6, elu, selu, celu, threshold } from './lib/rectifiers';
export type { ReluOptions, ThresholdOptions } from './lib/rectifiers';
export { sigmoid, logSigmoid, hardSigmoid, sparseSigmoid, silu, swish, hardSilu, hardSwish, gelu, mish } from './lib/sigmoids';
export {
  tanh,
  tanhShrink,
  hardTanh,
  softShrink,
  hardShrink,
  softplus,
  softsign,
  squareplus,
  sparsePlus,
  exponential,
  linear,
} from './lib/curves';
export { softmax, logSoftmax } from './lib/softmax';
export type { SoftmaxOptions } from './lib/softmax';
export type { AxisArg } from './lib/rowwise';
export { sparsemax } from './lib/sparsemax';
export { glu } from './lib/glu';
export { get, serialize, deserialize, register, activationNames } from './lib/registry';
export type { FunctionConfig, ActivationIdentifier } from './lib/registry';
