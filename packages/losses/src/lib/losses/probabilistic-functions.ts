import { Tensor, TensorLike, add, clip, div, log, mean, mul, sub, sum } from '@strata/tensor';
import { EPSILON } from './check';
import { checkBroadcast, toFloat } from './reduction';

function prepare(who: string, yTrue: TensorLike, yPred: TensorLike): [Tensor, Tensor] {
  const p = toFloat(yPred);
  const t = toFloat(yTrue);
  checkBroadcast(who, t, p);
  return [t, p];
}

/**
 * Kullback-Leibler divergence per sample (`keras.losses.kl_divergence`, alias `'kld'`):
 * `sum(t * log(t / p), axis=-1)` with both clipped to `[1e-7, 1]`.
 *
 * Shapes: `[batch, ..., d]` twice; the result is `[batch, ...]`.
 * @example klDivergence([[0.5, 0.5]], [[0.25, 0.75]]); // [0.1438]
 */
export function klDivergence(yTrue: TensorLike, yPred: TensorLike): Tensor {
  const [t0, p0] = prepare('klDivergence', yTrue, yPred);
  const t = clip(t0, EPSILON, 1);
  const p = clip(p0, EPSILON, 1);
  return sum(mul(t, log(div(t, p))), -1);
}

/**
 * Poisson loss per sample (`keras.losses.poisson`): `mean(yPred - yTrue * log(yPred + 1e-7), axis=-1)`.
 *
 * Shapes: `[batch, ..., d]` twice; the result is `[batch, ...]`.
 * @example poisson([[1, 0]], [[1, 1]]); // [1]
 */
export function poisson(yTrue: TensorLike, yPred: TensorLike): Tensor {
  const [t, p] = prepare('poisson', yTrue, yPred);
  return mean(sub(p, mul(t, log(add(p, EPSILON)))), -1);
}
