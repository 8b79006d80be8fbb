import fc from 'fast-check';
import { Tensor, ValueError, mul, sum, tensor } from '@strata/tensor';
import { L1 } from './l1';
import { L1L2 } from './l1-l2';
import { L2 } from './l2';
import { OrthogonalRegularizer } from './orthogonal-regularizer';
import { Regularizer } from './regularizer';
import { deserialize, get, names, register, serialize } from './registry';

class Scaled extends Regularizer {
  static override readonly className = 'Scaled';
  readonly k: number;
  constructor(options: { k?: number } = {}) {
    super();
    this.k = options.k ?? 1;
  }
  override apply(w: Tensor): Tensor {
    return mul(this.k, sum(w));
  }
  override getConfig(): Record<string, unknown> {
    return { k: this.k };
  }
}

describe('regularizers registry', () => {
  it.each([
    ['l1', L1],
    ['L1', L1],
    ['l2', L2],
    ['L2', L2],
    ['l1_l2', L1L2],
    ['l1l2', L1L2],
    ['L1L2', L1L2],
    ['orthogonal_regularizer', OrthogonalRegularizer],
    ['OrthogonalRegularizer', OrthogonalRegularizer],
    ['orthogonalRegularizer', OrthogonalRegularizer],
    ['regularizer', Regularizer],
  ])('get(%p) gives a default instance', (name, cls) => {
    const r = get(name);
    expect(r).toBeInstanceOf(cls);
    expect(r?.constructor).toBe(cls);
  });

  it('get builds defaults as Keras: l1=0.01, l2=0.01, l1_l2 with zeros', () => {
    expect(get('l1')?.getConfig()).toEqual({ l1: 0.009999999776482582 });
    expect(get('l2')?.getConfig()).toEqual({ l2: 0.01 });
    expect(get('l1_l2')?.getConfig()).toEqual({ l1: 0, l2: 0 });
  });

  it('get passes instances through, instantiates classes, reads configs, maps null to null', () => {
    const r = new L2({ l2: 0.3 });
    expect(get(r)).toBe(r);
    expect(get(L1)).toBeInstanceOf(L1);
    expect(get({ class_name: 'L1L2', config: { l1: 0.1, l2: 0.2 } })?.getConfig()).toEqual({ l1: 0.1, l2: 0.2 });
    expect(get(null)).toBeNull();
    expect(get(undefined)).toBeNull();
  });

  it('names() lists the snake_case names', () => {
    expect(names()).toEqual(['l1', 'l1_l2', 'l1l2', 'l2', 'orthogonal_regularizer', 'regularizer']);
  });

  it('rejects an unknown name, listing the valid ones', () => {
    expect(() => get('l3')).toThrow(ValueError);
    expect(() => get('l3')).toThrow(
      "Unknown regularizer: received 'l3'. Valid names: l1, l1_l2, l1l2, l2, orthogonal_regularizer, regularizer.",
    );
    expect(() => get(42 as never)).toThrow(/Could not interpret regularizer identifier: received 42/);
  });

  it('rejects unknown config keys', () => {
    expect(() => deserialize({ class_name: 'L2', config: { l1: 0.1 } })).toThrow(ValueError);
    expect(() => deserialize({ class_name: 'L2', config: { l1: 0.1 } })).toThrow(
      "L2: config has unknown keys (expected l2), received ['l1']",
    );
  });

  it('serializes as Keras 3', () => {
    expect(serialize(new L2())).toEqual({
      module: 'keras.regularizers',
      class_name: 'L2',
      config: { l2: 0.01 },
      registered_name: null,
    });
    expect(serialize(new OrthogonalRegularizer({ factor: 0.5, mode: 'columns' }))).toEqual({
      module: 'keras.regularizers',
      class_name: 'OrthogonalRegularizer',
      config: { factor: 0.5, mode: 'columns' },
      registered_name: null,
    });
  });

  it('serializes and reads back a registered plugin class', () => {
    expect(register(Scaled, 'my-pkg')).toBe('my-pkg>Scaled');
    const s = serialize(new Scaled({ k: 3 }));
    expect(s).toEqual({ module: 'keras.regularizers', class_name: 'Scaled', config: { k: 3 }, registered_name: 'my-pkg>Scaled' });
    const back = deserialize(s);
    expect(back).toBeInstanceOf(Scaled);
    expect(back.apply(tensor([1, 2])).item()).toBe(9);
    expect(deserialize({ class_name: 'Other', config: {} }, { Other: Scaled })).toBeInstanceOf(Scaled);
  });

  const factor = fc.float({ min: 0, max: 100, noNaN: true, noDefaultInfinity: true });
  const regularizer: fc.Arbitrary<Regularizer> = fc.oneof(
    factor.map((l1) => new L1({ l1 })),
    fc.double({ min: 0, max: 100, noNaN: true }).map((l2) => new L2({ l2 })),
    fc.tuple(factor, fc.double({ min: 0, max: 1, noNaN: true })).map(([l1, l2]) => new L1L2({ l1, l2 })),
    fc
      .tuple(fc.double({ min: 0, max: 10, noNaN: true }), fc.constantFrom('rows' as const, 'columns' as const))
      .map(([f, mode]) => new OrthogonalRegularizer({ factor: f, mode })),
  );

  it('serialize → deserialize is the identity (property)', () => {
    fc.assert(
      fc.property(regularizer, (r) => {
        const s = serialize(r);
        const back = deserialize(JSON.parse(JSON.stringify(s)));
        expect(back.constructor).toBe(r.constructor);
        expect(back.getConfig()).toEqual(r.getConfig());
        expect(serialize(back)).toEqual(s);
      }),
      { seed: 42, numRuns: 50 },
    );
  });

  it('penalties are non-negative (property)', () => {
    fc.assert(
      fc.property(regularizer, fc.array(fc.float({ min: -10, max: 10, noNaN: true }), { minLength: 6, maxLength: 6 }), (r, v) => {
        expect(r.apply(tensor(v, [2, 3])).item()).toBeGreaterThanOrEqual(0);
      }),
      { seed: 42, numRuns: 50 },
    );
  });
});

describe('regularizers get on non-identifiers', () => {
  it('rejects a plain function (subclass Regularizer instead)', () => {
    const fn = (() => 0) as never;
    expect(() => get(fn)).toThrow(ValueError);
    expect(() => get(fn)).toThrow(/^Could not interpret regularizer identifier: received/);
  });
});
