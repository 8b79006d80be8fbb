import { Tensor } from '@strata/tensor';
import { checkNumber } from './check';
import { Loss, LossOptions } from './loss';
import { squeezeOrExpandToSameRank } from './reduction';
import { huber } from './regression-functions';

/** Options of {@link Huber}. */
export interface HuberOptions extends LossOptions {
  /** Where the loss turns from quadratic to linear. Default 1. */
  delta?: number;
}

/**
 * `keras.losses.Huber` (name `'huber'` for the function): per sample, with `e = yPred - yTrue`,
 * the mean over the last axis of `0.5 e^2` where `|e| <= delta` and `delta |e| - 0.5 delta^2`
 * elsewhere; then weighted and reduced over the batch. The default name is `'huber_loss'`.
 *
 * Config: Keras 3.15.1 does not write `delta` (so it is lost on reload); Strata writes it when it
 * is not the default 1, and reads it back.
 *
 * Shapes: `yTrue`, `yPred` `[batch, ..., d]`; per-sample losses `[batch, ...]`.
 * @example new Huber().apply([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]]).item(); // 0.155
 */
export class Huber extends Loss {
  static override readonly className: string = 'Huber';
  static override readonly optionalConfigKeys: readonly string[] = ['dtype', 'delta'];
  readonly delta: number;

  constructor(options: HuberOptions = {}) {
    super(options, 'huber_loss');
    this.delta = checkNumber('Huber', 'delta', options.delta ?? 1);
  }

  override call(yTrue: Tensor, yPred: Tensor): Tensor {
    const [t, p] = squeezeOrExpandToSameRank(yTrue, yPred);
    return huber(t, p, { delta: this.delta });
  }

  override getConfig(): Record<string, unknown> {
    return this.delta === 1 ? super.getConfig() : { ...super.getConfig(), delta: this.delta };
  }
}
