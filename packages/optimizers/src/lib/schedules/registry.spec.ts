import fc from 'fast-check';
import { ValueError } from '@strata/tensor';
import { CosineDecay } from './cosine-decay';
import { CosineDecayRestarts } from './cosine-decay-restarts';
import { ExponentialDecay } from './exponential-decay';
import { InverseTimeDecay } from './inverse-time-decay';
import { LearningRateSchedule } from './learning-rate-schedule';
import { PiecewiseConstantDecay } from './piecewise-constant-decay';
import { PolynomialDecay } from './polynomial-decay';
import { deserializeSchedule, registerSchedule, serializeSchedule } from './registry';

class HalfEvery extends LearningRateSchedule {
  static override readonly className = 'HalfEvery';
  readonly everySteps: number;
  constructor(options: { everySteps?: number } = {}) {
    super();
    this.everySteps = options.everySteps ?? 10;
  }
  override apply(step: number): number {
    return 0.5 ** Math.floor(step / this.everySteps);
  }
  override getConfig(): Record<string, unknown> {
    return { every_steps: this.everySteps };
  }
}

const rate = fc.double({ min: 1e-6, max: 1, noNaN: true });
const steps = fc.integer({ min: 1, max: 10000 });

describe('schedule registry', () => {
  it('serializes as Keras 3 and deserializes by class name', () => {
    const s = new ExponentialDecay({ initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.9 });
    const serialized = serializeSchedule(s);
    expect(serialized).toEqual({
      module: 'keras.optimizers.schedules',
      class_name: 'ExponentialDecay',
      config: { initial_learning_rate: 0.1, decay_steps: 10, decay_rate: 0.9, staircase: false, name: 'ExponentialDecay' },
      registered_name: null,
    });
    expect(deserializeSchedule(serialized)).toBeInstanceOf(ExponentialDecay);
  });

  it('round-trips every schedule through its config (fast-check)', () => {
    const arbitraries: fc.Arbitrary<LearningRateSchedule>[] = [
      fc.record({ initialLearningRate: rate, decaySteps: steps, decayRate: rate, staircase: fc.boolean() }).map((o) => new ExponentialDecay(o)),
      fc.record({ initialLearningRate: rate, decaySteps: steps, decayRate: rate, staircase: fc.boolean() }).map((o) => new InverseTimeDecay(o)),
      fc
        .record({ initialLearningRate: rate, decaySteps: steps, endLearningRate: rate, power: rate, cycle: fc.boolean() })
        .map((o) => new PolynomialDecay(o)),
      fc
        .record({ initialLearningRate: rate, decaySteps: steps, alpha: rate, warmupTarget: fc.option(rate), warmupSteps: steps })
        .map((o) => new CosineDecay(o)),
      fc
        .record({ initialLearningRate: rate, firstDecaySteps: steps, tMul: rate, mMul: rate, alpha: rate })
        .map((o) => new CosineDecayRestarts(o)),
      fc
        .uniqueArray(steps, { minLength: 1, maxLength: 4 })
        .chain((b) => fc.array(rate, { minLength: b.length + 1, maxLength: b.length + 1 }).map((values) => ({ b, values })))
        .map(({ b, values }) => new PiecewiseConstantDecay({ boundaries: [...b].sort((x, y) => x - y), values })),
    ];
    fc.assert(
      fc.property(fc.oneof(...arbitraries), fc.integer({ min: 0, max: 20000 }), (s, t) => {
        const back = deserializeSchedule(JSON.parse(JSON.stringify(serializeSchedule(s))));
        expect(serializeSchedule(back)).toEqual(serializeSchedule(s));
        expect(back.apply(t)).toBe(s.apply(t));
      }),
      { seed: 42, numRuns: 50 },
    );
  });

  it('registers plugin schedules under Keras 3 registered names', () => {
    expect(registerSchedule(HalfEvery, 'my-pkg')).toBe('my-pkg>HalfEvery');
    const serialized = serializeSchedule(new HalfEvery({ everySteps: 4 }));
    expect(serialized.registered_name).toBe('my-pkg>HalfEvery');
    expect(deserializeSchedule(serialized).apply(8)).toBe(0.25);
  });

  it('rejects unknown schedules, listing the built-ins', () => {
    expect(() => deserializeSchedule({ class_name: 'StepDecay', config: {} })).toThrow(ValueError);
    expect(() => deserializeSchedule({ class_name: 'StepDecay', config: {} })).toThrow(
      "Unknown learning rate schedule: received 'StepDecay'. Valid names: cosine_decay, cosine_decay_restarts, exponential_decay",
    );
  });
});
