import { ShapeError, Tensor, ValueError, Variable, mean, randomNormal, randomUniform, tensor, variance } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import fc from 'fast-check';
import { input } from '../core/input-layer';
import { getMask, setMask } from '../engine/masks';
import { checkLayerContract } from '../testing/check-layer-contract';
import { LayerNormalization, LayerNormalizationArgs } from './layer-normalization';

function built(args: LayerNormalizationArgs, shape: (number | null)[]): LayerNormalization {
  const ln = new LayerNormalization(args);
  ln.maybeBuild(shape);
  return ln;
}

/** `f` with `v`'s value replaced by its argument. */
function withWeight(v: Variable, f: () => Tensor): (w: Tensor) => Tensor {
  return (w) => {
    const prev = v.swapValue(w);
    try {
      return f();
    } finally {
      v.swapValue(prev);
    }
  };
}

describe('LayerNormalization', () => {
  it('passes the layer contract (last axis, several axes, rms scaling)', () => {
    checkLayerContract(() => new LayerNormalization(), { inputShape: [2, 3, 4], weights: 2, trainableWeights: 2 });
    checkLayerContract(() => new LayerNormalization({ axis: [1, 2] }), { inputShape: [2, 3, 4], weights: 2 });
    checkLayerContract(() => new LayerNormalization({ axis: 1, center: false }), { inputShape: [2, 3, 4], weights: 1 });
    checkLayerContract(() => new LayerNormalization({ rmsScaling: true }), { inputShape: [3, 4], weights: 1 });
  });

  it('creates gamma and beta over the normalized axes; the axis becomes a sorted list once built, as Keras', () => {
    const ln = new LayerNormalization({ axis: [2, 1] });
    expect(ln.getConfig()['axis']).toEqual([2, 1]);
    ln.maybeBuild([null, 3, 4]);
    expect(ln.weights.map((w) => [w.name, w.shape])).toEqual([['gamma', [3, 4]], ['beta', [3, 4]]]);
    expect(ln.getConfig()['axis']).toEqual([1, 2]);
    expect(built({}, [null, 5]).getConfig()['axis']).toEqual([-1]);
    expect(built({ rmsScaling: true, center: true }, [null, 5]).weights.map((w) => w.name)).toEqual(['gamma']);
  });

  it('normalizes each row over the last axis (hand-checked)', () => {
    const ln = built({ epsilon: 0 }, [null, 3]);
    // Row [1, 2, 3]: mean 2, variance 2/3.
    const s = Math.sqrt(1.5);
    expectClose(ln.apply(tensor([[1, 2, 3], [10, 10, 13]])), tensor([[-s, 0, s], [-1 / Math.SQRT2, -1 / Math.SQRT2, Math.SQRT2]]));
    ln.setWeights([tensor([2, 1, 1]), tensor([0, 5, 0])]);
    expectClose(ln.apply(tensor([[1, 2, 3]])), tensor([[-2 * s, 5, s]]));
  });

  it('normalizes over a middle axis, per position of the others', () => {
    const ln = built({ axis: 1, epsilon: 0 }, [null, 2, 2]);
    // Columns [0, 2] and [5, 1]: each normalized to [-1, 1] / [1, -1].
    expectClose(ln.apply(tensor([[[0, 5], [2, 1]]])), tensor([[[-1, 1], [1, -1]]]));
  });

  it('rms scaling divides by sqrt(variance + epsilon) without centering (deprecated Keras behaviour)', () => {
    const ln = built({ rmsScaling: true, epsilon: 0 }, [null, 2]);
    // [1, 3]: variance 1, so the output is the input.
    expectClose(ln.apply(tensor([[1, 3]])), tensor([[1, 3]]));
  });

  it('passes masks through unchanged', () => {
    const x = tensor([[1, 2], [3, 5]]);
    const mask = tensor([true, false], undefined, 'bool');
    setMask(x, mask);
    expect(getMask(new LayerNormalization().apply(x))).toBe(mask);
  });

  it('has finite-difference gradients with respect to input, gamma and beta', () => {
    const x = randomUniform([2, 3, 4], { minval: -2, maxval: 2, seed: 4 });
    for (const args of [{}, { axis: [1, 2] }, { axis: 1 }, { rmsScaling: true }] as LayerNormalizationArgs[]) {
      const ln = built(args, [null, 3, 4]);
      const g = ln.gamma!;
      g.assign(randomUniform(g.shape, { minval: 0.5, maxval: 1.5, seed: 2 }));
      checkGradients((xi) => ln.apply(xi), [x]);
      checkGradients(withWeight(g, () => ln.apply(x)), [g.value]);
      if (ln.beta) checkGradients(withWeight(ln.beta, () => ln.apply(x)), [ln.beta.value]);
    }
  });

  it('gives each row mean 0 and variance var / (var + epsilon) (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 2, max: 9 }), fc.integer({ min: 0, max: 1000 }), (n, d, seed) => {
        const x = randomNormal([n, d], { mean: -1, stddev: 3, seed });
        const y = new LayerNormalization().apply(x);
        const v = variance(x, 1).data;
        expectClose(mean(y, 1), new Array(n).fill(0), 0, 1e-4);
        expectClose(variance(y, 1), Array.from(v, (s) => s / (s + 1e-3)), 1e-3, 1e-4);
      }),
      { seed: 42, numRuns: 50 },
    );
  });

  it('round-trips random configs through fromConfig (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          axis: fc.oneof(fc.integer({ min: -3, max: 3 }), fc.uniqueArray(fc.integer({ min: 0, max: 3 }), { maxLength: 3 })),
          epsilon: fc.double({ min: 0, max: 1, noNaN: true }),
          center: fc.boolean(),
          scale: fc.boolean(),
          rmsScaling: fc.boolean(),
          betaRegularizer: fc.constantFrom(null, 'l1'),
          gammaConstraint: fc.constantFrom(null, 'max_norm'),
        }),
        (args) => {
          const config = new LayerNormalization(args).getConfig();
          expect(LayerNormalization.fromConfig(JSON.parse(JSON.stringify(config))).getConfig()).toEqual(config);
        },
      ),
      { seed: 42, numRuns: 50 },
    );
  });

  it('keeps the shape of symbolic inputs', () => {
    expect(new LayerNormalization({ axis: [1, 2] }).apply(input({ shape: [3, 4] })).shape).toEqual([null, 3, 4]);
  });

  describe('rejects bad arguments and inputs', () => {
    const bad: [string, LayerNormalizationArgs, RegExp][] = [
      ['a string axis', { axis: 'a' as never }, /axis must be an integer or an array of integers, received axis='a'/],
      ['a fractional axis in a list', { axis: [1, 1.5] }, /axis must be an integer or an array of integers, received axis=\[1, 1\.5\]/],
      ['a negative epsilon', { epsilon: -0.5 }, /epsilon must be a non-negative number, received epsilon=-0\.5/],
      ['a non-boolean center', { center: null as never }, /center must be a boolean, received center=null/],
      ['a non-boolean scale', { scale: 'no' as never }, /scale must be a boolean, received scale='no'/],
      ['a non-boolean rmsScaling', { rmsScaling: 1 as never }, /rmsScaling must be a boolean, received rmsScaling=1/],
    ];
    it.each(bad)('%s', (_what, args, message) => {
      expect(() => new LayerNormalization(args)).toThrow(ValueError);
      expect(() => new LayerNormalization(args)).toThrow(message);
    });

    it('an axis outside the input rank', () => {
      expect(() => new LayerNormalization({ axis: 5 }).apply(tensor([[1, 2]]))).toThrow(ValueError);
      expect(() => new LayerNormalization({ axis: [1, 5] }).apply(tensor([[1, 2]]))).toThrow(
        /axis 5 is out of bounds for input shape \(1, 2\), received axis=\[1, 5\]/,
      );
      expect(() => new LayerNormalization({ axis: -3 }).computeOutputShape([null, 2])).toThrow(/axis -3 is out of bounds for input shape \(None, 2\)/);
    });

    it('an axis named twice', () => {
      expect(() => new LayerNormalization({ axis: [1, -1] }).apply(tensor([[1, 2]]))).toThrow(ValueError);
      expect(() => new LayerNormalization({ axis: [1, -1] }).apply(tensor([[1, 2]]))).toThrow(/must not repeat an axis, received axis=\[1, -1\]/);
    });

    it('a normalized axis of unknown size', () => {
      expect(() => new LayerNormalization().apply(input({ shape: [null] }))).toThrow(ShapeError);
      expect(() => new LayerNormalization().apply(input({ shape: [null] }))).toThrow(/normalized axes must have known sizes, received input shape \(None, None\)/);
    });

    it('an input whose normalized axes changed size', () => {
      const ln = built({}, [null, 3]);
      expect(() => ln.apply(tensor([[1, 2]]))).toThrow(ShapeError);
    });
  });
});
