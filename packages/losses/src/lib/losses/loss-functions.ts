import { KerasObject, Tensor, TensorLike, ValueError, show } from '@strata/tensor';
import {
  binaryCrossentropy,
  binaryFocalCrossentropy,
  categoricalCrossentropy,
  categoricalFocalCrossentropy,
  sparseCategoricalCrossentropy,
} from './crossentropy-functions';
import { categoricalHinge, hinge, squaredHinge } from './hinge-functions';
import { klDivergence, poisson } from './probabilistic-functions';
import {
  cosineSimilarity,
  huber,
  logCosh,
  meanAbsoluteError,
  meanAbsolutePercentageError,
  meanSquaredError,
  meanSquaredLogarithmicError,
} from './regression-functions';

/** A per-sample loss or metric function: `(yTrue, yPred, options?) => values`. */
export type LossFunction = (yTrue: TensorLike, yPred: TensorLike, options?: Record<string, unknown>) => Tensor;

/**
 * The built-in loss functions under their Keras (Python) names, as Keras serializes a function:
 * `{ module: 'builtins', class_name: 'function', config: '<name>', registered_name: 'function' }`.
 */
export const LOSS_FUNCTIONS: Readonly<Record<string, LossFunction>> = {
  mean_squared_error: meanSquaredError,
  mean_absolute_error: meanAbsoluteError,
  mean_absolute_percentage_error: meanAbsolutePercentageError,
  mean_squared_logarithmic_error: meanSquaredLogarithmicError,
  cosine_similarity: cosineSimilarity as LossFunction,
  huber: huber as LossFunction,
  log_cosh: logCosh,
  kl_divergence: klDivergence,
  poisson,
  hinge,
  squared_hinge: squaredHinge,
  categorical_hinge: categoricalHinge,
  binary_crossentropy: binaryCrossentropy as LossFunction,
  binary_focal_crossentropy: binaryFocalCrossentropy as LossFunction,
  categorical_crossentropy: categoricalCrossentropy as LossFunction,
  categorical_focal_crossentropy: categoricalFocalCrossentropy as LossFunction,
  sparse_categorical_crossentropy: sparseCategoricalCrossentropy as LossFunction,
};

/** Keras's serialized form of a function: its name, or the JS function's own name for custom ones. @internal */
export function serializeFunction(fn: LossFunction, table: Readonly<Record<string, LossFunction>>): KerasObject {
  const name = Object.keys(table).find((k) => table[k] === fn) ?? fn.name;
  return { module: 'builtins', class_name: 'function', config: name as unknown as Record<string, unknown>, registered_name: 'function' };
}

/**
 * Resolves a function given as itself, its Keras name, or its serialized form; a name not in
 * `table` (nor in `customObjects`) is a `ValueError` listing the known names.
 * @internal
 */
export function resolveFunction(
  who: string,
  fn: unknown,
  table: Readonly<Record<string, LossFunction>>,
  customObjects: Record<string, unknown> = {},
): LossFunction {
  if (typeof fn === 'function') return fn as LossFunction;
  let name: unknown = fn;
  if (typeof fn === 'object' && fn !== null && (fn as KerasObject).class_name === 'function') name = (fn as KerasObject).config;
  if (typeof name === 'string') {
    const found = customObjects[name] ?? table[name];
    if (typeof found === 'function') return found as LossFunction;
  }
  throw new ValueError(
    `${who}: fn must be a function or the name of a built-in one (${Object.keys(table).join(', ')}), received fn=${show(fn)}`,
  );
}
