import { ValueError } from './errors';
import { Family, camelCase, snakeCase, toOptions } from './serialization';

class Thing {
  static readonly className: string = 'HeUniform';
  constructor(readonly options: { seed?: number | null } = {}) {}
  getConfig() {
    return { seed: this.options.seed ?? null };
  }
  static fromConfig(config: Record<string, unknown>) {
    return new Thing(toOptions(config) as { seed?: number | null });
  }
}
class Other extends Thing {
  static override readonly className = 'L1L2';
  static override fromConfig() {
    return new Other();
  }
}

const family = () => new Family<Thing>('initializer', 'keras.initializers').add(Thing).add(Other, ['l1_l2']);

describe('serialization names', () => {
  it('converts between Keras and TypeScript spellings', () => {
    expect(snakeCase('HeUniform')).toBe('he_uniform');
    expect(snakeCase('heUniform')).toBe('he_uniform');
    expect(snakeCase('L1L2')).toBe('l1l2');
    expect(snakeCase('Conv2D')).toBe('conv2d');
    expect(snakeCase('PReLU')).toBe('p_re_lu');
    expect(snakeCase('SimpleRNN')).toBe('simple_rnn');
    expect(snakeCase('GlobalAveragePooling2D')).toBe('global_average_pooling2d');
    expect(snakeCase('MaxNorm')).toBe('max_norm');
    expect(camelCase('he_uniform')).toBe('heUniform');
    expect(camelCase('max_value')).toBe('maxValue');
    expect(toOptions({ max_value: 2, axis: 0 })).toEqual({ maxValue: 2, axis: 0 });
  });
});

describe('Family', () => {
  it('finds a class by snake_case, class and camelCase names', () => {
    const f = family();
    for (const n of ['he_uniform', 'HeUniform', 'heUniform']) expect(f.get(n)).toBeInstanceOf(Thing);
    expect(f.get('l1_l2')).toBeInstanceOf(Other);
    expect(f.get(null)).toBeNull();
  });

  it('returns instances unchanged and reads Keras objects', () => {
    const f = family();
    const t = new Thing({ seed: 3 });
    expect(f.get(t)).toBe(t);
    const obj = f.serialize(t);
    expect(obj).toEqual({ module: 'keras.initializers', class_name: 'HeUniform', config: { seed: 3 }, registered_name: null });
    expect(f.deserialize(obj).getConfig()).toEqual({ seed: 3 });
    expect(f.get({ class_name: 'HeUniform', config: { seed: 5 } })!.getConfig()).toEqual({ seed: 5 });
  });

  it('lists the valid names for an unknown one', () => {
    expect(() => family().get('he_unifrom')).toThrow(ValueError);
    expect(() => family().get('he_unifrom')).toThrow(
      "Unknown initializer: received 'he_unifrom'. Valid names: he_uniform, l1_l2, l1l2.",
    );
    expect(() => family().get(42)).toThrow(/Could not interpret initializer identifier: received 42/);
  });

  it('serializes plugin classes with a registered name and reads them back', () => {
    class Mine extends Thing {
      static override readonly className = 'Mine';
      static override fromConfig(config: Record<string, unknown>) {
        return new Mine(toOptions(config));
      }
    }
    const f = family();
    expect(f.register(Mine, 'my-pkg')).toBe('my-pkg>Mine');
    const obj = f.serialize(new Mine({ seed: 1 }));
    expect(obj.registered_name).toBe('my-pkg>Mine');
    expect(f.deserialize(obj)).toBeInstanceOf(Mine);
    expect(f.deserialize({ class_name: 'Mine', config: {} }, { Mine })).toBeInstanceOf(Mine);
  });
});
