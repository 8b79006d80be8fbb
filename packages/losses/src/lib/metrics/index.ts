// The metrics family (keras.metrics), exported by @strata/losses as the `metrics` namespace.
export { Metric } from './metric';
export type { MetricOptions } from './metric';
export { Mean } from './mean';
export { Sum } from './sum';
export { MeanFunctionMetric } from './mean-function-metric';
export { MeanMetricWrapper } from './mean-metric-wrapper';
export type { MeanMetricWrapperOptions } from './mean-metric-wrapper';
export { Accuracy } from './accuracy';
export { BinaryAccuracy } from './binary-accuracy';
export type { BinaryAccuracyOptions } from './binary-accuracy';
export { CategoricalAccuracy } from './categorical-accuracy';
export { SparseCategoricalAccuracy } from './sparse-categorical-accuracy';
export { TopKCategoricalAccuracy } from './top-k-categorical-accuracy';
export type { TopKOptions } from './top-k-categorical-accuracy';
export { SparseTopKCategoricalAccuracy } from './sparse-top-k-categorical-accuracy';
export type { SparseTopKOptions } from './sparse-top-k-categorical-accuracy';
export { Precision } from './precision';
export type { PrecisionRecallOptions } from './precision';
export { Recall } from './recall';
export { ConfusionCount } from './confusion-count';
export type { ConfusionCountOptions } from './confusion-count';
export { TruePositives } from './true-positives';
export { FalsePositives } from './false-positives';
export { TrueNegatives } from './true-negatives';
export { FalseNegatives } from './false-negatives';
export { AUC } from './auc';
export type { AUCOptions } from './auc';
export { FBetaScore } from './fbeta-score';
export type { FBetaScoreOptions, FScoreAverage } from './fbeta-score';
export { F1Score } from './f1-score';
export type { F1ScoreOptions } from './f1-score';
export { R2Score } from './r2-score';
export type { R2ScoreOptions } from './r2-score';
export { MeanSquaredError } from './mean-squared-error';
export { MeanAbsoluteError } from './mean-absolute-error';
export { MeanAbsolutePercentageError } from './mean-absolute-percentage-error';
export { MeanSquaredLogarithmicError } from './mean-squared-logarithmic-error';
export { RootMeanSquaredError } from './root-mean-squared-error';
export { CosineSimilarity } from './cosine-similarity';
export type { CosineSimilarityMetricOptions } from './cosine-similarity';
export { LogCoshError } from './log-cosh-error';
export { BinaryCrossentropy } from './binary-crossentropy';
export type { BinaryCrossentropyMetricOptions } from './binary-crossentropy';
export { CategoricalCrossentropy } from './categorical-crossentropy';
export type { CategoricalCrossentropyMetricOptions } from './categorical-crossentropy';
export { SparseCategoricalCrossentropy } from './sparse-categorical-crossentropy';
export type { SparseCategoricalCrossentropyMetricOptions } from './sparse-categorical-crossentropy';
export { KLDivergence } from './kl-divergence';
export { Poisson } from './poisson';
export { Hinge } from './hinge';
export { SquaredHinge } from './squared-hinge';
export { CategoricalHinge } from './categorical-hinge';
export {
  accuracy,
  binaryAccuracy,
  categoricalAccuracy,
  sparseCategoricalAccuracy,
  topKCategoricalAccuracy,
  sparseTopKCategoricalAccuracy,
} from './accuracy-functions';
export { METRIC_FUNCTIONS } from './metric-functions';
export { get, serialize, deserialize, register, names } from './registry';
export type { MetricIdentifier, MetricClass } from './registry';
