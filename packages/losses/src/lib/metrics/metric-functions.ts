import { LOSS_FUNCTIONS, LossFunction } from '../losses/loss-functions';
import {
  accuracy,
  binaryAccuracy,
  categoricalAccuracy,
  sparseCategoricalAccuracy,
  sparseTopKCategoricalAccuracy,
  topKCategoricalAccuracy,
} from './accuracy-functions';

/**
 * The per-sample functions a `MeanMetricWrapper` can be built from by Keras name: the loss
 * functions and the accuracy functions of `keras.metrics`.
 */
export const METRIC_FUNCTIONS: Readonly<Record<string, LossFunction>> = {
  ...LOSS_FUNCTIONS,
  accuracy,
  binary_accuracy: binaryAccuracy as LossFunction,
  categorical_accuracy: categoricalAccuracy,
  sparse_categorical_accuracy: sparseCategoricalAccuracy,
  top_k_categorical_accuracy: topKCategoricalAccuracy as LossFunction,
  sparse_top_k_categorical_accuracy: sparseTopKCategoricalAccuracy as LossFunction,
};
