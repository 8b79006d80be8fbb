import { ShapeError, Tensor, ValueError, Variable, randomNormal, randomUniform, tensor } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import fc from 'fast-check';
import { input } from '../core/input-layer';
import { getMask, setMask } from '../engine/masks';
import { checkLayerContract } from '../testing/check-layer-contract';
import { GroupNormalization, GroupNormalizationArgs } from './group-normalization';
import { LayerNormalization } from './layer-normalization';

function built(args: GroupNormalizationArgs, shape: (number | null)[]): GroupNormalization {
  const gn = new GroupNormalization(args);
  gn.maybeBuild(shape);
  return gn;
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

describe('GroupNormalization', () => {
  it('passes the layer contract (channels last and first, instance normalization)', () => {
    checkLayerContract(() => new GroupNormalization({ groups: 3 }), { inputShape: [2, 4, 6], weights: 2, trainableWeights: 2, wrongRankShape: [2, 6] });
    checkLayerContract(() => new GroupNormalization({ groups: 2, axis: 1 }), { inputShape: [2, 4, 3], weights: 2, wrongRankShape: [2, 4] });
    checkLayerContract(() => new GroupNormalization({ groups: -1, center: false }), { inputShape: [2, 3, 5], weights: 1 });
  });

  it('creates gamma and beta per channel; groups -1 becomes the channel count, as Keras', () => {
    const gn = built({ groups: -1 }, [null, 2, 6]);
    expect(gn.weights.map((w) => [w.name, w.shape])).toEqual([['gamma', [6]], ['beta', [6]]]);
    expect(gn.groups).toBe(6);
    expect(gn.getConfig()['groups']).toBe(6);
  });

  it('normalizes each group of channels per sample (hand-checked)', () => {
    const gn = built({ groups: 2, epsilon: 0 }, [null, 4]);
    // Groups [1, 3] and [10, 20], then [5, 7] and [-1, 1]: each pair becomes [-1, 1].
    expectClose(gn.apply(tensor([[1, 3, 10, 20], [5, 7, -1, 1]])), tensor([[-1, 1, -1, 1], [-1, 1, -1, 1]]));
    gn.setWeights([tensor([1, 2, 3, 4]), tensor([0, 1, 0, -1])]); // then * gamma + beta
    expectClose(gn.apply(tensor([[1, 3, 10, 20]])), tensor([[-1, 3, -3, 3]]));
  });

  it('pools the group statistics over the spatial axes too', () => {
    const gn = built({ groups: 1, epsilon: 0 }, [null, 2, 1]);
    // One group holding 2 and 4 (mean 3, variance 1).
    expectClose(gn.apply(tensor([[[2], [4]]])), tensor([[[-1], [1]]]));
  });

  it('with one group and default weights equals LayerNormalization over all non-batch axes (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 1000 }), (b, t, c, seed) => {
        const x = randomNormal([b, t, c], { seed });
        expectClose(new GroupNormalization({ groups: 1 }).apply(x), new LayerNormalization({ axis: [1, 2] }).apply(x), 1e-5, 1e-5);
      }),
      { seed: 42, numRuns: 50 },
    );
  });

  it('passes masks through unchanged', () => {
    const x = tensor([[[1, 2]], [[3, 5]]]);
    const mask = tensor([[true], [false]], undefined, 'bool');
    setMask(x, mask);
    expect(getMask(new GroupNormalization({ groups: 2 }).apply(x))).toBe(mask);
  });

  it('has finite-difference gradients with respect to input, gamma and beta', () => {
    const x = randomUniform([2, 3, 4], { minval: -2, maxval: 2, seed: 8 });
    for (const args of [{ groups: 2 }, { groups: 3, axis: 1 }, { groups: -1 }] as GroupNormalizationArgs[]) {
      const gn = built(args, [null, 3, 4]);
      gn.gamma!.assign(randomUniform(gn.gamma!.shape, { minval: 0.5, maxval: 1.5, seed: 2 }));
      checkGradients((xi) => gn.apply(xi), [x]);
      checkGradients(withWeight(gn.gamma!, () => gn.apply(x)), [gn.gamma!.value]);
      checkGradients(withWeight(gn.beta!, () => gn.apply(x)), [gn.beta!.value]);
    }
  });

  it('round-trips random configs through fromConfig (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          groups: fc.oneof(fc.constant(-1), fc.integer({ min: 1, max: 64 })),
          axis: fc.integer({ min: -3, max: 3 }),
          epsilon: fc.double({ min: 0, max: 1, noNaN: true }),
          center: fc.boolean(),
          scale: fc.boolean(),
          gammaInitializer: fc.constantFrom('ones', 'random_normal'),
        }),
        (args) => {
          const config = new GroupNormalization(args).getConfig();
          expect(GroupNormalization.fromConfig(JSON.parse(JSON.stringify(config))).getConfig()).toEqual(config);
        },
      ),
      { seed: 42, numRuns: 50 },
    );
  });

  it('keeps the shape of symbolic inputs', () => {
    expect(new GroupNormalization({ groups: 2 }).apply(input({ shape: [5, 4] })).shape).toEqual([null, 5, 4]);
  });

  describe('rejects bad arguments and inputs', () => {
    const bad: [string, GroupNormalizationArgs, RegExp][] = [
      ['zero groups', { groups: 0 }, /groups must be a positive integer \(or -1 for instance normalization\), received groups=0/],
      ['negative groups', { groups: -2 }, /received groups=-2/],
      ['fractional groups', { groups: 1.5 }, /received groups=1\.5/],
      ['a fractional axis', { axis: 0.5 }, /axis must be an integer, received axis=0\.5/],
      ['a negative epsilon', { epsilon: -1 }, /epsilon must be a non-negative number, received epsilon=-1/],
      ['a non-boolean center', { center: 0 as never }, /center must be a boolean, received center=0/],
    ];
    it.each(bad)('%s', (_what, args, message) => {
      expect(() => new GroupNormalization(args)).toThrow(ValueError);
      expect(() => new GroupNormalization(args)).toThrow(message);
    });

    it('more groups than channels', () => {
      expect(() => built({ groups: 4 }, [null, 3])).toThrow(ValueError);
      expect(() => built({ groups: 4 }, [null, 3])).toThrow(/groups cannot be more than the number of channels \(3\), received groups=4/);
    });

    it('a channel count that groups does not divide', () => {
      expect(() => built({ groups: 2 }, [null, 3])).toThrow(ValueError);
      expect(() => built({ groups: 2 }, [null, 3])).toThrow(/number of channels \(3\) must be a multiple of groups, received groups=2/);
    });

    it('the batch axis as the channels axis', () => {
      expect(() => built({ groups: 1, axis: 0 }, [2, 3])).toThrow(ValueError);
      expect(() => built({ groups: 1, axis: -2 }, [2, 3])).toThrow(/axis must not be the batch axis, received axis=-2 for input shape \(2, 3\)/);
    });

    it('an axis outside the input rank', () => {
      expect(() => built({ groups: 1, axis: 3 }, [null, 3])).toThrow(ValueError);
      expect(() => new GroupNormalization({ axis: 3 }).computeOutputShape([null, 3])).toThrow(/axis 3 is out of bounds for input shape \(None, 3\), received axis=3/);
    });

    it('an unknown channel size', () => {
      expect(() => built({ groups: 1 }, [null, null])).toThrow(ShapeError);
      expect(() => built({ groups: 1 }, [null, null])).toThrow(/axis -1 of the input must have a known size, received input shape \(None, None\)/);
    });

    it('inputs of another rank or channel count once built', () => {
      const gn = built({ groups: 2 }, [null, 4]);
      expect(() => gn.apply(tensor([[[1, 2, 3, 4]]]))).toThrow(ShapeError);
      expect(() => gn.apply(tensor([[1, 2]]))).toThrow(/expected axis -1 of input shape to have value 4/);
    });
  });
});
