import { Tensor, camelCase, snakeCase } from '@strata/tensor';
import { LossFunction, resolveFunction, serializeFunction } from '../losses/loss-functions';
import { METRIC_FUNCTIONS } from './metric-functions';
import { MeanFunctionMetric } from './mean-function-metric';
import { MetricOptions } from './metric';

/** Options of {@link MeanMetricWrapper}. */
export interface MeanMetricWrapperOptions extends MetricOptions {
  /** The per-sample function, or the Keras name of a built-in one (`'mean_squared_error'`, `'binary_accuracy'`). */
  fn: LossFunction | string;
  /** Options passed to `fn` on every call (camelCase; written snake_case in the config). */
  fnOptions?: Record<string, unknown>;
}

/**
 * Makes a metric from a per-sample function (`keras.metrics.MeanMetricWrapper`): the weighted
 * mean of `fn(yTrue, yPred, fnOptions)` over everything passed to `updateState`.
 *
 * Shapes: whatever `fn` takes; `fn` returns per-sample values `[batch, ...]`.
 * @example
 * const m = new MeanMetricWrapper({ fn: 'huber', fnOptions: { delta: 0.5 }, name: 'huber' });
 * m.updateState([[0, 0]], [[1, 0.25]]);
 * m.result(); // (0.375 + 0.03125) / 2 = 0.2031
 */
export class MeanMetricWrapper extends MeanFunctionMetric {
  static override readonly className: string = 'MeanMetricWrapper';
  readonly fn: LossFunction;
  readonly fnOptions: Readonly<Record<string, unknown>>;

  constructor(options: MeanMetricWrapperOptions) {
    super(options ?? {}, 'mean_metric_wrapper');
    this.fn = resolveFunction('MeanMetricWrapper', options?.fn, METRIC_FUNCTIONS);
    this.fnOptions = { ...(options?.fnOptions ?? {}) };
  }

  protected override compute(yTrue: Tensor, yPred: Tensor): Tensor {
    return this.fn(yTrue, yPred, this.fnOptions);
  }

  override getConfig(): Record<string, unknown> {
    const config: Record<string, unknown> = { ...super.getConfig(), fn: serializeFunction(this.fn, METRIC_FUNCTIONS) };
    for (const [k, v] of Object.entries(this.fnOptions)) config[snakeCase(k)] = v;
    return config;
  }

  /** Builds from Keras's config: `name`, `dtype`, `fn` (a serialized function) and `fn`'s arguments. */
  static override fromConfig<T>(this: unknown, config: Record<string, unknown>): T {
    const { name, dtype, fn, ...rest } = config;
    const fnOptions: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(rest)) fnOptions[camelCase(k)] = v;
    return new MeanMetricWrapper({
      name: name as string | undefined,
      dtype: dtype as string | undefined,
      fn: fn as LossFunction,
      fnOptions,
    }) as unknown as T;
  }
}
