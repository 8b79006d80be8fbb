// @strata/losses: the public entry. Every export is listed by name; the metrics family lives
// in the `metrics` namespace (Keras's keras.metrics), since several of its class names are
// also loss class names (MeanSquaredError, BinaryCrossentropy, ...).
export { Loss } from './lib/losses/loss';
export type { LossOptions } from './lib/losses/loss';
export { LossFunctionWrapper } from './lib/losses/loss-function-wrapper';
export type { LossFunctionWrapperOptions } from './lib/losses/loss-function-wrapper';
export { MeanSquaredError } from './lib/losses/mean-squared-error';
export { MeanAbsoluteError } from './lib/losses/mean-absolute-error';
export { MeanAbsolutePercentageError } from './lib/losses/mean-absolute-percentage-error';
export { MeanSquaredLogarithmicError } from './lib/losses/mean-squared-logarithmic-error';
export { CosineSimilarity } from './lib/losses/cosine-similarity';
export type { CosineSimilarityOptions } from './lib/losses/cosine-similarity';
export { Huber } from './lib/losses/huber';
export type { HuberOptions } from './lib/losses/huber';
export { LogCosh } from './lib/losses/log-cosh';
export { KLDivergence } from './lib/losses/kl-divergence';
export { Poisson } from './lib/losses/poisson';
export { Hinge } from './lib/losses/hinge';
export { SquaredHinge } from './lib/losses/squared-hinge';
export { CategoricalHinge } from './lib/losses/categorical-hinge';
export { BinaryCrossentropy } from './lib/losses/binary-crossentropy';
export type { CrossentropyLossOptions } from './lib/losses/binary-crossentropy';
export { BinaryFocalCrossentropy } from './lib/losses/binary-focal-crossentropy';
export type { BinaryFocalCrossentropyOptions } from './lib/losses/binary-focal-crossentropy';
export { CategoricalCrossentropy } from './lib/losses/categorical-crossentropy';
export { CategoricalFocalCrossentropy } from './lib/losses/categorical-focal-crossentropy';
export type { CategoricalFocalCrossentropyOptions } from './lib/losses/categorical-focal-crossentropy';
export { SparseCategoricalCrossentropy } from './lib/losses/sparse-categorical-crossentropy';
export type { SparseCategoricalCrossentropyOptions } from './lib/losses/sparse-categorical-crossentropy';
export {
  meanSquaredError,
  meanAbsoluteError,
  meanAbsolutePercentageError,
  meanSquaredLogarithmicError,
  cosineSimilarity,
  huber,
  logCosh,
} from './lib/losses/regression-functions';
export { klDivergence, poisson } from './lib/losses/probabilistic-functions';
export { hinge, squaredHinge, categoricalHinge } from './lib/losses/hinge-functions';
export {
  binaryCrossentropy,
  binaryFocalCrossentropy,
  categoricalCrossentropy,
  categoricalFocalCrossentropy,
  sparseCategoricalCrossentropy,
} from './lib/losses/crossentropy-functions';
export type {
  CrossentropyOptions,
  BinaryFocalOptions,
  CategoricalFocalOptions,
  SparseCategoricalOptions,
} from './lib/losses/crossentropy-functions';
export { logSoftmax } from './lib/losses/crossentropy-ops';
export { LOSS_FUNCTIONS } from './lib/losses/loss-functions';
export type { LossFunction } from './lib/losses/loss-functions';
export {
  standardizeReduction,
  squeezeOrExpandToSameRank,
  reduceWeightedValues,
} from './lib/losses/reduction';
export type { Reduction } from './lib/losses/reduction';
export { get, serialize, deserialize, register, names } from './lib/losses/registry';
export type { LossIdentifier, LossClass } from './lib/losses/registry';
export * as metrics from './lib/metrics/index';
export { Metric } from './lib/metrics/metric';
export type { MetricOptions } from './lib/metrics/metric';
export { resolveMetric, resolveLoss } from './lib/resolve';
export type { OutputShapes } from './lib/resolve';
