import fc from 'fast-check';
import { Tensor, ValueError, minimum, tensor } from '@strata/tensor';
import { Constraint } from './constraint';
import { MaxNorm } from './max-norm';
import { MinMaxNorm } from './min-max-norm';
import { NonNeg } from './non-neg';
import { deserialize, get, names, register, serialize } from './registry';
import { UnitNorm } from './unit-norm';

class Capped extends Constraint {
  static override readonly className = 'Capped';
  readonly cap: number;
  constructor(options: { cap?: number } = {}) {
    super();
    this.cap = options.cap ?? 1;
  }
  override apply(w: Tensor): Tensor {
    return minimum(w, this.cap);
  }
  override getConfig(): Record<string, unknown> {
    return { cap: this.cap };
  }
}

describe('constraints registry', () => {
  it.each([
    ['max_norm', MaxNorm],
    ['MaxNorm', MaxNorm],
    ['maxNorm', MaxNorm],
    ['non_neg', NonNeg],
    ['NonNeg', NonNeg],
    ['unit_norm', UnitNorm],
    ['UnitNorm', UnitNorm],
    ['min_max_norm', MinMaxNorm],
    ['MinMaxNorm', MinMaxNorm],
    ['minMaxNorm', MinMaxNorm],
    ['constraint', Constraint],
  ])('get(%p) gives a default instance', (name, cls) => {
    const c = get(name);
    expect(c?.constructor).toBe(cls);
  });

  it('get passes instances through, instantiates classes, reads configs, maps null to null', () => {
    const c = new MaxNorm({ maxValue: 3 });
    expect(get(c)).toBe(c);
    expect(get(UnitNorm)).toBeInstanceOf(UnitNorm);
    expect(get({ class_name: 'MaxNorm', config: { max_value: 3, axis: [0, 1, 2] } })?.getConfig()).toEqual({
      max_value: 3,
      axis: [0, 1, 2],
    });
    expect(get(null)).toBeNull();
    expect(get(undefined)).toBeNull();
  });

  it('names() lists the snake_case names', () => {
    expect(names()).toEqual(['constraint', 'max_norm', 'min_max_norm', 'non_neg', 'unit_norm']);
  });

  it('rejects an unknown name, listing the valid ones', () => {
    expect(() => get('l2')).toThrow(ValueError);
    expect(() => get('l2')).toThrow(
      "Unknown constraint: received 'l2'. Valid names: constraint, max_norm, min_max_norm, non_neg, unit_norm.",
    );
    expect(() => get(7 as never)).toThrow(/Could not interpret constraint identifier: received 7/);
  });

  it('rejects unknown config keys', () => {
    expect(() => deserialize({ class_name: 'UnitNorm', config: { axis: 0, max_value: 2 } })).toThrow(ValueError);
    expect(() => deserialize({ class_name: 'UnitNorm', config: { axis: 0, max_value: 2 } })).toThrow(
      "UnitNorm: config has unknown keys (expected axis), received ['max_value']",
    );
  });

  it('serializes as Keras 3', () => {
    expect(serialize(new MaxNorm())).toEqual({
      module: 'keras.constraints',
      class_name: 'MaxNorm',
      config: { max_value: 2, axis: 0 },
      registered_name: null,
    });
    expect(serialize(new NonNeg())).toEqual({ module: 'keras.constraints', class_name: 'NonNeg', config: {}, registered_name: null });
  });

  it('serializes and reads back a registered plugin class', () => {
    expect(register(Capped, 'my-pkg')).toBe('my-pkg>Capped');
    const s = serialize(new Capped({ cap: 0.5 }));
    expect(s).toEqual({ module: 'keras.constraints', class_name: 'Capped', config: { cap: 0.5 }, registered_name: 'my-pkg>Capped' });
    const back = deserialize(s);
    expect(back).toBeInstanceOf(Capped);
    expect(back.apply(tensor([0.25, 2])).toArray()).toEqual([0.25, 0.5]);
    expect(deserialize({ class_name: 'Other', config: {} }, { Other: Capped })).toBeInstanceOf(Capped);
  });

  const num = fc.double({ min: 0, max: 100, noNaN: true });
  const axis = fc.oneof(
    fc.integer({ min: -4, max: 3 }),
    fc.uniqueArray(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 3 }),
    fc.constant(null),
  );
  const constraint: fc.Arbitrary<Constraint> = fc.oneof(
    fc.constant(new Constraint()),
    fc.constant(new NonNeg()),
    fc.tuple(num, axis).map(([maxValue, a]) => new MaxNorm({ maxValue, axis: a })),
    axis.map((a) => new UnitNorm({ axis: a })),
    fc.tuple(num, num, fc.double({ min: 0, max: 1, noNaN: true }), axis).map(
      ([minValue, maxValue, rate, a]) => new MinMaxNorm({ minValue, maxValue, rate, axis: a }),
    ),
  );

  it('serialize → deserialize is the identity (property)', () => {
    fc.assert(
      fc.property(constraint, (c) => {
        const s = serialize(c);
        const back = deserialize(JSON.parse(JSON.stringify(s)));
        expect(back.constructor).toBe(c.constructor);
        expect(back.getConfig()).toEqual(c.getConfig());
        expect(serialize(back)).toEqual(s);
      }),
      { seed: 42, numRuns: 50 },
    );
  });
});

describe('constraints get on non-identifiers', () => {
  it('rejects a plain function (subclass Constraint instead)', () => {
    const fn = ((w: Tensor) => w) as never;
    expect(() => get(fn)).toThrow(ValueError);
    expect(() => get(fn)).toThrow(/^Could not interpret constraint identifier: received/);
  });
});
