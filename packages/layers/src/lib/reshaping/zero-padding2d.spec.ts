import { ShapeError, ValueError, ones, randomUniform, tensor } from '@strata/tensor';
import { checkGradients } from '@strata/tensor/testing';
import fc from 'fast-check';
import { checkLayerContract } from '../testing/check-layer-contract';
import { ZeroPadding2D } from './zero-padding2d';

describe('ZeroPadding2D', () => {
  it('passes the layer contract', () => {
    checkLayerContract(() => new ZeroPadding2D(), { inputShape: [1, 2, 3, 2], weights: 0, wrongRankShape: [2, 3, 2] });
    checkLayerContract(() => new ZeroPadding2D({ padding: [[1, 0], [0, 2]], dataFormat: 'channels_first' }), { inputShape: [1, 2, 3, 2], weights: 0 });
  });

  it('pads rows and columns with zeros', () => {
    const y = new ZeroPadding2D({ padding: [[1, 0], [0, 1]] }).apply(tensor([[[[1], [2]]]]));
    expect(y.toArray()).toEqual([[[[0], [0], [0]], [[1], [2], [0]]]]);
    expect(new ZeroPadding2D({ padding: [1, 2], dataFormat: 'channels_first' }).apply(ones([1, 3, 2, 2])).shape).toEqual([1, 3, 4, 6]);
  });

  it('keeps the input as the interior and zeros elsewhere (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), (t, b, l, r) => {
        const x = randomUniform([1, 2, 3, 1], { minval: 1, maxval: 2, seed: t + b });
        const y = new ZeroPadding2D({ padding: [[t, b], [l, r]] }).apply(x);
        expect(y.shape).toEqual([1, 2 + t + b, 3 + l + r, 1]);
        const rows = y.toArray() as number[][][][];
        const inner = rows[0].slice(t, t + 2).map((row) => row.slice(l, l + 3));
        expect(inner).toEqual((x.toArray() as number[][][][])[0]);
        const total = Array.from(y.data).reduce((p, v) => p + v, 0);
        expect(total).toBeCloseTo(Array.from(x.data).reduce((p, v) => p + v, 0), 4);
      }),
      { seed: 42, numRuns: 50 },
    );
  });

  it('round-trips its config (property)', () => {
    const side = fc.oneof(fc.nat(4), fc.tuple(fc.nat(4), fc.nat(4)));
    fc.assert(
      fc.property(fc.oneof(fc.nat(4), fc.tuple(side, side)), fc.constantFrom('channels_last', 'channels_first'), (padding, dataFormat) => {
        const config = new ZeroPadding2D({ padding: padding as never, dataFormat: dataFormat as never }).getConfig();
        expect(ZeroPadding2D.fromConfig(JSON.parse(JSON.stringify(config))).getConfig()).toEqual(config);
      }),
      { seed: 42, numRuns: 50 },
    );
  });

  it('computes output shapes with unknown sizes', () => {
    expect(new ZeroPadding2D({ padding: [[1, 0], [2, 3]] }).computeOutputShape([null, 3, null, 4])).toEqual([null, 4, null, 4]);
  });

  it('passes the gradient of the interior back', () => {
    checkGradients((x) => new ZeroPadding2D({ padding: [[1, 0], [0, 2]] }).apply(x), [randomUniform([1, 2, 3, 2], { seed: 1 })]);
  });

  it('writes the Keras config', () => {
    expect(new ZeroPadding2D({ padding: [1, [2, 3]] }).getConfig()).toMatchObject({ padding: [[1, 1], [2, 3]], data_format: 'channels_last' });
  });

  it.each([[-1, '-1'], [[1, 2, 3], '\\[1, 2, 3\\]'], [[[1, 2, 3], 1], '\\[\\[1, 2, 3\\], 1\\]'], [[1, -2], '\\[1, -2\\]'], ['1', "'1'"]])('rejects padding=%p', (padding, shown) => {
    expect(() => new ZeroPadding2D({ padding: padding as never })).toThrow(ValueError);
    expect(() => new ZeroPadding2D({ padding: padding as never })).toThrow(
      new RegExp(
        `^ZeroPadding2D: padding must be a non-negative integer or an array of 2 entries, each a non-negative integer or a \\[before, after\\] pair of them, received padding=${shown}$`,
      ),
    );
  });

  it('rejects inputs of another rank', () => {
    expect(() => new ZeroPadding2D().apply(ones([1, 2, 2]))).toThrow(ShapeError);
  });
});
