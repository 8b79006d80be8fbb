import fc from 'fast-check';
import { Tensor, tensor } from '@strata/tensor';
import { expectClose } from '@strata/tensor/testing';
import { MaxNorm } from './max-norm';
import { MinMaxNorm } from './min-max-norm';
import { UnitNorm } from './unit-norm';

// Properties of the norm constraints on [3, 4] matrices over every axis form, checked against
// norms recomputed here in float64 with plain loops.

type Axis = number | number[] | null;

/** L2 norms of a [r, c] matrix over `axis`: per column (0, -2), per row (1, -1), or whole ([0, 1], null). */
function refNorms(w: Tensor, axis: Axis): number[] {
  const [r, c] = w.shape;
  const a = Array.isArray(axis) ? null : axis;
  const norm = (vs: number[]) => Math.sqrt(vs.reduce((s, v) => s + v * v, 0));
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);
  if (a === 0 || a === -2) return range(c).map((j) => norm(range(r).map((i) => w.data[i * c + j])));
  if (a === 1 || a === -1) return range(r).map((i) => norm(range(c).map((j) => w.data[i * c + j])));
  return [norm(Array.from(w.data))];
}

// Idempotence holds to float tolerance only when norms are well above epsilon (1e-7):
// a slice of norm n moves by about 1e-7/n on the second pass.
const matrix = (minNorm: number) =>
  fc
    .array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 12, maxLength: 12 })
    .map((v) => tensor(v, [3, 4]))
    .filter((w) => [0, 1].every((a) => refNorms(w, a).every((n) => n >= minNorm)));
const axis = fc.constantFrom<Axis>(0, 1, -1, -2, [0, 1], null);
const positive = fc.double({ min: 0.1, max: 10, noNaN: true });
const bounds = fc
  .tuple(fc.double({ min: 0, max: 5, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true }))
  .map(([a, b]) => [Math.min(a, b), Math.max(a, b) + 0.01] as const);
const runs = { seed: 42, numRuns: 50 };

describe('norm constraints (properties)', () => {
  it('MaxNorm keeps every norm at most max_value', () => {
    fc.assert(
      fc.property(matrix(0), positive, axis, (w, maxValue, a) => {
        const out = new MaxNorm({ maxValue, axis: a }).apply(w);
        for (const n of refNorms(out, a)) expect(n).toBeLessThanOrEqual(maxValue * (1 + 1e-6));
      }),
      runs,
    );
  });

  it('MaxNorm is idempotent', () => {
    fc.assert(
      fc.property(matrix(0.05), positive, axis, (w, maxValue, a) => {
        const c = new MaxNorm({ maxValue, axis: a });
        const once = c.apply(w);
        expectClose(c.apply(once), once, 1e-5, 1e-6);
      }),
      runs,
    );
  });

  it('UnitNorm gives norms of 1', () => {
    fc.assert(
      fc.property(matrix(0.05), axis, (w, a) => {
        for (const n of refNorms(new UnitNorm({ axis: a }).apply(w), a)) expect(Math.abs(n - 1)).toBeLessThan(1e-5);
      }),
      runs,
    );
  });

  it('UnitNorm is idempotent', () => {
    fc.assert(
      fc.property(matrix(0.05), axis, (w, a) => {
        const c = new UnitNorm({ axis: a });
        const once = c.apply(w);
        expectClose(c.apply(once), once, 1e-5, 1e-6);
      }),
      runs,
    );
  });

  it('MinMaxNorm with rate 1 keeps norms in [min, max] and is idempotent', () => {
    fc.assert(
      fc.property(matrix(0.05), bounds, axis, (w, [minValue, maxValue], a) => {
        const c = new MinMaxNorm({ minValue, maxValue, axis: a });
        const once = c.apply(w);
        for (const n of refNorms(once, a)) {
          expect(n).toBeLessThanOrEqual(maxValue * (1 + 1e-6));
          expect(n).toBeGreaterThanOrEqual(minValue * (1 - 1e-5));
        }
        expectClose(c.apply(once), once, 1e-5, 1e-6);
      }),
      runs,
    );
  });
});
