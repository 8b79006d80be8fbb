import { ShapeError, Tensor, ValueError, Variable, mean, randomNormal, randomUniform, tensor, variance } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import fc from 'fast-check';
import { input } from '../core/input-layer';
import { getMask, setMask } from '../engine/masks';
import { checkLayerContract } from '../testing/check-layer-contract';
import { BatchNormalization, BatchNormalizationArgs } from './batch-normalization';

function built(args: BatchNormalizationArgs, shape: (number | null)[]): BatchNormalization {
  const bn = new BatchNormalization(args);
  bn.maybeBuild(shape);
  return bn;
}

/** `f` with `v`'s value replaced by its argument, and every weight restored before each call. */
function withWeight(bn: BatchNormalization, v: Variable, f: () => Tensor): (w: Tensor) => Tensor {
  const initial = bn.getWeights();
  return (w) => {
    bn.setWeights(initial);
    const prev = v.swapValue(w);
    try {
      return f();
    } finally {
      v.swapValue(prev);
    }
  };
}

describe('BatchNormalization', () => {
  it('passes the layer contract in inference and training, channels last and first', () => {
    const make = () => new BatchNormalization();
    checkLayerContract(make, { inputShape: [4, 3], weights: 4, trainableWeights: 2, wrongRankShape: [4, 3, 2] });
    checkLayerContract(make, { inputShape: [2, 3, 3, 2], weights: 4, trainableWeights: 2, training: true, wrongRankShape: [3, 2] });
    checkLayerContract(() => new BatchNormalization({ axis: 1, center: false }), { inputShape: [2, 3, 4], weights: 3, trainableWeights: 1 });
    checkLayerContract(() => new BatchNormalization({ renorm: true }), { inputShape: [4, 3], weights: 7, trainableWeights: 2, training: true });
  });

  it('creates gamma, beta, moving_mean, moving_variance in Keras order; the moving ones non-trainable', () => {
    const bn = built({}, [null, 3]);
    expect(bn.weights.map((w) => [w.name, w.shape])).toEqual([
      ['gamma', [3]], ['beta', [3]], ['moving_mean', [3]], ['moving_variance', [3]],
    ]);
    expect(bn.trainableWeights.map((w) => w.name)).toEqual(['gamma', 'beta']);
    expect(bn.nonTrainableWeights.map((w) => w.name)).toEqual(['moving_mean', 'moving_variance']);
    expect(bn.getWeights().map((w) => w.toArray())).toEqual([[1, 1, 1], [0, 0, 0], [0, 0, 0], [1, 1, 1]]);
    expect(built({ axis: 1 }, [null, 5, 2]).gamma!.shape).toEqual([5]);
  });

  it('normalizes with batch statistics in training and updates the moving averages (hand-checked)', () => {
    const bn = built({ momentum: 0.5, epsilon: 0 }, [null, 2]);
    // Column 0: mean 2, variance 1; column 1: mean 4, variance 4.
    const y = bn.apply(tensor([[1, 2], [3, 6]]), { training: true });
    expect(y.toArray()).toEqual([[-1, -1], [1, 1]]);
    expect(bn.movingMean.value.toArray()).toEqual([1, 2]); // 0 * 0.5 + mean * 0.5
    expect(bn.movingVariance.value.toArray()).toEqual([1, 2.5]); // 1 * 0.5 + var * 0.5
  });

  it('uses the moving statistics at inference and leaves them unchanged', () => {
    const bn = built({ epsilon: 0 }, [null, 2]);
    bn.setWeights([tensor([2, 0.5]), tensor([1, -1]), tensor([1, 10]), tensor([4, 1])]);
    // gamma * (x - movingMean) / sqrt(movingVar) + beta
    expect(bn.apply(tensor([[3, 12], [-1, 10]])).toArray()).toEqual([[3, 0], [-1, -1]]);
    expect(bn.movingMean.value.toArray()).toEqual([1, 10]);
    expect(bn.movingVariance.value.toArray()).toEqual([4, 1]);
  });

  it('runs a frozen layer (trainable = false) in inference mode even with training: true, as Keras', () => {
    const bn = built({ epsilon: 0 }, [null, 2]);
    bn.setWeights([tensor([1, 1]), tensor([0, 0]), tensor([1, 1]), tensor([4, 4])]);
    bn.trainable = false;
    expect(bn.trainableWeights).toEqual([]);
    expect(bn.apply(tensor([[3, 5]]), { training: true }).toArray()).toEqual([[1, 2]]);
    expect(bn.movingMean.value.toArray()).toEqual([1, 1]);
  });

  it('normalizes channels-first inputs along axis 1', () => {
    const bn = built({ axis: 1, epsilon: 0, momentum: 0.5 }, [null, 2, 2]);
    // Channel 0 holds 0, 2, 4, 6 (mean 3, variance 5); channel 1 holds 1, 3, 1, 3 (mean 2, variance 1).
    const y = bn.apply(tensor([[[0, 2], [1, 3]], [[4, 6], [1, 3]]]), { training: true });
    const s = Math.sqrt(5);
    expectClose(y, tensor([[[-3 / s, -1 / s], [-1, 1]], [[1 / s, 3 / s], [-1, 1]]]));
    expect(bn.movingMean.value.toArray()).toEqual([1.5, 1]);
    expect(bn.movingVariance.value.toArray()).toEqual([3, 1]);
  });

  it('computes masked moments over the unmasked steps only (Keras 3 masked BatchNormalization)', () => {
    const bn = built({ momentum: 0, epsilon: 0 }, [null, 3, 1]);
    const x = tensor([[[1], [3], [100]], [[-50], [5], [7]]]);
    const mask = tensor([[true, true, false], [false, true, true]], undefined, 'bool');
    bn.apply(x, { training: true, mask });
    // Unmasked values 1, 3, 5, 7: mean 4, variance 5 (up to Keras's 1e-7 in the count).
    expectClose(bn.movingMean.value, [4], 1e-6);
    expectClose(bn.movingVariance.value, [5], 1e-6);
    // A mask carried by the input is used too, and passed on to the output.
    const bn2 = built({ momentum: 0, epsilon: 0 }, [null, 3, 1]);
    const carried = tensor(x.data, x.shape);
    setMask(carried, mask);
    const y = bn2.apply(carried, { training: true });
    expectClose(bn2.movingMean.value, [4], 1e-6);
    expect(getMask(y)).toBe(mask);
  });

  it('an all-true mask gives the unmasked result', () => {
    const x = randomNormal([3, 4, 2], { seed: 5 });
    const a = built({}, [null, 4, 2]).apply(x, { training: true, mask: tensor(new Array(12).fill(true), [3, 4], 'bool') });
    const b = built({}, [null, 4, 2]).apply(x, { training: true });
    expectClose(a, b, 1e-5, 1e-5);
  });

  it('has finite-difference gradients with respect to input, gamma and beta in training and inference', () => {
    for (const training of [true, false]) {
      const bn = built({ momentum: 0.9 }, [null, 3]);
      bn.setWeights([tensor([1.5, 0.5, -1]), tensor([0.1, 0.2, 0.3]), tensor([0.2, -0.1, 0]), tensor([0.8, 1.2, 2])]);
      const x = randomUniform([4, 3], { minval: -2, maxval: 2, seed: 11 });
      checkGradients((xi) => bn.apply(xi, { training }), [x]);
      checkGradients(withWeight(bn, bn.gamma!, () => bn.apply(x, { training })), [bn.gamma!.value]);
      checkGradients(withWeight(bn, bn.beta!, () => bn.apply(x, { training })), [bn.beta!.value]);
    }
  });

  it('has finite-difference gradients on rank-4 inputs, axis 1, masks and renorm', () => {
    const x = randomUniform([2, 3, 2, 2], { minval: -2, maxval: 2, seed: 3 });
    const axis1 = built({ axis: 1 }, [null, 3, 2, 2]);
    checkGradients((xi) => axis1.apply(xi, { training: true }), [x]);
    checkGradients(withWeight(axis1, axis1.gamma!, () => axis1.apply(x, { training: true })), [axis1.gamma!.value]);
    const masked = built({}, [null, 3, 2, 2]);
    const mask = tensor([[[true, false], [true, true], [false, true]], [[true, true], [true, false], [true, true]]], undefined, 'bool');
    checkGradients((xi) => masked.apply(xi, { training: true, mask }), [x]);
    checkGradients(withWeight(masked, masked.gamma!, () => masked.apply(x, { training: true, mask })), [masked.gamma!.value]);
    const renorm = built({ renorm: true, renormClipping: { rmax: 2, rmin: 0.5, dmax: 1 } }, [null, 3, 2, 2]);
    checkGradients(withWeight(renorm, renorm.gamma!, () => renorm.apply(x, { training: true })), [renorm.gamma!.value]);
    checkGradients(withWeight(renorm, renorm.beta!, () => renorm.apply(x, { training: true })), [renorm.beta!.value]);
  });

  it('gives each channel mean 0 and variance var / (var + epsilon) in training (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 9 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 1000 }), (n, c, seed) => {
        const x = randomNormal([n, c], { mean: 3, stddev: 2, seed });
        const y = new BatchNormalization().apply(x, { training: true });
        const v = variance(x, 0).data;
        expectClose(mean(y, 0), new Array(c).fill(0), 0, 1e-4);
        expectClose(variance(y, 0), Array.from(v, (s) => s / (s + 1e-3)), 1e-3, 1e-4);
      }),
      { seed: 42, numRuns: 50 },
    );
  });

  it('round-trips random configs through fromConfig (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          axis: fc.integer({ min: -3, max: 3 }),
          momentum: fc.double({ min: 0, max: 1, noNaN: true }),
          epsilon: fc.double({ min: 0, max: 1, noNaN: true }),
          center: fc.boolean(),
          scale: fc.boolean(),
          renorm: fc.boolean(),
          gammaInitializer: fc.constantFrom('ones', 'he_normal', 'zeros'),
          gammaRegularizer: fc.constantFrom(null, 'l2'),
          betaConstraint: fc.constantFrom(null, 'non_neg'),
        }),
        (args) => {
          const config = new BatchNormalization(args).getConfig();
          expect(BatchNormalization.fromConfig(JSON.parse(JSON.stringify(config))).getConfig()).toEqual(config);
        },
      ),
      { seed: 42, numRuns: 50 },
    );
  });

  it('adds the gamma and beta regularization penalties to losses', () => {
    const bn = built({ gammaRegularizer: 'l2', betaRegularizer: { class_name: 'L1', config: { l1: 0.5 } } }, [null, 2]);
    expect(bn.losses.map((l) => l.item())).toEqual([expect.closeTo(0.02, 6), 0]);
  });

  it('builds on symbolic inputs and keeps the shape', () => {
    const y = new BatchNormalization({ axis: 1 }).apply(input({ shape: [4, 5] }));
    expect(y.shape).toEqual([null, 4, 5]);
    expect(new BatchNormalization().computeOutputShape([null, 7])).toEqual([null, 7]);
  });

  describe('rejects bad arguments and inputs', () => {
    const bad: [string, BatchNormalizationArgs, RegExp][] = [
      ['a fractional axis', { axis: 1.5 }, /axis must be an integer, received axis=1\.5/],
      ['a string axis', { axis: 'a' as never }, /axis must be an integer, received axis='a'/],
      ['a string momentum', { momentum: 'x' as never }, /momentum must be a finite number, received momentum='x'/],
      ['a negative epsilon', { epsilon: -1 }, /epsilon must be a non-negative number, received epsilon=-1/],
      ['a NaN epsilon', { epsilon: NaN }, /epsilon must be a finite number, received epsilon=NaN/],
      ['a non-boolean center', { center: 'yes' as never }, /center must be a boolean, received center='yes'/],
      ['a non-boolean scale', { scale: 1 as never }, /scale must be a boolean, received scale=1/],
      ['a non-boolean synchronized', { synchronized: 'x' as never }, /synchronized must be a boolean, received synchronized='x'/],
      ['an unknown initializer', { gammaInitializer: 'nope' }, /nope/],
      ['unknown renormClipping keys', { renorm: true, renormClipping: { x: 1 } as never }, /keys must be among rmax, rmin, dmax, received renormClipping=\{"x":1\}/],
      ['rmax below rmin', { renorm: true, renormClipping: { rmax: 1, rmin: 2 } }, /rmax must be >= rmin, received rmax=1, rmin=2/],
      ['a negative dmax', { renorm: true, renormClipping: { dmax: -1 } }, /dmax must be non-negative, received dmax=-1/],
      ['a non-object renormClipping', { renorm: true, renormClipping: 3 as never }, /must be an object.*received renormClipping=3/],
      ['a non-number clipping bound', { renorm: true, renormClipping: { rmax: 'a' } as never }, /renormClipping\.rmax must be a number/],
    ];
    it.each(bad)('%s', (_what, args, message) => {
      expect(() => new BatchNormalization(args)).toThrow(ValueError);
      expect(() => new BatchNormalization(args)).toThrow(message);
    });

    it('an axis outside the input rank', () => {
      const bn = new BatchNormalization({ axis: 5 });
      expect(() => bn.apply(tensor([[1, 2]]))).toThrow(ValueError);
      expect(() => bn.apply(tensor([[1, 2]]))).toThrow(/axis 5 is out of bounds for input shape \(1, 2\), received axis=5/);
      expect(() => bn.computeOutputShape([null, 3])).toThrow(/axis 5 is out of bounds for input shape \(None, 3\)/);
      expect(() => new BatchNormalization().apply(tensor(1))).toThrow(/axis -1 is out of bounds for input shape \(\)/);
    });

    it('an unknown channel size', () => {
      expect(() => new BatchNormalization().apply(input({ shape: [null] }))).toThrow(ShapeError);
      expect(() => new BatchNormalization().apply(input({ shape: [null] }))).toThrow(/axis -1 of the input must have a known size, received input shape \(None, None\)/);
    });

    it('inputs of another rank or channel count once built', () => {
      const bn = built({}, [null, 3]);
      expect(() => bn.apply(tensor([[[1, 2, 3]]]))).toThrow(ShapeError);
      expect(() => bn.apply(tensor([[[1, 2, 3]]]))).toThrow(/expected ndim=2, found ndim=3/);
      expect(() => bn.apply(tensor([[1, 2]]))).toThrow(/expected axis -1 of input shape to have value 3/);
    });

    it('a mask that is not one dimension less than the inputs', () => {
      const bn = built({}, [null, 3]);
      const mask = tensor([[true, true, false]], undefined, 'bool');
      expect(() => bn.apply(tensor([[1, 2, 3]]), { training: true, mask })).toThrow(ShapeError);
      expect(() => bn.apply(tensor([[1, 2, 3]]), { training: true, mask })).toThrow(
        /mask must have one dimension less than the inputs, received mask.shape=\(1, 3\) with inputs.shape=\(1, 3\)/,
      );
    });
  });
});
