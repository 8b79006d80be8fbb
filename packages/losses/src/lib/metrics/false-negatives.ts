import { ConfusionCount } from './confusion-count';

/**
 * `keras.metrics.FalseNegatives` (default name `'false_negatives'`): the weighted number of
 * false negatives (true label, prediction at or below the threshold), summed over everything seen; one count per threshold when several are given.
 *
 * Shapes: `yTrue`, `yPred` `[batch, ..., d]`; `sampleWeight` `[batch]` or like `yPred`.
 * @example
 * const m = new FalseNegatives();
 * m.updateState([0, 1, 1, 1], [1, 0, 1, 1]);
 * m.result(); // 1
 */
export class FalseNegatives extends ConfusionCount {
  static override readonly className: string = 'FalseNegatives';
  protected readonly cell = 'fn' as const;
}
