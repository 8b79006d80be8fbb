import { ValueError, show } from '@strata/tensor';

// Sums of cosines over linspace(-π, π, M), as scipy's general_cosine.
const COSINE_SUMS: Record<string, readonly number[]> = {
  hann: [0.5, 0.5],
  hamming: [0.54, 0.46],
  blackman: [0.42, 0.5, 0.08],
  blackmanharris: [0.35875, 0.48829, 0.14128, 0.01168],
  nuttall: [0.3635819, 0.4891775, 0.1365995, 0.0106411],
  flattop: [0.21557895, 0.41663158, 0.277263158, 0.083578947, 0.006947368],
};

// scipy.signal.get_window's names for the windows above and the other parameterless ones here.
const ALIASES: Record<string, string> = {
  hann: 'hann', han: 'hann',
  hamming: 'hamming', hamm: 'hamming', ham: 'hamming',
  blackman: 'blackman', black: 'blackman', blk: 'blackman',
  blackmanharris: 'blackmanharris', blackharr: 'blackmanharris', bkh: 'blackmanharris',
  nuttall: 'nuttall', nutl: 'nuttall', nut: 'nuttall',
  flattop: 'flattop', flat: 'flattop', flt: 'flattop',
  bartlett: 'bartlett', bart: 'bartlett', brt: 'bartlett',
  boxcar: 'boxcar', box: 'boxcar', ones: 'boxcar', rect: 'boxcar', rectangular: 'boxcar',
  triang: 'triang', triangle: 'triang', tri: 'triang',
  cosine: 'cosine', halfcosine: 'cosine',
};

/** The window names {@link getWindow} knows, for docs and error messages. */
export const WINDOW_NAMES: readonly string[] = Object.keys(ALIASES);

/** Throws unless `name` (with an optional `_periodic`/`_symmetric` suffix) is a known window. */
export function checkWindowName(name: string, who: string): void {
  if (!(baseName(name) in ALIASES)) {
    throw new ValueError(
      `${who}: window must be one of ${WINDOW_NAMES.map((n) => `'${n}'`).join(', ')}, an array or null, received window=${show(name)}`,
    );
  }
}

function baseName(name: string): string {
  return name.replace(/_(periodic|symmetric)$/, '');
}

/**
 * The window of length `m` named `name`, as `scipy.signal.get_window(name, m, fftbins=periodic)`
 * (float64). A periodic window is the symmetric window of length `m + 1` without its last point;
 * a `'_periodic'` or `'_symmetric'` suffix on the name overrides `periodic`.
 *
 * @example
 * getWindow('hann', 5, false); // [0, 0.5, 1, 0.5, 0]
 */
export function getWindow(name: string, m: number, periodic: boolean, who = 'getWindow'): Float64Array {
  checkWindowName(name, who);
  const sym = name.endsWith('_symmetric') ? true : name.endsWith('_periodic') ? false : !periodic;
  const kind = ALIASES[baseName(name)];
  if (m <= 1) return new Float64Array(m).fill(1);
  const n = sym ? m : m + 1;
  return symmetric(kind, n).subarray(0, m);
}

function symmetric(kind: string, m: number): Float64Array {
  const w = new Float64Array(m);
  const coeffs = COSINE_SUMS[kind];
  if (coeffs) {
    // numpy.linspace(-π, π, m): start + i·step, with the last point exactly π.
    const step = (2 * Math.PI) / (m - 1);
    for (let i = 0; i < m; i++) {
      const fac = i === m - 1 ? Math.PI : -Math.PI + i * step;
      for (let k = 0; k < coeffs.length; k++) w[i] += coeffs[k] * Math.cos(k * fac);
    }
  } else if (kind === 'bartlett') {
    for (let i = 0; i < m; i++) w[i] = i <= (m - 1) / 2 ? (2 * i) / (m - 1) : 2 - (2 * i) / (m - 1);
  } else if (kind === 'triang') {
    const half = Math.floor((m + 1) / 2);
    for (let i = 1; i <= half; i++) {
      const v = m % 2 === 0 ? (2 * i - 1) / m : (2 * i) / (m + 1);
      w[i - 1] = v;
      w[m - i] = v;
    }
  } else if (kind === 'cosine') {
    for (let i = 0; i < m; i++) w[i] = Math.sin((Math.PI / m) * (i + 0.5));
  } else {
    w.fill(1);
  }
  return w;
}
