import { PrecisionRecallBase, PrecisionRecallOptions } from './precision-recall-base';

/**
 * `keras.metrics.Recall` (default name `'recall'`): `tp / (tp + fn)` over everything seen, where
 * a prediction above the threshold counts as positive and a non-zero label as true (weighted by
 * `sampleWeight`). One value per threshold when several are given.
 *
 * Shapes: `yTrue`, `yPred` `[batch, ..., d]`; `sampleWeight` `[batch]` or like `yPred`.
 * @example
 * const m = new Recall();
 * m.updateState([0, 1, 1, 1], [1, 0, 1, 1]);
 * m.result(); // 0.6667
 */
export class Recall extends PrecisionRecallBase {
  static override readonly className: string = 'Recall';

  constructor(options: PrecisionRecallOptions = {}) {
    super(options, 'fn');
  }
}
