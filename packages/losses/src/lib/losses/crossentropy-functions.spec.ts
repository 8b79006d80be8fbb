import fc from 'fast-check';
import { ShapeError, ValueError, exp, sum, tensor } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import {
  binaryCrossentropy,
  binaryFocalCrossentropy,
  categoricalCrossentropy,
  categoricalFocalCrossentropy,
  sparseCategoricalCrossentropy,
} from './crossentropy-functions';
import { logSoftmax } from './crossentropy-ops';
import { getLossMask } from './loss-mask';

const EPS = 1e-7;

describe('binaryCrossentropy', () => {
  it('gives -log p for the true label, by hand', () => {
    expectClose(binaryCrossentropy([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]]), [
      (-Math.log(0.4) - Math.log(0.4)) / 2,
      (-Math.log(0.6) - Math.log(0.4)) / 2,
    ]);
  });

  it('clips probabilities to [1e-7, 1 - 1e-7] (in float32)', () => {
    const low = -Math.log(Math.fround(EPS));
    const high = -Math.log(1 - Math.fround(1 - EPS));
    expectClose(binaryCrossentropy([1, 0], [0, 1]), (low + high) / 2, 1e-6);
  });

  it('is stable for large logits and agrees with the probability path', () => {
    const out = binaryCrossentropy([[1, 0, 1, 0]], [[100, 100, -100, -100]], { fromLogits: true });
    expectClose(out, [(0 + 100 + 100 + 0) / 4]);
    const logits = tensor([[0.3, -1.2, 2.5]]);
    const probs = tensor([[0.3, -1.2, 2.5].map((x) => 1 / (1 + Math.exp(-x)))]);
    expectClose(binaryCrossentropy([[1, 0, 1]], logits, { fromLogits: true }), binaryCrossentropy([[1, 0, 1]], probs), 1e-5);
  });

  it('smooths labels towards 0.5', () => {
    expectClose(binaryCrossentropy([[1]], [[0.5]], { labelSmoothing: 0.4 }), [Math.log(2)]);
    expectClose(
      binaryCrossentropy([[1, 0]], [[0.7, 0.2]], { labelSmoothing: 0.2 }),
      binaryCrossentropy([[0.9, 0.1]], [[0.7, 0.2]]),
    );
  });

  it('has the gradients finite differences give, with and without logits', () => {
    const t = tensor([[1, 0, 1], [0, 0, 1]]);
    checkGradients((p) => binaryCrossentropy(t, p), [tensor([[0.3, 0.6, 0.9], [0.2, 0.5, 0.4]])], { eps: 1e-3 });
    checkGradients((x) => binaryCrossentropy(t, x, { fromLogits: true, labelSmoothing: 0.1 }), [tensor([[0.3, -2, 4], [1, -0.5, 0]])]);
  });

  it('rejects different shapes, naming both', () => {
    expect(() => binaryCrossentropy([[1, 0]], [[0.5], [0.5]])).toThrow(ShapeError);
    expect(() => binaryCrossentropy([[1, 0]], [[0.5], [0.5]])).toThrow(/yTrue.shape=\(1, 2\), yPred.shape=\(2, 1\)/);
  });

  it('rejects bad options, naming the value', () => {
    expect(() => binaryCrossentropy([1], [1], { fromLogits: 1 as unknown as boolean })).toThrow(ValueError);
    expect(() => binaryCrossentropy([1], [1], { fromLogits: 1 as unknown as boolean })).toThrow(/fromLogits=1/);
    expect(() => binaryCrossentropy([1], [1], { axis: true as unknown as number })).toThrow(/axis must be an integer, received axis=true/);
    expect(() => binaryCrossentropy([1], [1], { labelSmoothing: NaN })).toThrow(/labelSmoothing=NaN/);
  });
});

