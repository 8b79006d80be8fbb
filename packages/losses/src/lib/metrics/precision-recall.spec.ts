import fc from 'fast-check';
import { ShapeError, ValueError } from '@strata/tensor';
import { updateConfusionMatrix } from './confusion-matrix';
import { FalseNegatives } from './false-negatives';
import { FalsePositives } from './false-positives';
import { Precision } from './precision';
import { Recall } from './recall';
import { TrueNegatives } from './true-negatives';
import { TruePositives } from './true-positives';

describe('Precision and Recall', () => {
  it('compute their TSDoc examples', () => {
    const p = new Precision();
    p.updateState([0, 1, 1, 1], [1, 0, 1, 1]);
    expect(p.result()).toBeCloseTo(2 / 3, 6);
    const r = new Recall();
    r.updateState([0, 1, 1, 1], [1, 0, 1, 1]);
    expect(r.result()).toBeCloseTo(2 / 3, 6);
  });

  it('give one value per threshold and 0 when nothing is predicted', () => {
    const p = new Precision({ thresholds: [0.2, 0.5, 0.95] });
    p.updateState([1, 0, 1, 0], [0.9, 0.6, 0.4, 0.1]);
    expect(p.result()).toEqual([Math.fround(2 / 3), 0.5, 0]);
  });

  it('count only the top k of each sample with topK', () => {
    const p = new Precision({ topK: 1 });
    p.updateState([[0, 1, 1], [1, 0, 0]], [[0.2, 0.7, 0.9], [0.3, 0.6, 0.1]]);
    expect(p.result()).toBe(0.5);
    const r = new Recall({ topK: 2 });
    r.updateState([[0, 1, 1], [1, 0, 0]], [[0.2, 0.7, 0.9], [0.3, 0.6, 0.1]]);
    expect(r.result()).toBe(1);
  });

  it('score one class with classId', () => {
    const r = new Recall({ classId: 2 });
    r.updateState([[0, 1, 1], [1, 0, 1]], [[0.2, 0.7, 0.9], [0.3, 0.6, 0.1]]);
    expect(r.result()).toBe(0.5);
  });

  it('weight samples', () => {
    const p = new Precision();
    p.updateState([1, 0, 1], [0.9, 0.8, 0.1], [1, 3, 5]);
    expect(p.result()).toBe(0.25);
  });

  it('reset and round-trip their config', () => {
    const p = new Precision({ thresholds: [0.3, 0.6], classId: 1, name: 'p' });
    p.updateState([[0, 1]], [[0.5, 0.9]]);
    p.resetState();
    expect(p.result()).toEqual([0, 0]);
    expect(p.getConfig()).toEqual({ name: 'p', dtype: 'float32', thresholds: [0.3, 0.6], top_k: null, class_id: 1 });
    expect(Precision.fromConfig(p.getConfig()).getConfig()).toEqual(p.getConfig());
    expect(new Recall().name).toBe('recall');
  });

  it('reject bad arguments, naming the value', () => {
    expect(() => new Precision({ thresholds: [0.5, 1.5] })).toThrow(ValueError);
    expect(() => new Precision({ thresholds: [0.5, 1.5] })).toThrow(/Precision: thresholds must be numbers in \[0, 1\], received thresholds=\[0.5, 1.5\]/);
    expect(() => new Recall({ topK: 0 })).toThrow(/Recall: topK must be a positive integer, received topK=0/);
    expect(() => new Recall({ classId: -1 })).toThrow(/classId=-1/);
    const r = new Recall({ classId: 3 });
    expect(() => r.updateState([[0, 1]], [[0.5, 0.5]])).toThrow(/classId must be an integer in \[0, 1\], received classId=3/);
    expect(() => new Recall({ classId: 0 }).updateState([0, 1], [0.5, 0.5])).toThrow(ShapeError);
    expect(() => new Precision().updateState([0, 1], [0.5, 0.5, 0.5])).toThrow(/yTrue.shape=\(2,\), yPred.shape=\(3,\)/);
    expect(() => new Precision().updateState([[0, 1]], [[0.5, 0.5]], [[1, 2, 3]])).toThrow(/sampleWeight must broadcast to yPred/);
  });
});

describe('confusion counts', () => {
  it('count each cell, per threshold', () => {
    const y = [0, 1, 1, 1];
    const p = [1, 0, 1, 1];
    const counts = [new TruePositives(), new FalsePositives(), new TrueNegatives(), new FalseNegatives()].map((m) => {
      m.updateState(y, p);
      return m.result();
    });
    expect(counts).toEqual([2, 1, 0, 1]);
    const fp = new FalsePositives({ thresholds: [0, 0.5] });
    fp.updateState([0, 0, 1], [0.2, 0.7, 0.9]);
    expect(fp.result()).toEqual([2, 1]);
    expect(fp.getConfig()).toEqual({ name: 'false_positives', dtype: 'float32', thresholds: [0, 0.5] });
  });

  it("Keras's bucketed path for evenly spaced thresholds agrees with the direct one (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 1000 }), fc.float({ min: 0, max: 3, noNaN: true })), {
          minLength: 1,
          maxLength: 20,
        }),
        fc.integer({ min: 3, max: 12 }),
        (rows, n) => {
          const thresholds = Array.from({ length: n }, (_, i) => i / (n - 1));
          // Predictions away from the thresholds, where float rounding could flip a comparison.
          const preds = rows.map(([, q]) => (q + 0.5) / 1001);
          const labels = rows.map(([t]) => (t ? 1 : 0));
          const weights = rows.map(([, , w]) => w);
          const run = (evenlyDistributed: boolean) => {
            const c = { tp: new Float32Array(n), fp: new Float32Array(n), tn: new Float32Array(n), fn: new Float32Array(n) };
            updateConfusionMatrix('test', c, labels, preds, { thresholds, evenlyDistributed, sampleWeight: weights });
            return [...c.tp, ...c.fp, ...c.tn, ...c.fn];
          };
          const a = run(true);
          const b = run(false);
          a.forEach((v, i) => expect(v).toBeCloseTo(b[i], 3));
        },
      ),
      { seed: 42, numRuns: 50 },
    );
  });
});
