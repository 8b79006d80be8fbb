import { ConfusionCount } from './confusion-count';

/**
 * `keras.metrics.TrueNegatives` (default name `'true_negatives'`): the weighted number of
 * true negatives (false label, prediction at or below the threshold), summed over everything seen; one count per threshold when several are given.
 *
 * Shapes: `yTrue`, `yPred` `[batch, ..., d]`; `sampleWeight` `[batch]` or like `yPred`.
 * @example
 * const m = new TrueNegatives();
 * m.updateState([0, 1, 1, 1], [1, 0, 1, 1]);
 * m.result(); // 0
 */
export class TrueNegatives extends ConfusionCount {
  static override readonly className: string = 'TrueNegatives';
  protected readonly cell = 'tn' as const;
}
