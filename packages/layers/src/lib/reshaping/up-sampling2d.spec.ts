import { ShapeError, ValueError, full, randomUniform, sum, tensor, transpose, zeros } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import fc from 'fast-check';
import { checkLayerContract } from '../testing/check-layer-contract';
import { UpSampling2D } from './up-sampling2d';

describe('UpSampling2D', () => {
  it('passes the layer contract', () => {
    checkLayerContract(() => new UpSampling2D(), { inputShape: [1, 2, 3, 2], weights: 0, wrongRankShape: [2, 3, 2] });
    checkLayerContract(() => new UpSampling2D({ size: [3, 2], interpolation: 'bilinear', dataFormat: 'channels_first' }), { inputShape: [1, 2, 3, 2], weights: 0 });
  });

  it('repeats rows and columns (nearest)', () => {
    const y = new UpSampling2D({ size: [2, 1] }).apply(tensor([[[[1], [2]]]]));
    expect(y.toArray()).toEqual([[[[1], [2]], [[1], [2]]]]);
  });

  it('interpolates bilinearly with half-pixel centres and clamped edges', () => {
    // Output column i samples the input at (i + 0.5) / 2 - 0.5: -0.25, 0.25, 0.75, 1.25.
    const y = new UpSampling2D({ size: [1, 2], interpolation: 'bilinear' }).apply(tensor([[[[0], [1]]]]));
    expectClose(y, [[[[0], [0.25], [0.75], [1]]]]);
    const z = new UpSampling2D({ size: [1, 3], interpolation: 'BILINEAR' as never }).apply(tensor([[[[0], [3]]]]));
    // Samples at -1/3, 0, 1/3, 2/3, 1, 4/3.
    expectClose(z, [[[[0], [0], [1], [2], [3], [3]]]], 1e-5, 1e-5);
  });

  it('keeps constant images constant for every interpolation (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('nearest', 'bilinear', 'bicubic', 'lanczos3', 'lanczos5'),
        fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.double({ min: -5, max: 5, noNaN: true }),
        (interpolation, sh, sw, v) => {
          const x = full([1, 3, 2, 2], v);
          const y = new UpSampling2D({ size: [sh, sw], interpolation: interpolation as never }).apply(x);
          expect(y.shape).toEqual([1, 3 * sh, 2 * sw, 2]);
          y.data.forEach((u) => expect(Math.abs(u - Math.fround(v))).toBeLessThan(1e-4 * (1 + Math.abs(v))));
        },
      ),
      { seed: 42, numRuns: 50 },
    );
  });

  it('gives the same result in both data formats', () => {
    const x = randomUniform([1, 3, 4, 2], { seed: 2 });
    const last = new UpSampling2D({ size: [2, 3], interpolation: 'bicubic' }).apply(x);
    const first = new UpSampling2D({ size: [2, 3], interpolation: 'bicubic', dataFormat: 'channels_first' }).apply(transpose(x, [0, 3, 1, 2]));
    expectClose(transpose(first, [0, 2, 3, 1]), last, 1e-6, 1e-6);
  });

  it('has gradients for nearest and for the interpolating kernels', () => {
    const x = randomUniform([1, 2, 3, 2], { seed: 1 });
    checkGradients((v) => new UpSampling2D().apply(v), [x]);
    checkGradients((v) => new UpSampling2D({ interpolation: 'bilinear' }).apply(v), [x]);
    checkGradients((v) => new UpSampling2D({ size: [3, 2], interpolation: 'lanczos3' }).apply(v), [x]);
    // Bilinear upsampling by 2 preserves the mean.
    expectClose(sum(new UpSampling2D({ interpolation: 'bilinear' }).apply(x)).item() / 4, sum(x).item(), 1e-5, 1e-5);
  });

  it('writes the Keras config', () => {
    expect(new UpSampling2D().getConfig()).toMatchObject({ size: [2, 2], data_format: 'channels_last', interpolation: 'nearest' });
    expect(new UpSampling2D({ interpolation: 'Bilinear' as never }).getConfig()).toMatchObject({ interpolation: 'bilinear' });
  });

  it.each([[0, '0'], [[2], '\\[2\\]'], [[2, -1], '\\[2, -1\\]']])('rejects size=%p', (size, shown) => {
    expect(() => new UpSampling2D({ size: size as never })).toThrow(ValueError);
    expect(() => new UpSampling2D({ size: size as never })).toThrow(
      new RegExp(`^UpSampling2D: size must be a positive integer or an array of 2 positive integers, received size=${shown}$`),
    );
  });

  it.each([['area', "'area'"], [3, '3']])('rejects interpolation=%p', (interpolation, shown) => {
    expect(() => new UpSampling2D({ interpolation: interpolation as never })).toThrow(ValueError);
    expect(() => new UpSampling2D({ interpolation: interpolation as never })).toThrow(
      new RegExp(`^UpSampling2D: interpolation must be one of 'bilinear', 'nearest', 'lanczos3', 'lanczos5', 'bicubic', received interpolation=${shown}$`),
    );
  });

  it('rejects inputs of another rank', () => {
    expect(() => new UpSampling2D().apply(zeros([2, 3, 2]))).toThrow(ShapeError);
  });
});
