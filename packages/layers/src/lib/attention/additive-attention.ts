import { Tensor, ValueError, add, expandDims, mul, show, sum, tanh } from '@strata/tensor';
import { LayerArgs } from '../engine/layer-args';
import { Shape } from '../engine/shape';
import { Attention } from './attention';

/** Options of `new AdditiveAttention(...)`: Keras's arguments in camelCase. */
export interface AdditiveAttentionArgs extends LayerArgs {
  /** Learn a per-feature `scale` (shape `(dim)`, Glorot uniform) of the tanh terms. Default true. */
  useScale?: boolean;
  /** Fraction of the attention weights dropped in training, in [0, 1]. Default 0. */
  dropout?: number;
  /** Integer seed of the dropout. */
  seed?: number | null;
}

/**
 * Additive (Bahdanau-style) attention (`keras.layers.AdditiveAttention`): like `Attention`, with
 * `scores[i, j] = Σ_d scale_d · tanh(query[i, d] + key[j, d])` (`scale = 1` without `useScale`).
 * Inputs, masks, call arguments (`mask`, `useCausalMask`, `returnAttentionScores`, `training`)
 * and outputs are `Attention`'s.
 *
 * Shapes: query `(batch, Tq, dim)`, value `(batch, Tv, dimV)`, key `(batch, Tv, dim)` → output
 * `(batch, Tq, dimV)` (and scores `(batch, Tq, Tv)`). Weight: `scale (dim)` with `useScale`.
 *
 * @example
 * const att = new AdditiveAttention();
 * att.apply([zeros([2, 3, 4]), zeros([2, 5, 4])]).shape; // [2, 3, 4]
 */
export class AdditiveAttention extends Attention {
  static override readonly className: string = 'AdditiveAttention';

  constructor(args: AdditiveAttentionArgs = {}) {
    super({ ...args, useScale: args?.useScale ?? true });
  }

  override build(inputShape: Shape | Shape[]): void {
    const [query] = this.checkShapes(this.inputShapes(inputShape));
    const dim = query[query.length - 1];
    if (dim === null) {
      throw new ValueError(`AdditiveAttention '${this.name}': the last axis of the query must be known, received shape=${show(query)}`);
    }
    if (this.useScale) this.scale = this.addWeight({ name: 'scale', shape: [dim], initializer: 'glorot_uniform' });
  }

  protected override additiveScores(): boolean {
    return true;
  }

  protected override calculateScores(query: Tensor, key: Tensor): Tensor {
    const terms = tanh(add(expandDims(query, -2), expandDims(key, -3)));
    return sum(this.scale ? mul(this.scale.value, terms) : terms, -1);
  }

  override getConfig(): Record<string, unknown> {
    const config = super.getConfig();
    delete config['score_mode'];
    return config;
  }
}
