import { ConfigurableClass, Family, KerasObject, ValueError, show } from '@strata/tensor';
import { LossFunction } from '../losses/loss-functions';
import { Accuracy } from './accuracy';
import { AUC } from './auc';
import { BinaryAccuracy } from './binary-accuracy';
import { BinaryCrossentropy } from './binary-crossentropy';
import { CategoricalAccuracy } from './categorical-accuracy';
import { CategoricalCrossentropy } from './categorical-crossentropy';
import { CategoricalHinge } from './categorical-hinge';
import { CosineSimilarity } from './cosine-similarity';
import { F1Score } from './f1-score';
import { FalseNegatives } from './false-negatives';
import { FalsePositives } from './false-positives';
import { FBetaScore } from './fbeta-score';
import { Hinge } from './hinge';
import { KLDivergence } from './kl-divergence';
import { LogCoshError } from './log-cosh-error';
import { Mean } from './mean';
import { MeanAbsoluteError } from './mean-absolute-error';
import { MeanAbsolutePercentageError } from './mean-absolute-percentage-error';
import { MeanMetricWrapper } from './mean-metric-wrapper';
import { MeanSquaredError } from './mean-squared-error';
import { MeanSquaredLogarithmicError } from './mean-squared-logarithmic-error';
import { Metric } from './metric';
import { Poisson } from './poisson';
import { Precision } from './precision';
import { R2Score } from './r2-score';
import { Recall } from './recall';
import { RootMeanSquaredError } from './root-mean-squared-error';
import { SparseCategoricalAccuracy } from './sparse-categorical-accuracy';
import { SparseCategoricalCrossentropy } from './sparse-categorical-crossentropy';
import { SparseTopKCategoricalAccuracy } from './sparse-top-k-categorical-accuracy';
import { SquaredHinge } from './squared-hinge';
import { Sum } from './sum';
import { TopKCategoricalAccuracy } from './top-k-categorical-accuracy';
import { TrueNegatives } from './true-negatives';
import { TruePositives } from './true-positives';

/** What `get` accepts: a name, an instance, a class, a per-sample function, or a Keras config object. */
export type MetricIdentifier = string | Metric | KerasObject | MetricClass | LossFunction;

/** A metric class, as `register` takes it. */
export type MetricClass = ConfigurableClass<Metric>;

const as = (cls: unknown) => cls as MetricClass;

// Keras's ALL_OBJECTS_DICT: every class under its class name and its snake_case name
// ('mean_squared_error', 'auc', 'f1_score'), plus the short aliases.
const family = new Family<Metric>('metric', 'keras.metrics')
  .add(Mean)
  .add(Sum)
  .add(as(MeanMetricWrapper))
  .add(MeanSquaredError, ['mse'])
  .add(RootMeanSquaredError)
  .add(MeanAbsoluteError, ['mae'])
  .add(MeanAbsolutePercentageError, ['mape'])
  .add(MeanSquaredLogarithmicError, ['msle'])
  .add(CosineSimilarity)
  .add(LogCoshError)
  .add(R2Score)
  .add(AUC)
  .add(FalseNegatives)
  .add(FalsePositives)
  .add(Precision)
  .add(Recall)
  .add(TrueNegatives)
  .add(TruePositives)
  .add(Hinge)
  .add(SquaredHinge)
  .add(CategoricalHinge)
  .add(KLDivergence)
  .add(Poisson)
  .add(BinaryCrossentropy, ['bce'])
  .add(CategoricalCrossentropy)
  .add(SparseCategoricalCrossentropy)
  .add(Accuracy)
  .add(BinaryAccuracy)
  .add(CategoricalAccuracy)
  .add(SparseCategoricalAccuracy)
  .add(TopKCategoricalAccuracy)
  .add(SparseTopKCategoricalAccuracy)
  .add(F1Score)
  .add(FBetaScore);

const isClass = (x: unknown): x is MetricClass =>
  typeof x === 'function' && typeof (x as Partial<MetricClass>).fromConfig === 'function';

/**
 * Resolves a metric identifier (`keras.metrics.get`): a name in any spelling (`'mse'`, `'auc'`,
 * `'CategoricalAccuracy'`, `'categorical_accuracy'`) gives an instance with default arguments;
 * a class gives a default instance; an instance is returned as is; a per-sample function is
 * wrapped in a `MeanMetricWrapper` named after it; a Keras config object is deserialized;
 * `null`/`undefined` give `null`. `'accuracy'` here is the exact-match `Accuracy`; see
 * `resolveMetric` for the choice `compile` makes.
 *
 * @example
 * get('auc'); // new AUC()
 * get({ class_name: 'Precision', config: { thresholds: [0.3, 0.6] } });
 */
export function get(identifier: MetricIdentifier | null | undefined, customObjects?: Record<string, unknown>): Metric | null {
  if (isClass(identifier)) return identifier.fromConfig({});
  if (typeof identifier === 'function') return new MeanMetricWrapper({ fn: identifier, name: identifier.name || null });
  return family.get(identifier, customObjects);
}

/**
 * Keras 3's serialized form (`keras.metrics.serialize`):
 * `{ module: 'keras.metrics', class_name, config, registered_name }`.
 *
 * @example
 * serialize(new BinaryAccuracy());
 * // { module: 'keras.metrics', class_name: 'BinaryAccuracy',
 * //   config: { name: 'binary_accuracy', dtype: 'float32', threshold: 0.5 }, registered_name: null }
 */
export function serialize(metric: Metric): KerasObject {
  if (!(metric instanceof Metric)) {
    throw new ValueError(`metrics.serialize: expected a Metric instance, received ${show(metric)}`);
  }
  return family.serialize(metric);
}

/**
 * Builds a metric from a Keras config object or a name (`keras.metrics.deserialize`).
 * A serialized built-in function (`{ class_name: 'function', config: 'binary_accuracy' }`)
 * gives a `MeanMetricWrapper` of it.
 *
 * @example
 * deserialize({ class_name: 'AUC', config: { curve: 'PR' } });
 */
export function deserialize(config: KerasObject | string, customObjects?: Record<string, unknown>): Metric {
  if (typeof config === 'object' && config !== null && config.class_name === 'function') {
    const name = config.config as unknown as string;
    return new MeanMetricWrapper({ fn: name, name });
  }
  return family.deserialize(config, customObjects);
}

/**
 * Registers a plugin metric class so that `serialize` writes and `deserialize` reads it as
 * Keras 3's `registered_name` `'<pkg>>ClassName'`. Returns that name.
 *
 * @example
 * register(MyMetric, 'my-pkg'); // 'my-pkg>MyMetric'
 */
export function register(cls: MetricClass, pkg = 'Custom'): string {
  return family.register(cls, pkg);
}

/** The snake_case names `get` accepts, sorted (as listed in the unknown-name error). */
export function names(): string[] {
  return family.names();
}
