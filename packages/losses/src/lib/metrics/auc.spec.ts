import fc from 'fast-check';
import { ShapeError, ValueError } from '@strata/tensor';
import { AUC } from './auc';

// The exact ROC AUC: the probability that a random positive outscores a random negative.
function exactRocAuc(labels: number[], scores: number[]): number {
  let wins = 0;
  let pairs = 0;
  labels.forEach((l, i) => {
    if (!l) return;
    labels.forEach((m, j) => {
      if (m) return;
      pairs++;
      wins += scores[i] > scores[j] ? 1 : scores[i] === scores[j] ? 0.5 : 0;
    });
  });
  return wins / pairs;
}

describe('AUC', () => {
  it('computes its TSDoc example', () => {
    const m = new AUC({ numThresholds: 3 });
    m.updateState([0, 0, 1, 1], [0, 0.5, 0.3, 0.9]);
    expect(m.result()).toBe(0.75);
  });

  it('is 1 for a perfect ranking and 0 for a reversed one', () => {
    const perfect = new AUC();
    perfect.updateState([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9]);
    expect(perfect.result()).toBeCloseTo(1, 6);
    const reversed = new AUC();
    reversed.updateState([1, 1, 0, 0], [0.1, 0.2, 0.8, 0.9]);
    expect(reversed.result()).toBeCloseTo(0, 6);
  });

  it('approaches the exact ROC AUC with many thresholds (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 99 })), { minLength: 4, maxLength: 30 }), (rows) => {
        const labels = rows.map(([t]) => (t ? 1 : 0));
        if (!labels.includes(1) || !labels.includes(0)) return;
        // Scores on a 1/100 grid, strictly between thresholds of a 1001-point grid.
        const scores = rows.map(([, q]) => (q + 0.5) / 100);
        const m = new AUC({ numThresholds: 1001 });
        m.updateState(labels, scores);
        expect(m.result()).toBeCloseTo(exactRocAuc(labels, scores), 4);
      }),
      { seed: 42, numRuns: 50 },
    );
  });

  it('averages per-label areas with multiLabel, optionally weighted', () => {
    const y = [[1, 0], [0, 1], [1, 1], [0, 0]];
    const p = [[0.9, 0.6], [0.2, 0.1], [0.8, 0.9], [0.1, 0.7]];
    const plain = new AUC({ multiLabel: true });
    plain.updateState(y, p);
    expect(plain.result()).toBeCloseTo((1 + 0.5) / 2, 5);
    const weighted = new AUC({ multiLabel: true, numLabels: 2, labelWeights: [3, 1] });
    weighted.updateState(y, p);
    expect(weighted.result()).toBeCloseTo((3 * 1 + 0.5) / 4, 5);
    expect(() => plain.updateState([[1, 0, 1]], [[0.5, 0.5, 0.5]])).toThrow(/expected 2 labels/);
    expect(() => new AUC({ multiLabel: true }).updateState([1, 0], [0.5, 0.5])).toThrow(ShapeError);
  });

  it('applies a sigmoid with fromLogits', () => {
    const a = new AUC({ fromLogits: true });
    a.updateState([0, 1, 0, 1], [-2, 1, 0.5, 0.4]);
    const b = new AUC();
    b.updateState([0, 1, 0, 1], [-2, 1, 0.5, 0.4].map((x) => 1 / (1 + Math.exp(-x))));
    expect(a.result()).toBeCloseTo(b.result(), 6);
  });

  it('writes the config Keras writes, thresholds only when given', () => {
    expect(new AUC().getConfig()).toEqual({
      name: 'auc',
      dtype: 'float32',
      num_thresholds: 200,
      curve: 'ROC',
      summation_method: 'interpolation',
      multi_label: false,
      num_labels: null,
      label_weights: null,
      from_logits: false,
    });
    const custom = new AUC({ thresholds: [0.8, 0.3], curve: 'pr' });
    expect(custom.getConfig()['thresholds']).toEqual([0.3, 0.8]);
    expect(custom.getConfig()['num_thresholds']).toBe(4);
    expect(custom.getConfig()['curve']).toBe('PR');
    expect(AUC.fromConfig(custom.getConfig()).getConfig()).toEqual(custom.getConfig());
    const weighted = new AUC({ multiLabel: true, labelWeights: [0.2, 0.8] });
    expect(weighted.getConfig()['label_weights']).toEqual({
      class_name: '__tensor__',
      config: { value: [Math.fround(0.2), Math.fround(0.8)], dtype: 'float32' },
    });
    expect(AUC.fromConfig(weighted.getConfig()).getConfig()).toEqual(weighted.getConfig());
  });

  it('resets', () => {
    const m = new AUC();
    m.updateState([0, 1], [0.9, 0.1]);
    m.resetState();
    m.updateState([0, 1], [0.1, 0.9]);
    expect(m.result()).toBeCloseTo(1, 6);
  });

  it('rejects bad arguments, naming the value', () => {
    expect(() => new AUC({ numThresholds: 1 })).toThrow(ValueError);
    expect(() => new AUC({ numThresholds: 1 })).toThrow(/AUC: numThresholds must be an integer > 1, received numThresholds=1/);
    expect(() => new AUC({ curve: 'DET' })).toThrow(/curve must be 'ROC', 'PR' or 'PRGAIN', received curve='DET'/);
    expect(() => new AUC({ summationMethod: 'trapezoid' })).toThrow(/received summationMethod='trapezoid'/);
    expect(() => new AUC({ numLabels: 3 })).toThrow(/numLabels is needed only when multiLabel is true/);
    expect(() => new AUC({ labelWeights: [-1] })).toThrow(/labelWeights=\[-1\]/);
    expect(() => new AUC({ thresholds: [0.5, NaN] })).toThrow(/thresholds must be a list of numbers/);
  });
});
