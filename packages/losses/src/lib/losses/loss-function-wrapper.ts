import { Tensor, camelCase, snakeCase } from '@strata/tensor';
import { LOSS_FUNCTIONS, LossFunction, resolveFunction, serializeFunction } from './loss-functions';
import { Loss, LossOptions } from './loss';
import { squeezeOrExpandToSameRank } from './reduction';

/** Options of {@link LossFunctionWrapper}. */
export interface LossFunctionWrapperOptions extends LossOptions {
  /** The per-sample function, or the Keras name of a built-in one (`'huber'`). */
  fn: LossFunction | string;
  /** Options passed to `fn` on every call (camelCase; written snake_case in the config). */
  fnOptions?: Record<string, unknown>;
}

/**
 * Makes a `Loss` from a per-sample function (`keras.losses.LossFunctionWrapper`): `call` matches
 * the ranks of `yTrue` and `yPred` (see `squeezeOrExpandToSameRank`) and returns
 * `fn(yTrue, yPred, fnOptions)`.
 *
 * Shapes: whatever `fn` takes; `apply` reduces its result like any loss.
 * @example
 * const loss = new LossFunctionWrapper({ fn: 'huber', fnOptions: { delta: 2 } });
 * loss.apply([[0, 0]], [[1, 4]]).item(); // 3.25
 */
export class LossFunctionWrapper extends Loss {
  static override readonly className: string = 'LossFunctionWrapper';
  readonly fn: LossFunction;
  readonly fnOptions: Readonly<Record<string, unknown>>;

  constructor(options: LossFunctionWrapperOptions) {
    super(options ?? {});
    this.fn = resolveFunction('LossFunctionWrapper', options?.fn, LOSS_FUNCTIONS);
    this.fnOptions = { ...(options?.fnOptions ?? {}) };
  }

  override call(yTrue: Tensor, yPred: Tensor): Tensor {
    const [t, p] = squeezeOrExpandToSameRank(yTrue, yPred);
    return this.fn(t, p, this.fnOptions);
  }

  override getConfig(): Record<string, unknown> {
    const config: Record<string, unknown> = { ...super.getConfig(), fn: serializeFunction(this.fn, LOSS_FUNCTIONS) };
    for (const [k, v] of Object.entries(this.fnOptions)) config[snakeCase(k)] = v;
    return config;
  }

  /** Builds from Keras's config: `name`, `reduction`, `fn` (a serialized function) and `fn`'s arguments. */
  static override fromConfig<T extends Loss>(this: unknown, config: Record<string, unknown>): T {
    const { name, reduction, dtype, fn, ...rest } = config;
    const fnOptions: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(rest)) fnOptions[camelCase(k)] = v;
    return new LossFunctionWrapper({
      name: name as string | undefined,
      reduction: reduction as LossOptions['reduction'],
      dtype: dtype as string | undefined,
      fn: fn as LossFunction,
      fnOptions,
    }) as unknown as T;
  }
}