describe('categoricalCrossentropy', () => {
  it('renormalizes the predictions before the log, by hand', () => {
    expectClose(categoricalCrossentropy([[0, 1, 0]], [[1, 2, 1]]), [-Math.log(0.5)]);
  });

  it('uses a stable log-softmax for logits', () => {
    expectClose(categoricalCrossentropy([[1, 0]], [[1000, 0]], { fromLogits: true }), [0]);
    expectClose(categoricalCrossentropy([[0, 1]], [[1000, 0]], { fromLogits: true }), [1000]);
    expectClose(logSoftmax(tensor([[1000, 1000]])), [[-Math.log(2), -Math.log(2)]]);
  });

  it('smooths labels as t (1 - ls) + ls / classes', () => {
    expectClose(
      categoricalCrossentropy([[0, 1, 0, 0]], [[0.1, 0.6, 0.2, 0.1]], { labelSmoothing: 0.2 }),
      categoricalCrossentropy([[0.05, 0.85, 0.05, 0.05]], [[0.1, 0.6, 0.2, 0.1]]),
    );
  });

  it('works along another axis', () => {
    const t = tensor([[1, 0], [0, 1], [0, 0]]);
    const p = tensor([[0.5, 0.1], [0.25, 0.3], [0.25, 0.6]]);
    expectClose(categoricalCrossentropy(t, p, { axis: 0 }), [-Math.log(0.5), -Math.log(0.3)]);
  });

  it('has the gradients finite differences give', () => {
    const t = tensor([[0, 1, 0], [0.2, 0.3, 0.5]]);
    checkGradients((p) => categoricalCrossentropy(t, p), [tensor([[0.2, 0.5, 0.3], [1, 2, 3]])], { eps: 1e-3 });
    checkGradients((x) => categoricalCrossentropy(t, x, { fromLogits: true, labelSmoothing: 0.1 }), [tensor([[1, -2, 0.5], [3, 0, -1]])]);
  });

  it('rejects different shapes and scalars, naming both shapes', () => {
    expect(() => categoricalCrossentropy([[0, 1, 0]], [[0.5, 0.5]])).toThrow(ShapeError);
    expect(() => categoricalCrossentropy([[0, 1, 0]], [[0.5, 0.5]])).toThrow(/yTrue.shape=\(1, 3\), yPred.shape=\(1, 2\)/);
    expect(() => categoricalCrossentropy(1, 0.5)).toThrow(/rank >= 1/);
  });

  it('is -log of the predicted probability of a one-hot target (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.float({ min: Math.fround(0.01), max: 1, noNaN: true }), { minLength: 2, maxLength: 6 }),
        fc.nat(),
        (raw, k) => {
          const total = raw.reduce((a, b) => a + b, 0);
          const probs = raw.map((v) => v / total);
          const c = k % probs.length;
          const onehot = probs.map((_, i) => (i === c ? 1 : 0));
          const expected = -Math.log(Math.min(Math.max(probs[c], EPS), 1 - EPS));
          expectClose(categoricalCrossentropy([onehot], [probs]), [expected], 1e-5, 1e-6);
          expectClose(sparseCategoricalCrossentropy([c], [probs]), [expected], 1e-5, 1e-6);
          expectClose(binaryCrossentropy([[1]], [[probs[c]]]), [expected], 1e-5, 1e-6);
        },
      ),
      { seed: 42, numRuns: 50 },
    );
  });

  it('with logits equals the crossentropy of the softmax (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.float({ min: -20, max: 20, noNaN: true }), { minLength: 2, maxLength: 6 }), fc.nat(), (logits, k) => {
        const c = k % logits.length;
        const onehot = logits.map((_, i) => (i === c ? 1 : 0));
        const softmax = exp(logSoftmax(tensor([logits])));
        expect(sum(softmax).item()).toBeCloseTo(1, 5);
        const fromLogits = categoricalCrossentropy([onehot], [logits], { fromLogits: true }).item();
        expect(fromLogits).toBeCloseTo(-logSoftmax(tensor([logits])).data[c], 4);
      }),
      { seed: 42, numRuns: 50 },
    );
  });
});

