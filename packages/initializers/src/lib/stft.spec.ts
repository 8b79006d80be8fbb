import { DTypeError, ValueError } from '@strata/tensor';
import { STFT } from './stft';

const round = (xs: ArrayLike<number>) => Array.from(xs).map((v) => Math.round(v * 1e6) / 1e6 + 0);

describe('STFT', () => {
  it('without a window is cos(-2π·t·f / fftLength): shape [2, 1, 2], fftLength 2', () => {
    const k = new STFT({ window: null, scaling: null }).apply([2, 1, 2]);
    expect(k.shape).toEqual([2, 1, 2]);
    // t = 0: [1, 1]; t = 1: [cos 0, cos(-π)] = [1, -1].
    expect(round(k.data)).toEqual([1, 1, 1, -1]);
    // The imaginary side is the sine: sin(-π·t·f) = 0 at these points.
    expect(round(new STFT({ side: 'imag', window: null, scaling: null }).apply([2, 1, 2]).data)).toEqual([0, 0, 0, 0]);
  });

  it('multiplies by the window and divides by its L2 (density) or L1 (spectrum) norm', () => {
    // window [3, 4]: L2 norm 5, L1 norm 7.
    expect(round(new STFT({ window: [3, 4] }).apply([2, 1, 2]).data)).toEqual(round([0.6, 0.6, 0.8, -0.8]));
    expect(round(new STFT({ window: [3, 4], scaling: 'spectrum' }).apply([2, 1, 2]).data)).toEqual(round([3 / 7, 3 / 7, 4 / 7, -4 / 7]));
  });

  it('repeats the kernel over input channels', () => {
    const k = new STFT({ window: null, scaling: null }).apply([2, 2, 2]);
    expect(round(k.data)).toEqual([1, 1, 1, 1, 1, -1, 1, -1]);
  });

  it('writes side, window, periodic, scaling and round-trips', () => {
    const init = new STFT({ side: 'imag', window: 'hamming', scaling: 'spectrum', periodic: true });
    expect(init.getConfig()).toEqual({ side: 'imag', window: 'hamming', periodic: true, scaling: 'spectrum' });
    expect(STFT.fromConfig(init.getConfig()).apply([6, 1, 4]).data).toEqual(init.apply([6, 1, 4]).data);
  });

  it.each([
    ['side', { side: 'both' }, /STFT: side must be 'real' or 'imag', received side='both'/],
    ['window name', { window: 'nope' }, /STFT: window must be one of .*received window='nope'/],
    ['window value', { window: 3 }, /STFT: window must be a window name, an array of numbers or null, received window=3/],
    ['scaling', { scaling: 'power' }, /STFT: scaling must be 'density', 'spectrum' or null, received scaling='power'/],
    ['periodic', { periodic: 1 }, /STFT: periodic must be a boolean, received periodic=1/],
  ])('rejects a bad %s', (_, options, message) => {
    expect(() => new STFT(options as never)).toThrow(ValueError);
    expect(() => new STFT(options as never)).toThrow(message);
  });

  it('rejects a shape that is not rank 3 and a window of the wrong length', () => {
    expect(() => new STFT().apply([8, 5])).toThrow(ValueError);
    expect(() => new STFT().apply([8, 5])).toThrow(/STFT: shape must be \[frameLength, inputChannels, fftBins\] \(rank 3\), received shape=\[8, 5\]/);
    expect(() => new STFT({ window: [1, 2] }).apply([3, 1, 2])).toThrow(/STFT: the window must have frameLength=3 values, received window of length 2/);
  });

  it('makes float kernels only', () => {
    expect(() => new STFT().apply([4, 1, 3], 'int32')).toThrow(DTypeError);
    expect(() => new STFT().apply([4, 1, 3], 'int32')).toThrow(/STFT: dtype must be a float dtype, received dtype='int32'/);
  });
});
