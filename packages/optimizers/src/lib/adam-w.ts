import { ValueError } from '@strata/tensor';
import { Adam, AdamOptions } from './adam';

/** Options of {@link AdamW}: Adam's, with `weightDecay` defaulting to 0.004 (null is not allowed). */
export type AdamWOptions = AdamOptions;

/**
 * Adam with decoupled weight decay (`keras.optimizers.AdamW`): before each Adam update,
 * `w -= w * weightDecay * lr`. The same as `new Adam({ weightDecay })`, with weight decay
 * 0.004 by default and required.
 *
 * @example
 * const opt = new AdamW({ learningRate: 0.001, weightDecay: 0.01 });
 */
export class AdamW extends Adam {
  static override readonly className: string = 'AdamW';

  constructor(options: AdamWOptions = {}) {
    const isObject = typeof options === 'object' && options !== null;
    super(isObject && options.weightDecay === undefined ? { ...options, weightDecay: 0.004 } : options);
    if (this.weightDecay === null) {
      throw new ValueError('AdamW: weight_decay must be a number, received weight_decay=null');
    }
  }
}
