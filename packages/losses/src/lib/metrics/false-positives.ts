import { ConfusionCount } from './confusion-count';

/**
 * `keras.metrics.FalsePositives` (default name `'false_positives'`): the weighted number of
 * false positives (false label, prediction above the threshold), summed over everything seen; one count per threshold when several are given.
 *
 * Shapes: `yTrue`, `yPred` `[batch, ..., d]`; `sampleWeight` `[batch]` or like `yPred`.
 * @example
 * const m = new FalsePositives();
 * m.updateState([0, 1, 1, 1], [1, 0, 1, 1]);
 * m.result(); // 1
 */
export class FalsePositives extends ConfusionCount {
  static override readonly className: string = 'FalsePositives';
  protected readonly cell = 'fp' as const;
}
