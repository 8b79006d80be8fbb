import { DTypeError, SeedGenerator, ValueError, setSeed } from '@strata/tensor';
import { HeUniform } from './he-uniform';
import { RandomNormal } from './random-normal';
import { deserialize, serialize } from './registry';

const values = (init: { apply(s: number[]): { data: ArrayLike<number> } }, shape = [4, 5]) => Array.from(init.apply(shape).data);

describe('RandomInitializer seeds (Keras 3 semantics)', () => {
  it('an integer seed gives the same values on every call and in every instance', () => {
    const a = new RandomNormal({ seed: 3 });
    expect(values(a)).toEqual(values(a));
    expect(values(new RandomNormal({ seed: 3 }))).toEqual(values(a));
    expect(values(new RandomNormal({ seed: 4 }))).not.toEqual(values(a));
  });

  it('an unseeded instance gives the same values on every call, as Keras', () => {
    const a = new HeUniform();
    expect(values(a)).toEqual(values(a));
    expect(values(new HeUniform())).not.toEqual(values(a));
  });

  it('setSeed makes unseeded initializers reproducible', () => {
    setSeed(1337);
    const first = [values(new HeUniform()), values(new RandomNormal())];
    setSeed(1337);
    const second = [values(new HeUniform()), values(new RandomNormal())];
    expect(second).toEqual(first);
    setSeed(1338);
    expect(values(new HeUniform())).not.toEqual(first[0]);
  });

  it('an unseeded initializer still writes seed: null', () => {
    expect(new RandomNormal().getConfig()).toEqual({ seed: null, mean: 0, stddev: 0.05 });
  });

  it('a SeedGenerator seed gives new values on every call, the same sequence for the same start', () => {
    const a = new HeUniform({ seed: new SeedGenerator(3) });
    const [a1, a2] = [values(a), values(a)];
    expect(a2).not.toEqual(a1);
    const b = new HeUniform({ seed: new SeedGenerator(3) });
    expect([values(b), values(b)]).toEqual([a1, a2]);
  });

  it("writes a SeedGenerator seed as Keras's SeedGenerator config and reads it back", () => {
    const obj = serialize(new HeUniform({ seed: new SeedGenerator(3) }));
    expect(obj.config).toEqual({
      seed: {
        module: 'keras.random',
        class_name: 'SeedGenerator',
        config: { seed: 3, name: 'seed_generator' },
        registered_name: null,
      },
      input_axes: null,
      output_axes: null,
    });
    const back = deserialize(obj);
    expect(serialize(back)).toEqual(obj);
    expect(values(back)).toEqual(values(new HeUniform({ seed: new SeedGenerator(3) })));
  });

  it.each([[1.5], ['3'], [{}], [true], [NaN]])('rejects seed=%p', (seed) => {
    const make = () => new RandomNormal({ seed: seed as unknown as number });
    expect(make).toThrow(ValueError);
    expect(make).toThrow(/RandomNormal: seed must be an integer or a SeedGenerator, received seed=/);
  });

  it('names the subclass in seed errors', () => {
    expect(() => new HeUniform({ seed: 0.5 })).toThrow(/HeUniform: seed must be an integer or a SeedGenerator, received seed=0.5/);
  });

  it('draws float values only', () => {
    expect(() => new RandomNormal({ seed: 1 }).apply([2], 'int32')).toThrow(DTypeError);
    expect(() => new RandomNormal({ seed: 1 }).apply([2], 'int32')).toThrow(/RandomNormal: dtype must be a float dtype, received dtype='int32'/);
  });
});
