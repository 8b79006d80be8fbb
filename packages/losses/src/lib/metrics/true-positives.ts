import { ConfusionCount } from './confusion-count';

/**
 * `keras.metrics.TruePositives` (default name `'true_positives'`): the weighted number of
 * true positives (true label, prediction above the threshold), summed over everything seen; one count per threshold when several are given.
 *
 * Shapes: `yTrue`, `yPred` `[batch, ..., d]`; `sampleWeight` `[batch]` or like `yPred`.
 * @example
 * const m = new TruePositives();
 * m.updateState([0, 1, 1, 1], [1, 0, 1, 1]);
 * m.result(); // 2
 */
export class TruePositives extends ConfusionCount {
  static override readonly className: string = 'TruePositives';
  protected readonly cell = 'tp' as const;
}
