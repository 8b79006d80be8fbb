import { DType, DTypeError, Tensor, ValueError, fromData, show } from '@strata/tensor';
import { Initializer, checkShape } from './initializer';
import { checkWindowName, getWindow } from './windows';

/** Options of {@link STFT}. */
export interface STFTOptions {
  /** `'real'` for the cosine (real part) kernel, `'imag'` for the sine one. Default `'real'`. */
  side?: 'real' | 'imag';
  /** A window name as `scipy.signal.get_window` (see `WINDOW_NAMES`), the window's values, or null. Default `'hann'`. */
  window?: string | number[] | null;
  /** `'density'` divides by the window's L2 norm, `'spectrum'` by its L1 norm, null by nothing. Default `'density'`. */
  scaling?: 'density' | 'spectrum' | null;
  /** Periodic (DFT-even) rather than symmetric window. Default false. */
  periodic?: boolean;
}

/**
 * Convolution kernels of a short-time Fourier transform (`keras.initializers.STFT`, alias
 * `'STFTInitializer'`), for the `STFTSpectrogram` layer.
 *
 * For shape `[T, C, F]` (frame length, input channels, frequency bins), with `t < T`, `f < F`:
 * `kernel[t, c, f] = cos(-2π·t·f / (2(F - 1))) · w[t] / s` (`sin` for `side: 'imag'`), where `w`
 * is the window and `s` its L2 (`'density'`) or L1 (`'spectrum'`) norm.
 *
 * @example
 * new STFT({ side: 'real', window: 'hann' }).apply([8, 1, 5]);
 */
export class STFT extends Initializer {
  static override readonly className = 'STFT';
  readonly side: 'real' | 'imag';
  readonly window: string | number[] | null;
  readonly scaling: 'density' | 'spectrum' | null;
  readonly periodic: boolean;

  constructor(options: STFTOptions = {}) {
    super();
    const { side = 'real', window = 'hann', scaling = 'density', periodic = false } = options;
    if (side !== 'real' && side !== 'imag') {
      throw new ValueError(`${this.who}: side must be 'real' or 'imag', received side=${show(side)}`);
    }
    if (typeof window === 'string') checkWindowName(window, this.who);
    else if (window !== null && !(Array.isArray(window) && window.every((v) => typeof v === 'number'))) {
      throw new ValueError(`${this.who}: window must be a window name, an array of numbers or null, received window=${show(window)}`);
    }
    if (scaling !== null && scaling !== 'density' && scaling !== 'spectrum') {
      throw new ValueError(`${this.who}: scaling must be 'density', 'spectrum' or null, received scaling=${show(scaling)}`);
    }
    if (typeof periodic !== 'boolean') {
      throw new ValueError(`${this.who}: periodic must be a boolean, received periodic=${show(periodic)}`);
    }
    this.side = side;
    this.window = Array.isArray(window) ? [...window] : window;
    this.scaling = scaling;
    this.periodic = periodic;
  }

  apply(shape: readonly number[], dtype: DType = 'float32'): Tensor {
    checkShape(shape, this.who);
    if (shape.length !== 3) {
      throw new ValueError(
        `${this.who}: shape must be [frameLength, inputChannels, fftBins] (rank 3), received shape=${show([...shape])}`,
      );
    }
    if (dtype !== 'float32') throw new DTypeError(`${this.who}: dtype must be a float dtype, received dtype=${show(dtype)}`);
    const [frames, channels, bins] = shape;
    let win: Float32Array | null = null;
    let s = 1;
    if (this.window !== null) {
      win = Float32Array.from(
        typeof this.window === 'string' ? getWindow(this.window, frames, this.periodic, this.who) : this.window,
      );
      if (win.length !== frames) {
        throw new ValueError(
          `${this.who}: the window must have frameLength=${frames} values, received window of length ${win.length}`,
        );
      }
      if (this.scaling === 'density') s = Math.sqrt(win.reduce((acc, v) => acc + v * v, 0));
      else if (this.scaling === 'spectrum') s = win.reduce((acc, v) => acc + Math.abs(v), 0);
    }
    const fftLength = (bins - 1) * 2;
    const trig = this.side === 'real' ? Math.cos : Math.sin;
    const out = new Float32Array(frames * channels * bins);
    for (let t = 0; t < frames; t++) {
      for (let f = 0; f < bins; f++) {
        let v = trig(-2 * t * (f / fftLength) * Math.PI);
        if (win) v = (v * win[t]) / s;
        // Keras makes a [T, 1, F] kernel; repeating it over the channels gives the shape asked for.
        for (let c = 0; c < channels; c++) out[(t * channels + c) * bins + f] = v;
      }
    }
    return fromData(out, [...shape], 'float32');
  }

  override getConfig(): Record<string, unknown> {
    return {
      side: this.side,
      window: Array.isArray(this.window) ? [...this.window] : this.window,
      periodic: this.periodic,
      scaling: this.scaling,
    };
  }
}
