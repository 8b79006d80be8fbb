import { ValueError, show } from '@strata/tensor';
import { FBetaScore, FScoreAverage } from './fbeta-score';
import { MetricOptions } from './metric';

/** Options of {@link F1Score}. */
export interface F1ScoreOptions extends MetricOptions {
  /** `null` (one score per class), `'micro'`, `'macro'` or `'weighted'`. Default `null`. */
  average?: FScoreAverage;
  /** Predictions above it count as 1; `null` marks each row's maximum instead. Default `null`. */
  threshold?: number | null;
}

/**
 * `keras.metrics.F1Score` (default name `'f1_score'`): the harmonic mean of precision and
 * recall, `2 * precision * recall / (precision + recall)`, i.e. {@link FBetaScore} with `beta = 1`.
 *
 * Shapes: `yTrue`, `yPred` `[batch, classes]`; `sampleWeight` `[batch]`.
 * @example
 * const m = new F1Score({ threshold: 0.5 });
 * m.updateState([[1, 1, 1], [1, 0, 0], [1, 1, 0]], [[0.2, 0.6, 0.7], [0.2, 0.6, 0.6], [0.6, 0.8, 0]]);
 * m.result(); // [0.5, 0.8, 0.6667]
 */
export class F1Score extends FBetaScore {
  static override readonly className: string = 'F1Score';

  constructor(options: F1ScoreOptions = {}) {
    const beta = (options as Record<string, unknown> | undefined)?.['beta'];
    if (beta !== undefined) {
      // Keras's F1Score takes no beta: a config carrying one is rejected, as Keras's TypeError.
      throw new ValueError(`F1Score: beta is fixed to 1 (use FBetaScore for another), received beta=${show(beta)}`);
    }
    super({ ...options, beta: 1 }, 'f1_score');
  }

  override getConfig(): Record<string, unknown> {
    const { beta, ...config } = super.getConfig();
    void beta;
    return config;
  }
}
