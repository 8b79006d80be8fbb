// The error function in float64, accurate to about 1e-14 absolute: far below float32's spacing.

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

// Maclaurin series erf(x) = 2/sqrt(pi) * sum_n (-1)^n x^(2n+1) / (n! (2n+1)); for |x| < 0.5
// twelve terms leave a remainder below 1e-19.
const TAYLOR: readonly number[] = (() => {
  const c: number[] = [];
  let factorial = 1;
  for (let n = 0; n < 12; n++) {
    if (n > 0) factorial *= n;
    c.push(((n % 2 === 0 ? 1 : -1) * TWO_OVER_SQRT_PI) / (factorial * (2 * n + 1)));
  }
  return c;
})();

// erfc(z) * exp(z^2) for z in [0.5, 6] as a polynomial in u = (t - 0.525) / 0.275 with
// t = 2 / (2 + z) in [0.25, 0.8]: a degree-12 Chebyshev least-squares fit to Python's
// math.erfc, converted to the power basis (see tools/fixtures/tensor_math.py, `fit_erf`).
// The fit's largest error on erf is 3e-14.
const ERFCX: readonly number[] = [
  0.2773690076209129, 0.24857010887021266, 0.07669952687797146, 0.013234851802824653, 0.0001789925210906577,
  -0.0003623586910855821, -1.3901731663669031e-5, 1.498322509027778e-5, -2.5995408271582615e-7,
  -7.238354762788465e-7, 9.927094969416825e-8, 2.6824674500642575e-8, -8.608518318919305e-9,
];

/** erf(x) = 2/sqrt(pi) * integral_0^x exp(-t^2) dt, odd, saturating at +-1 (NaN stays NaN). */
export function erfScalar(x: number): number {
  const z = Math.abs(x);
  if (z < 0.5) {
    const s = x * x;
    let p = TAYLOR[TAYLOR.length - 1];
    for (let i = TAYLOR.length - 2; i >= 0; i--) p = p * s + TAYLOR[i];
    return x * p;
  }
  // erfc(6) is 2e-17, so past it erf is +-1 to double precision; also covers +-Infinity and NaN.
  if (!(z < 6)) return Math.sign(x);
  const u = (2 / (2 + z) - 0.525) / 0.275;
  let p = ERFCX[ERFCX.length - 1];
  for (let i = ERFCX.length - 2; i >= 0; i--) p = p * u + ERFCX[i];
  const erfc = Math.exp(-z * z) * p;
  return x < 0 ? erfc - 1 : 1 - erfc;
}

/** d erf / dx = 2/sqrt(pi) * exp(-x^2). */
export function erfDerivative(x: number): number {
  return TWO_OVER_SQRT_PI * Math.exp(-x * x);
}
