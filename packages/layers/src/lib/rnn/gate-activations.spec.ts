import fc from 'fast-check';
import { GateAct, activateRange, fastExp, fastTanh, gateDeriv } from './gate-activations';

describe('gate activations', () => {
  it('fastExp agrees with Math.exp to 1e-8 relative error, over and past the float range', () => {
    fc.assert(
      fc.property(fc.double({ min: -700, max: 700, noNaN: true }), (x) => {
        expect(Math.abs(fastExp(x) - Math.exp(x))).toBeLessThanOrEqual(1e-8 * Math.exp(x));
      }),
      { seed: 42, numRuns: 2000 },
    );
    expect([fastExp(0), fastExp(-1e6)]).toEqual([1, 0]);
    expect(fastExp(1e6) / Math.exp(709)).toBeCloseTo(1, 8); // clamped: float32 overflows long before
    expect(fastExp(NaN)).toBeNaN();
  });

  it('fastTanh agrees with Math.tanh to 5e-8 relative error, tiny arguments included', () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (x) => {
        expect(Math.abs(fastTanh(x) - Math.tanh(x))).toBeLessThanOrEqual(5e-8 * Math.abs(Math.tanh(x)) + 1e-300);
      }),
      { seed: 42, numRuns: 2000 },
    );
    expect([fastTanh(0), fastTanh(Infinity), fastTanh(-Infinity), fastTanh(1e-20)]).toEqual([0, 1, -1, 1e-20]);
  });

  it('activates ranges in place and differentiates from the output', () => {
    const a = Float32Array.of(0, 0, 0, 1, -7, 0.5);
    activateRange(GateAct.Sigmoid, a, 0, 2);
    activateRange(GateAct.Tanh, a, 3, 4);
    activateRange(GateAct.Relu, a, 4, 5);
    activateRange(GateAct.HardSigmoid, a, 5, 6);
    expect(Array.from(a)).toEqual([0.5, 0.5, 0, Math.fround(Math.tanh(1)), 0, Math.fround(3.5 / 6)]);
    expect([gateDeriv(GateAct.Sigmoid, 0.5), gateDeriv(GateAct.Tanh, 0.5), gateDeriv(GateAct.Relu, 0), gateDeriv(GateAct.Linear, 3), gateDeriv(GateAct.HardSigmoid, 0.5)]).toEqual([
      0.25, 0.75, 0, 1, 1 / 6,
    ]);
  });
});
