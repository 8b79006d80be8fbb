import { DType, Tensor, ValueError, full } from '@strata/tensor';
import { Constant } from './constant';
import { GlorotUniform } from './glorot-uniform';
import { HeUniform } from './he-uniform';
import { Identity } from './identity';
import { Initializer } from './initializer';
import { Ones } from './ones';
import { Orthogonal } from './orthogonal';
import { RandomNormal } from './random-normal';
import { RandomUniform } from './random-uniform';
import { STFT } from './stft';
import { VarianceScaling } from './variance-scaling';
import { Zeros } from './zeros';
import { deserialize, get, names, register, serialize } from './registry';

class Fives extends Initializer {
  static override readonly className = 'Fives';
  apply(shape: readonly number[], dtype: DType = 'float32'): Tensor {
    return full([...shape], 5, dtype);
  }
}

describe('initializers registry', () => {
  it.each(['he_uniform', 'HeUniform', 'heUniform'])('get(%p) is a HeUniform', (name) => {
    expect(get(name)).toBeInstanceOf(HeUniform);
  });

  it.each([
    ['zeros', Zeros], ['zero', Zeros], ['ones', Ones], ['one', Ones], ['constant', Constant],
    ['normal', RandomNormal], ['random_normal', RandomNormal], ['uniform', RandomUniform], ['RandomUniform', RandomUniform],
    ['glorot_uniform', GlorotUniform], ['variance_scaling', VarianceScaling], ['identity', Identity],
    ['IdentityInitializer', Identity], ['orthogonal', Orthogonal], ['OrthogonalInitializer', Orthogonal],
    ['stft', STFT], ['STFTInitializer', STFT],
  ] as const)("get(%p) resolves Keras's name", (name, cls) => {
    expect(get(name)).toBeInstanceOf(cls);
  });

  it('returns an instance as is, builds from a config object, and gives null for null', () => {
    const init = new HeUniform({ seed: 1 });
    expect(get(init)).toBe(init);
    const c = get({ class_name: 'Constant', config: { value: 3 } });
    expect(c).toBeInstanceOf(Constant);
    expect((c as Constant).value).toBe(3);
    expect(get(null)).toBeNull();
    expect(get(undefined)).toBeNull();
  });

  it('serializes as Keras 3 and deserializes back', () => {
    const obj = serialize(new HeUniform({ seed: 1 }));
    expect(obj).toEqual({
      module: 'keras.initializers',
      class_name: 'HeUniform',
      config: { seed: 1, input_axes: null, output_axes: null },
      registered_name: null,
    });
    expect(deserialize(obj)).toBeInstanceOf(HeUniform);
    expect(deserialize('glorot_uniform')).toBeInstanceOf(GlorotUniform);
  });

  it("lists Keras's snake_case names and aliases", () => {
    expect(names()).toEqual(
      ['constant', 'glorot_normal', 'glorot_uniform', 'he_normal', 'he_uniform', 'identity', 'lecun_normal', 'lecun_uniform',
        'normal', 'one', 'ones', 'orthogonal', 'random_normal', 'random_uniform', 'stft', 'truncated_normal', 'uniform',
        'variance_scaling', 'zero', 'zeros'],
    );
  });

  it('rejects an unknown name, listing the valid ones', () => {
    expect(() => get('he_unifrom')).toThrow(ValueError);
    expect(() => get('he_unifrom')).toThrow(/Unknown initializer: received 'he_unifrom'. Valid names: constant, .*he_uniform/);
  });

  it('rejects an identifier of the wrong kind', () => {
    expect(() => get(42 as never)).toThrow(ValueError);
    expect(() => get(42 as never)).toThrow(/Could not interpret initializer identifier: received 42/);
  });

  it('registers plugin classes with a registered_name and finds them again', () => {
    expect(register(Fives, 'my-pkg')).toBe('my-pkg>Fives');
    const obj = serialize(new Fives());
    expect(obj).toEqual({ module: 'keras.initializers', class_name: 'Fives', config: {}, registered_name: 'my-pkg>Fives' });
    const back = deserialize(obj);
    expect(back).toBeInstanceOf(Fives);
    expect(back.apply([2]).toArray()).toEqual([5, 5]);
  });

  it('finds custom classes passed in customObjects', () => {
    expect(get('Fives', { Fives })).toBeInstanceOf(Fives);
  });
});
