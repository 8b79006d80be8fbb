import { Tensor, ValueError, sub, sum, square } from '@strata/tensor';
import { expectClose } from '@strata/tensor/testing';
import { BinaryCrossentropy } from './binary-crossentropy';
import { CategoricalCrossentropy } from './categorical-crossentropy';
import { Huber } from './huber';
import { KLDivergence } from './kl-divergence';
import { LogCosh } from './log-cosh';
import { Loss } from './loss';
import { LossFunctionWrapper } from './loss-function-wrapper';
import { MeanSquaredError } from './mean-squared-error';
import { deserialize, get, names, register, serialize } from './registry';

describe('losses registry', () => {
  it.each([
    ['mse', MeanSquaredError],
    ['MSE', MeanSquaredError],
    ['mean_squared_error', MeanSquaredError],
    ['MeanSquaredError', MeanSquaredError],
    ['meanSquaredError', MeanSquaredError],
    ['kld', KLDivergence],
    ['kl_divergence', KLDivergence],
    ['bce', BinaryCrossentropy],
    ['categorical_crossentropy', CategoricalCrossentropy],
    ['huber', Huber],
    ['log_cosh', LogCosh],
    ['logcosh', LogCosh],
  ])('get(%p) gives a default instance of the class', (name, Cls) => {
    const loss = get(name);
    expect(loss).toBeInstanceOf(Cls);
    expect(loss?.getConfig()).toEqual(new Cls().getConfig());
  });

  it('gets classes, instances, functions, configs and null', () => {
    const mse = new MeanSquaredError({ reduction: 'sum' });
    expect(get(mse)).toBe(mse);
    expect(get(MeanSquaredError)).toBeInstanceOf(MeanSquaredError);
    expect(get(null)).toBeNull();
    expect(get(undefined)).toBeNull();
    const fromConfig = get({ class_name: 'CategoricalCrossentropy', config: { from_logits: true } }) as CategoricalCrossentropy;
    expect(fromConfig.fromLogits).toBe(true);
    function sse(yTrue: unknown, yPred: unknown) {
      return sum(square(sub(yTrue as Tensor, yPred as Tensor)), -1);
    }
    const wrapped = get(sse);
    expect(wrapped).toBeInstanceOf(LossFunctionWrapper);
    expect(wrapped?.name).toBe('sse');
    expectClose(wrapped?.apply([[1, 2]], [[0, 0]]) ?? 0, 5);
  });

  it('lists the valid names when a name is unknown', () => {
    expect(() => get('mean_square_error')).toThrow(ValueError);
    expect(() => get('mean_square_error')).toThrow(/Unknown loss: received 'mean_square_error'. Valid names: .*mean_squared_error/);
    expect(names()).toEqual(expect.arrayContaining(['mse', 'mae', 'mape', 'msle', 'kld', 'bce', 'huber', 'kl_divergence']));
    expect(() => get(42 as unknown as string)).toThrow(/Could not interpret loss identifier: received 42/);
  });

  it('serializes like keras.losses.serialize and reads Keras function configs', () => {
    expect(serialize(new MeanSquaredError())).toEqual({
      module: 'keras.losses',
      class_name: 'MeanSquaredError',
      config: { name: 'mean_squared_error', reduction: 'sum_over_batch_size' },
      registered_name: null,
    });
    const fn = { module: 'builtins', class_name: 'function', config: 'mean_squared_error', registered_name: 'function' };
    expect(deserialize(fn as never)).toBeInstanceOf(MeanSquaredError);
    expect(deserialize('huber')).toBeInstanceOf(Huber);
    expect(() => serialize({} as Loss)).toThrow(/losses.serialize: expected a Loss instance/);
  });

  it('writes a LossFunctionWrapper with the module Keras writes', () => {
    const out = serialize(new LossFunctionWrapper({ fn: 'huber', fnOptions: { delta: 2 }, name: 'h' }));
    expect(out).toEqual({
      module: 'keras.src.losses.losses',
      class_name: 'LossFunctionWrapper',
      config: {
        name: 'h',
        reduction: 'sum_over_batch_size',
        fn: { module: 'builtins', class_name: 'function', config: 'huber', registered_name: 'function' },
        delta: 2,
      },
      registered_name: 'LossFunctionWrapper',
    });
    const back = deserialize(out) as LossFunctionWrapper;
    expect(back.fnOptions).toEqual({ delta: 2 });
    expectClose(back.apply([[0, 0]], [[1, 4]]), 3.25);
  });

  it('registers plugin losses under Keras 3 registered names', () => {
    class Sse extends Loss {
      static override readonly className = 'Sse';
      override call(t: Tensor, p: Tensor) {
        return sum(square(sub(t, p)), -1);
      }
    }
    expect(register(Sse as never, 'my-pkg')).toBe('my-pkg>Sse');
    const out = serialize(new Sse({ name: 's' }));
    expect(out.registered_name).toBe('my-pkg>Sse');
    expect(deserialize(out)).toBeInstanceOf(Sse);
  });
});