describe('sparseCategoricalCrossentropy', () => {
  const p = [[0.05, 0.95, 0], [0.1, 0.8, 0.1]];

  it('picks -log p[label], with labels as [batch] or [batch, 1], int or float', () => {
    const expected = [-Math.log(0.95), -Math.log(0.1)];
    expectClose(sparseCategoricalCrossentropy([1, 2], p), expected, 1e-5);
    expectClose(sparseCategoricalCrossentropy([[1], [2]], p), expected, 1e-5);
    expectClose(sparseCategoricalCrossentropy(tensor([1, 2], undefined, 'int32'), p), expected, 1e-5);
  });

  it('gives 0 for labels out of range', () => {
    expectClose(sparseCategoricalCrossentropy([3, -1], p), [0, 0]);
  });

  it('zeroes and masks the ignored class', () => {
    const out = sparseCategoricalCrossentropy([1, 2], p, { ignoreClass: 2 });
    expectClose(out, [-Math.log(0.95), 0], 1e-5);
    expect(getLossMask(out)?.toArray()).toEqual([true, false]);
    // The ignored row's NaN (0/0 after zeroing) must not leak into the gradient.
    checkGradients((x) => sparseCategoricalCrossentropy([1, 2], x, { ignoreClass: 2 }), [tensor(p)], {
      eps: 1e-3,
    });
  });

  it('has the gradients finite differences give', () => {
    checkGradients((x) => sparseCategoricalCrossentropy([2, 0, 1], x, { fromLogits: true }), [tensor([[1, 2, 3], [0, -1, 1], [2, 2, 0]])]);
    checkGradients((x) => sparseCategoricalCrossentropy([[0, 1], [1, 1]], x), [tensor([[[0.3, 0.7], [0.6, 0.4]], [[0.2, 0.8], [0.5, 0.5]]])], {
      eps: 1e-3,
    });
  });

  it('rejects labels that do not fit the predictions, naming both shapes', () => {
    expect(() => sparseCategoricalCrossentropy([1, 2, 0], p)).toThrow(ShapeError);
    expect(() => sparseCategoricalCrossentropy([1, 2, 0], p)).toThrow(/yTrue.shape=\(3,\), yPred.shape=\(2, 3\)/);
    expect(() => sparseCategoricalCrossentropy([1, 2], p, { ignoreClass: 'x' as unknown as number })).toThrow(/ignoreClass='x'/);
  });
});

describe('focal crossentropies', () => {
  it('binary: gamma 0 without balancing is the binary crossentropy', () => {
    const t = [[0, 1, 1], [1, 0, 0]];
    const q = [[0.2, 0.7, 0.4], [0.9, 0.3, 0.5]];
    expectClose(binaryFocalCrossentropy(t, q, { gamma: 0 }), binaryCrossentropy(t, q));
  });

  it('binary: weights by (1 - p_t)^gamma and alpha, by hand', () => {
    const p = 0.8;
    const focal = 0.2 ** 2 * -Math.log(p);
    expectClose(binaryFocalCrossentropy([[1]], [[p]]), [focal], 1e-5);
    expectClose(binaryFocalCrossentropy([[1]], [[p]], { applyClassBalancing: true, alpha: 0.4 }), [0.4 * focal], 1e-5);
    expectClose(binaryFocalCrossentropy([[0]], [[1 - p]], { applyClassBalancing: true, alpha: 0.4 }), [0.6 * focal], 1e-5);
  });

  it('categorical: alpha 1 and gamma 0 is the categorical crossentropy', () => {
    const t = [[0, 1, 0], [0, 0, 1]];
    const q = [[0.2, 0.5, 0.3], [0.1, 0.6, 0.3]];
    expectClose(categoricalFocalCrossentropy(t, q, { alpha: 1, gamma: 0 }), categoricalCrossentropy(t, q), 1e-6);
  });

  it('categorical: takes one alpha per class', () => {
    const t = [[0, 1, 0]];
    const q = [[0.2, 0.5, 0.3]];
    expectClose(categoricalFocalCrossentropy(t, q, { alpha: [9, 2, 9] }), categoricalFocalCrossentropy(t, q, { alpha: 2 }));
  });

  it('have the gradients finite differences give', () => {
    const t = tensor([[0, 1, 0], [1, 0, 0]]);
    checkGradients((x) => binaryFocalCrossentropy(t, x, { fromLogits: true, applyClassBalancing: true }), [tensor([[0.5, -1, 2], [1, 0, -2]])]);
    checkGradients((x) => categoricalFocalCrossentropy(t, x, { fromLogits: true, gamma: 1.5 }), [tensor([[0.5, -1, 2], [1, 0, -2]])]);
  });

  it('reject bad alpha and shapes', () => {
    expect(() => categoricalFocalCrossentropy([[0, 1]], [[0.5, 0.5]], { alpha: [0.5, 'a' as unknown as number] })).toThrow(/alpha='a'/);
    expect(() => categoricalFocalCrossentropy([[0, 1]], [[0.5, 0.2, 0.3]])).toThrow(ShapeError);
    expect(() => binaryFocalCrossentropy([[1]], [[0.5]], { gamma: Infinity })).toThrow(/gamma=Infinity/);
  });
});
