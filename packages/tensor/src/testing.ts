// @strata/tensor/testing: helpers every Strata package's tests share.
export { checkGradients, expectClose } from './lib/testing/check-gradients';
export type { GradientCheckOptions } from './lib/testing/check-gradients';
