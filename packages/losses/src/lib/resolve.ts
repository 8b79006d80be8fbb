import { ValueError, show } from '@strata/tensor';
import { Loss } from './losses/loss';
import { LOSS_FUNCTIONS, LossFunction } from './losses/loss-functions';
import { LossFunctionWrapper } from './losses/loss-function-wrapper';
import { LossIdentifier, get as getLoss } from './losses/registry';
import { BinaryAccuracy } from './metrics/binary-accuracy';
import { CategoricalAccuracy } from './metrics/categorical-accuracy';
import { Metric } from './metrics/metric';
import { MetricIdentifier, get as getMetric } from './metrics/registry';
import { SparseCategoricalAccuracy } from './metrics/sparse-categorical-accuracy';

/** The shapes of one output's targets and predictions (dimensions may be `null` when unknown). */
export interface OutputShapes {
  yTrue: readonly (number | null)[];
  yPred: readonly (number | null)[];
}

// Keras's is_binary_or_sparse_categorical (trainers/compile_utils.py).
function kind(who: string, identifier: string, shapes: OutputShapes | undefined): 'binary' | 'sparse' | 'categorical' {
  if (!shapes || !Array.isArray(shapes.yTrue) || !Array.isArray(shapes.yPred)) {
    throw new ValueError(
      `${who}: '${identifier}' is chosen from the shapes of the targets and predictions; pass them as { yTrue, yPred }, received shapes=${show(shapes)}`,
    );
  }
  const t = shapes.yTrue;
  const p = shapes.yPred;
  const tLast = t[t.length - 1];
  const pLast = p[p.length - 1];
  if (pLast === 1) return 'binary';
  if (t.length < p.length || (tLast === 1 && (pLast ?? 0) > 1)) return 'sparse';
  return 'categorical';
}

/**
 * Builds a metric the way Keras's `model.compile(metrics=[...])` does (`get_metric` in
 * keras/src/trainers/compile_utils.py). `'accuracy'` / `'acc'` (any case) become
 * `BinaryAccuracy` when the predictions have a last axis of 1, `SparseCategoricalAccuracy` when
 * the targets have fewer axes than the predictions (or a last axis of 1 against several
 * classes), and `CategoricalAccuracy` otherwise; for these `shapes` is required. Anything else
 * goes through `metrics.get`, and a plain function is wrapped in a `MeanMetricWrapper`. A string
 * identifier becomes the metric's name, as Keras reports it (`'acc'`, `'mse'`); otherwise the
 * metric keeps its own name (a function's name for a wrapped function).
 *
 * @example
 * resolveMetric('accuracy', { yTrue: [32], yPred: [32, 10] });  // SparseCategoricalAccuracy named 'accuracy'
 * resolveMetric('mse').name;                                     // 'mse' (a MeanSquaredError)
 */
export function resolveMetric(identifier: MetricIdentifier, shapes?: OutputShapes): Metric {
  if (identifier === null || identifier === undefined) {
    throw new ValueError(`resolveMetric: expected a metric, received ${show(identifier)}`);
  }
  let metric: Metric;
  if (typeof identifier === 'string' && ['accuracy', 'acc'].includes(identifier.toLowerCase())) {
    const k = kind('resolveMetric', identifier, shapes);
    const options = { name: identifier };
    metric =
      k === 'binary'
        ? new BinaryAccuracy(options)
        : k === 'sparse'
          ? new SparseCategoricalAccuracy(options)
          : new CategoricalAccuracy(options);
  } else metric = getMetric(identifier) as Metric;
  if (typeof identifier === 'string') metric.name = identifier;
  return metric;
}

// The string identifiers Keras's losses.get resolves to functions (not classes): compile wraps
// those in a LossFunctionWrapper named after the identifier.
const FUNCTION_ALIASES: Record<string, string> = {
  bce: 'binary_crossentropy',
  BCE: 'binary_crossentropy',
  kld: 'kl_divergence',
  KLD: 'kl_divergence',
  mae: 'mean_absolute_error',
  MAE: 'mean_absolute_error',
  mse: 'mean_squared_error',
  MSE: 'mean_squared_error',
  mape: 'mean_absolute_percentage_error',
  MAPE: 'mean_absolute_percentage_error',
  msle: 'mean_squared_logarithmic_error',
  MSLE: 'mean_squared_logarithmic_error',
};

/**
 * Builds a loss the way Keras's `model.compile(loss=...)` does (`get_loss` in compile_utils.py):
 * `'crossentropy'` / `'ce'` pick the binary, sparse or categorical crossentropy from `shapes`
 * (the same rule as `resolveMetric`'s accuracy); a Keras function name or alias (`'mse'`,
 * `'categorical_crossentropy'`) or a plain function becomes a `LossFunctionWrapper` named after
 * it; class names, instances and configs go through `losses.get`.
 *
 * @example
 * resolveLoss('ce', { yTrue: [8, 1], yPred: [8, 1] }).name; // 'ce' (binary crossentropy)
 * resolveLoss('mse').name;                                  // 'mse'
 */
export function resolveLoss(identifier: LossIdentifier, shapes?: OutputShapes): Loss {
  if (identifier === null || identifier === undefined) {
    throw new ValueError(`resolveLoss: expected a loss, received ${show(identifier)}`);
  }
  if (typeof identifier === 'string') {
    let fnName: string | undefined = FUNCTION_ALIASES[identifier] ?? (identifier in LOSS_FUNCTIONS ? identifier : undefined);
    if (['crossentropy', 'ce'].includes(identifier.toLowerCase())) {
      const k = kind('resolveLoss', identifier, shapes);
      fnName = k === 'binary' ? 'binary_crossentropy' : k === 'sparse' ? 'sparse_categorical_crossentropy' : 'categorical_crossentropy';
    }
    if (fnName !== undefined) return new LossFunctionWrapper({ fn: fnName, name: identifier });
  }
  if (typeof identifier === 'function' && typeof (identifier as { fromConfig?: unknown }).fromConfig !== 'function') {
    const fn = identifier as LossFunction;
    return new LossFunctionWrapper({ fn, name: fn.name || null });
  }
  return getLoss(identifier) as Loss;
}

