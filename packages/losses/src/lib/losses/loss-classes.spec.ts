import fc from 'fast-check';
import { ValueError, add, tensor } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import { BinaryCrossentropy } from './binary-crossentropy';
import { BinaryFocalCrossentropy } from './binary-focal-crossentropy';
import { CategoricalCrossentropy } from './categorical-crossentropy';
import { CategoricalFocalCrossentropy } from './categorical-focal-crossentropy';
import { CategoricalHinge } from './categorical-hinge';
import { CosineSimilarity } from './cosine-similarity';
import { Hinge } from './hinge';
import { Huber } from './huber';
import { KLDivergence } from './kl-divergence';
import { LogCosh } from './log-cosh';
import { Loss } from './loss';
import { MeanAbsoluteError } from './mean-absolute-error';
import { MeanAbsolutePercentageError } from './mean-absolute-percentage-error';
import { MeanSquaredError } from './mean-squared-error';
import { MeanSquaredLogarithmicError } from './mean-squared-logarithmic-error';
import { Poisson } from './poisson';
import { SparseCategoricalCrossentropy } from './sparse-categorical-crossentropy';
import { SquaredHinge } from './squared-hinge';

type Ctor = { new (o?: Record<string, unknown>): Loss; className: string; fromConfig(c: Record<string, unknown>): Loss };
const yt2 = [[0, 1], [0, 0]];
const yp2 = [[0.6, 0.4], [0.4, 0.6]];
const ytc = [[0, 1, 0], [0, 0, 1]];
const ypc = [[0.05, 0.95, 0], [0.1, 0.8, 0.1]];

// [class, Keras's default name, extra config keys, the TSDoc example's inputs and value]
const CASES: [Ctor, string, string[], unknown, unknown, number][] = [
  [MeanSquaredError, 'mean_squared_error', [], yt2, yp2, 0.31],
  [MeanAbsoluteError, 'mean_absolute_error', [], yt2, yp2, 0.55],
  [MeanAbsolutePercentageError, 'mean_absolute_percentage_error', [], [[1, 2], [4, 5]], [[1.5, 2], [3, 5.5]], 21.25],
  [MeanSquaredLogarithmicError, 'mean_squared_logarithmic_error', [], yt2, yp2, 0.1705593],
  [LogCosh, 'log_cosh', [], yt2, yp2, 0.1470898],
  [Huber, 'huber_loss', [], yt2, yp2, 0.155],
  [CosineSimilarity, 'cosine_similarity', [], [[0, 1], [1, 1]], [[1, 0], [1, 1]], -0.5],
  [KLDivergence, 'kl_divergence', [], yt2, yp2, 0.458143],
  [Poisson, 'poisson', [], yt2, yp2, 0.7290726],
  [Hinge, 'hinge', [], yt2, yp2, 1.3],
  [SquaredHinge, 'squared_hinge', [], yt2, yp2, 1.86],
  [CategoricalHinge, 'categorical_hinge', [], [[0, 1, 0], [1, 0, 0]], [[0.2, 0.5, 0.3], [0.6, 0.3, 0.1]], 0.75],
  [BinaryCrossentropy, 'binary_crossentropy', ['from_logits', 'label_smoothing', 'axis'], yt2, yp2, 0.8149245],
  [
    BinaryFocalCrossentropy,
    'binary_focal_crossentropy',
    ['from_logits', 'label_smoothing', 'axis', 'apply_class_balancing', 'alpha', 'gamma'],
    yt2,
    yp2,
    0.2678315,
  ],
  [CategoricalCrossentropy, 'categorical_crossentropy', ['from_logits', 'label_smoothing', 'axis'], ytc, ypc, 1.1769392],
  [
    CategoricalFocalCrossentropy,
    'categorical_focal_crossentropy',
    ['from_logits', 'label_smoothing', 'axis', 'alpha', 'gamma'],
    ytc,
    ypc,
    0.2331528,
  ],
  [SparseCategoricalCrossentropy, 'sparse_categorical_crossentropy', ['from_logits', 'ignore_class'], [1, 2], ypc, 1.1769392],
];

