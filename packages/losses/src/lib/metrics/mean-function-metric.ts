import { Tensor, TensorLike, asTensor, noGrad } from '@strata/tensor';
import { getLossMask } from '../losses/loss-mask';
import { applyMask, toFloat } from '../losses/reduction';
import { Mean } from './mean';
import { requirePred } from './metric';

/**
 * The mean over batches of a per-sample function of `(yTrue, yPred)` (the part of Keras's
 * `MeanMetricWrapper` every built-in metric shares): `updateState` computes the values,
 * merges the predictions' `mask` into the weights, and folds them in like `Mean`.
 * Subclasses implement `compute`.
 */
export abstract class MeanFunctionMetric extends Mean {
  /** The per-sample values for one batch. */
  protected abstract compute(yTrue: Tensor, yPred: Tensor): Tensor;

  /**
   * Folds in one batch. `mask` is the predictions' mask (Keras's `y_pred._keras_mask`): entries
   * where it is false get weight 0.
   */
  override updateState(
    yTrue: TensorLike,
    yPred?: TensorLike | null,
    sampleWeight?: TensorLike | null,
    mask?: TensorLike | null,
  ): void {
    const pred = requirePred(this.who, yPred);
    const values = noGrad(() => this.compute(asTensor(yTrue), asTensor(pred)));
    let weight = sampleWeight === undefined || sampleWeight === null ? null : toFloat(sampleWeight);
    if (mask !== undefined && mask !== null) weight = applyMask(weight, toFloat(mask), 'sum');
    this.accumulate(toFloat(values), weight, getLossMask(values));
  }
}
