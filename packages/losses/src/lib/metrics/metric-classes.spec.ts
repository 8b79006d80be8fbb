import fc from 'fast-check';
import { ValueError } from '@strata/tensor';
import { Accuracy } from './accuracy';
import { BinaryAccuracy } from './binary-accuracy';
import { BinaryCrossentropy } from './binary-crossentropy';
import { CategoricalAccuracy } from './categorical-accuracy';
import { CategoricalCrossentropy } from './categorical-crossentropy';
import { CategoricalHinge } from './categorical-hinge';
import { CosineSimilarity } from './cosine-similarity';
import { Hinge } from './hinge';
import { KLDivergence } from './kl-divergence';
import { LogCoshError } from './log-cosh-error';
import { MeanAbsoluteError } from './mean-absolute-error';
import { MeanAbsolutePercentageError } from './mean-absolute-percentage-error';
import { MeanSquaredError } from './mean-squared-error';
import { MeanSquaredLogarithmicError } from './mean-squared-logarithmic-error';
import { Metric } from './metric';
import { Poisson } from './poisson';
import { RootMeanSquaredError } from './root-mean-squared-error';
import { SparseCategoricalAccuracy } from './sparse-categorical-accuracy';
import { SparseCategoricalCrossentropy } from './sparse-categorical-crossentropy';
import { SparseTopKCategoricalAccuracy } from './sparse-top-k-categorical-accuracy';
import { SquaredHinge } from './squared-hinge';
import { TopKCategoricalAccuracy } from './top-k-categorical-accuracy';

type Ctor = { new (o?: Record<string, unknown>): Metric; className: string; fromConfig(c: Record<string, unknown>): Metric };
const reg: [unknown, unknown] = [[[0, 1], [0, 0]], [[1, 1], [0, 0]]];
const cat: [unknown, unknown] = [[[0, 1, 0], [0, 0, 1]], [[0.05, 0.95, 0], [0.1, 0.8, 0.1]]];

// [class, Keras's default name, extra config keys, the TSDoc example's inputs and result]
const CASES: [Ctor, string, string[], [unknown, unknown], number][] = [
  [MeanSquaredError, 'mean_squared_error', [], reg, 0.25],
  [MeanAbsoluteError, 'mean_absolute_error', [], reg, 0.25],
  [MeanAbsolutePercentageError, 'mean_absolute_percentage_error', [], [[[1, 2], [4, 5]], [[1.5, 2], [3, 5.5]]], 21.25],
  [MeanSquaredLogarithmicError, 'mean_squared_logarithmic_error', [], reg, 0.1201132],
  [RootMeanSquaredError, 'root_mean_squared_error', [], reg, 0.5],
  [LogCoshError, 'logcosh', [], reg, 0.1084452],
  [CosineSimilarity, 'cosine_similarity', [], [[[0, 1], [1, 1]], [[1, 0], [1, 1]]], 0.5],
  [KLDivergence, 'kl_divergence', [], [[[0.5, 0.5]], [[0.25, 0.75]]], 0.143841],
  [Poisson, 'poisson', [], [[[1, 0]], [[1, 1]]], 1],
  [Hinge, 'hinge', [], [[[1, 0]], [[0.6, -0.4]]], 0.5],
  [SquaredHinge, 'squared_hinge', [], [[[1, 0]], [[0.6, -0.4]]], 0.26],
  [CategoricalHinge, 'categorical_hinge', [], [[[0, 1, 0]], [[0.2, 0.5, 0.3]]], 0.8],
  [Accuracy, 'accuracy', [], [[1, 2, 3, 4], [1, 2, 0, 4]], 0.75],
  [BinaryAccuracy, 'binary_accuracy', ['threshold'], [[[1], [1], [0], [0]], [[0.98], [1], [0], [0.6]]], 0.75],
  [CategoricalAccuracy, 'categorical_accuracy', [], [[[0, 0, 1], [0, 1, 0]], [[0.1, 0.9, 0.8], [0.05, 0.95, 0]]], 0.5],
  [SparseCategoricalAccuracy, 'sparse_categorical_accuracy', [], [[2, 1], [[0.1, 0.6, 0.3], [0.05, 0.95, 0]]], 0.5],
  [TopKCategoricalAccuracy, 'top_k_categorical_accuracy', ['k'], [[[0, 0, 1], [0, 1, 0]], [[0.1, 0.9, 0.8], [0.05, 0.95, 0]]], 1],
  [SparseTopKCategoricalAccuracy, 'sparse_top_k_categorical_accuracy', ['k'], [[2, 1], [[0.1, 0.9, 0.8], [0.05, 0.95, 0]]], 1],
  [BinaryCrossentropy, 'binary_crossentropy', ['from_logits', 'label_smoothing'], [[[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]]], 0.8149245],
  [CategoricalCrossentropy, 'categorical_crossentropy', ['from_logits', 'label_smoothing', 'axis'], cat, 1.1769392],
  [SparseCategoricalCrossentropy, 'sparse_categorical_crossentropy', ['from_logits', 'ignore_class', 'axis'], [[1, 2], cat[1]], 1.1769392],
];