describe.each(CASES)('%p', (Cls, name, keys, yTrue, yPred, value) => {
  it("has Keras's default name and config keys", () => {
    const loss = new Cls();
    expect(loss.name).toBe(name);
    expect(loss.reduction).toBe('sum_over_batch_size');
    expect(Object.keys(loss.getConfig())).toEqual(['name', 'reduction', ...keys]);
  });

  it('computes its TSDoc example', () => {
    expectClose(new Cls().apply(yTrue as number[], yPred as number[]), value, 1e-5);
  });

  it('is differentiable with respect to yPred', () => {
    // Shifted off the kinks (|yTrue - yPred| = 0) where finite differences mean nothing.
    const p = add(tensor(yPred as number[][]), 0.013);
    checkGradients((x) => new Cls().apply(yTrue as number[], x), [p], { eps: 1e-3 });
  });

  it('round-trips its config for every reduction and name (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('sum_over_batch_size', 'sum', 'mean', 'mean_with_sample_weight', 'none', null),
        fc.string({ minLength: 1, maxLength: 8 }),
        (reduction, n) => {
          const loss = new Cls({ reduction, name: n });
          const back = Cls.fromConfig(loss.getConfig());
          expect(back).toBeInstanceOf(Cls);
          expect(back.getConfig()).toEqual(loss.getConfig());
        },
      ),
      { seed: 42, numRuns: 20 },
    );
  });

  it('rejects a bad reduction, naming the value', () => {
    expect(() => new Cls({ reduction: 'avg' })).toThrow(ValueError);
    expect(() => new Cls({ reduction: 'avg' })).toThrow(new RegExp(`^${Cls.className}: reduction must be one of .*received reduction='avg'`));
  });
});

describe('loss options', () => {
  it('round-trip the crossentropy options', () => {
    const all = [
      new BinaryCrossentropy({ fromLogits: true, labelSmoothing: 0.2, axis: 1 }),
      new BinaryFocalCrossentropy({ applyClassBalancing: true, alpha: 0.4, gamma: 3, fromLogits: true }),
      new CategoricalCrossentropy({ labelSmoothing: 0.1, axis: 0 }),
      new CategoricalFocalCrossentropy({ alpha: [0.2, 0.3, 0.5], gamma: 1 }),
      new SparseCategoricalCrossentropy({ fromLogits: true, ignoreClass: 255 }),
    ];
    for (const loss of all) {
      const Cls = loss.constructor as Ctor;
      expect(Cls.fromConfig(loss.getConfig()).getConfig()).toEqual(loss.getConfig());
    }
  });

  it('write delta / axis only away from the default, where Keras 3.15.1 drops them', () => {
    expect(new Huber().getConfig()).toEqual({ name: 'huber_loss', reduction: 'sum_over_batch_size' });
    expect(new Huber({ delta: 2 }).getConfig()).toEqual({ name: 'huber_loss', reduction: 'sum_over_batch_size', delta: 2 });
    expect((Huber.fromConfig({ delta: 2 }) as Huber).delta).toBe(2);
    expect(new CosineSimilarity({ axis: 0 }).getConfig()['axis']).toBe(0);
    expect((CosineSimilarity.fromConfig({ axis: 0 }) as CosineSimilarity).axis).toBe(0);
    expect(new SparseCategoricalCrossentropy({ axis: 1 }).getConfig()['axis']).toBe(1);
    expect('axis' in new SparseCategoricalCrossentropy().getConfig()).toBe(false);
  });

  it('reject bad option values, naming them', () => {
    expect(() => new BinaryCrossentropy({ fromLogits: 'yes' as unknown as boolean })).toThrow(
      /^BinaryCrossentropy: fromLogits must be a boolean, received fromLogits='yes'/,
    );
    expect(() => new CategoricalCrossentropy({ axis: 1.5 })).toThrow(/^CategoricalCrossentropy: axis must be an integer, received axis=1.5/);
    expect(() => new Huber({ delta: NaN })).toThrow(/^Huber: delta must be a finite number, received delta=NaN/);
    expect(() => new CategoricalFocalCrossentropy({ alpha: [0.1, null as unknown as number] })).toThrow(/alpha=null/);
    expect(() => new SparseCategoricalCrossentropy({ ignoreClass: '0' as unknown as number })).toThrow(/ignoreClass='0'/);
  });

  it('make the ignored class drop out of the mean', () => {
    const loss = new SparseCategoricalCrossentropy({ ignoreClass: 0 });
    const p = [[0.5, 0.5], [0.2, 0.8], [0.9, 0.1]];
    expectClose(loss.apply([1, 1, 0], p), (-Math.log(0.5) - Math.log(0.8)) / 2, 1e-6);
  });
});
