import { ValueError } from '@strata/tensor';
import { WINDOW_NAMES, getWindow } from './windows';

// Rounded to 12 digits, -0 folded into 0.
const close = (xs: ArrayLike<number>) => Array.from(xs).map((v) => Math.round(v * 1e12) / 1e12 + 0);

describe('getWindow (scipy.signal.get_window)', () => {
  it('hann: symmetric and periodic', () => {
    expect(close(getWindow('hann', 5, false))).toEqual([0, 0.5, 1, 0.5, 0]);
    // Periodic: the symmetric window of length 5 without its last point.
    expect(close(getWindow('hann', 4, true))).toEqual([0, 0.5, 1, 0.5]);
  });

  it('hamming and blackman end at 0.08 and 0', () => {
    expect(close(getWindow('hamming', 3, false))).toEqual([0.08, 1, 0.08]);
    expect(close(getWindow('blackman', 3, false))).toEqual([0, 1, 0]);
  });

  it('bartlett, triang, boxcar, cosine', () => {
    expect(close(getWindow('bartlett', 5, false))).toEqual([0, 0.5, 1, 0.5, 0]);
    expect(close(getWindow('triang', 3, false))).toEqual([0.5, 1, 0.5]);
    expect(close(getWindow('triang', 4, false))).toEqual([0.25, 0.75, 0.75, 0.25]);
    expect(close(getWindow('boxcar', 3, false))).toEqual([1, 1, 1]);
    expect(close(getWindow('cosine', 2, false))).toEqual(close([Math.SQRT1_2, Math.SQRT1_2]));
  });

  it('accepts scipy aliases and the _periodic/_symmetric suffixes', () => {
    expect(getWindow('han', 5, false)).toEqual(getWindow('hann', 5, false));
    expect(getWindow('hann_periodic', 4, false)).toEqual(getWindow('hann', 4, true));
    expect(getWindow('hann_symmetric', 4, true)).toEqual(getWindow('hann', 4, false));
    expect(WINDOW_NAMES).toContain('rectangular');
  });

  it('gives ones for lengths 0 and 1', () => {
    expect(Array.from(getWindow('hann', 1, false))).toEqual([1]);
    expect(getWindow('hann', 0, true).length).toBe(0);
  });

  it('rejects an unknown name', () => {
    expect(() => getWindow('kaiser', 4, false)).toThrow(ValueError);
    expect(() => getWindow('kaiser', 4, false)).toThrow(/getWindow: window must be one of 'hann', .*received window='kaiser'/);
  });
});