describe.each(CASES)('%p', (Cls, name, keys, [yTrue, yPred], value) => {
  it("has Keras's default name and config keys", () => {
    const m = new Cls();
    expect(m.name).toBe(name);
    expect(Object.keys(m.getConfig())).toEqual(['name', 'dtype', ...keys]);
  });

  it('computes its TSDoc example (k = 5 for the top-k classes), and resets', () => {
    const m = new Cls();
    m.updateState(yTrue as number[], yPred as number[]);
    expect(m.result()).toBeCloseTo(value, 5);
    m.resetState();
    expect(m.result()).toBe(0);
  });

  it('round-trips its config for any name (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 8 }), (n) => {
        const m = new Cls({ name: n });
        const back = Cls.fromConfig(m.getConfig());
        expect(back).toBeInstanceOf(Cls);
        expect(back.getConfig()).toEqual(m.getConfig());
      }),
      { seed: 42, numRuns: 10 },
    );
  });

  it('rejects unknown config keys and a missing yPred', () => {
    expect(() => Cls.fromConfig({ name: 'x', bogus: 1 })).toThrow(ValueError);
    expect(() => Cls.fromConfig({ name: 'x', bogus: 1 })).toThrow(new RegExp(`^${Cls.className}: config has unknown keys .*received \\['bogus'\\]`));
    expect(() => new Cls().updateState(yTrue as number[])).toThrow(/updateState needs yTrue and yPred/);
  });
});

describe('metric options', () => {
  it('round-trip the crossentropy and cosine options', () => {
    const all: Metric[] = [
      new BinaryCrossentropy({ fromLogits: true, labelSmoothing: 0.1 }),
      new CategoricalCrossentropy({ labelSmoothing: 0.2, axis: 0 }),
      new SparseCategoricalCrossentropy({ ignoreClass: 0, fromLogits: true }),
      new CosineSimilarity({ axis: 0 }),
    ];
    for (const m of all) {
      const Cls = m.constructor as Ctor;
      expect(Cls.fromConfig(m.getConfig()).getConfig()).toEqual(m.getConfig());
    }
    expect(new CosineSimilarity({ axis: 0 }).getConfig()['axis']).toBe(0);
  });

  it('reject bad names, dtypes and option values', () => {
    expect(() => new Accuracy({ dtype: 'float64' })).toThrow(/Accuracy: only dtype 'float32' is supported, received dtype='float64'/);
    expect(() => new BinaryAccuracy({ threshold: 'x' as unknown as number })).toThrow(/threshold='x'/);
    expect(() => new CategoricalCrossentropy({ axis: 'last' as unknown as number })).toThrow(/axis='last'/);
    expect(() => new Hinge({ name: 5 as unknown as string })).toThrow(/name must be a string, received name=5/);
  });
});
