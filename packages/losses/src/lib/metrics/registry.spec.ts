import { TensorLike, ValueError } from '@strata/tensor';
import { meanAbsoluteError } from '../losses/regression-functions';
import { Accuracy } from './accuracy';
import { AUC } from './auc';
import { BinaryCrossentropy } from './binary-crossentropy';
import { CategoricalAccuracy } from './categorical-accuracy';
import { F1Score } from './f1-score';
import { MeanMetricWrapper } from './mean-metric-wrapper';
import { MeanSquaredError } from './mean-squared-error';
import { Metric } from './metric';
import { Precision } from './precision';
import { deserialize, get, names, register, serialize } from './registry';

describe('metrics registry', () => {
  it.each([
    ['mse', MeanSquaredError],
    ['mean_squared_error', MeanSquaredError],
    ['MeanSquaredError', MeanSquaredError],
    ['auc', AUC],
    ['AUC', AUC],
    ['f1_score', F1Score],
    ['accuracy', Accuracy],
    ['categorical_accuracy', CategoricalAccuracy],
    ['bce', BinaryCrossentropy],
    ['precision', Precision],
  ])('get(%p) gives a default instance of the class', (name, Cls) => {
    expect(get(name)).toBeInstanceOf(Cls);
  });

  it('gets classes, instances, functions and configs', () => {
    const m = new AUC();
    expect(get(m)).toBe(m);
    expect(get(AUC)).toBeInstanceOf(AUC);
    expect(get(null)).toBeNull();
    const wrapped = get(meanAbsoluteError);
    expect(wrapped).toBeInstanceOf(MeanMetricWrapper);
    expect(wrapped?.name).toBe('meanAbsoluteError');
    expect((get({ class_name: 'Precision', config: { thresholds: [0.3, 0.6] } }) as Precision).thresholds).toEqual([0.3, 0.6]);
  });

  it('lists the valid names when a name is unknown', () => {
    expect(() => get('acc')).toThrow(ValueError);
    expect(() => get('acc')).toThrow(/Unknown metric: received 'acc'. Valid names: .*accuracy/);
    expect(names()).toEqual(expect.arrayContaining(['auc', 'f1_score', 'mse', 'r2_score', 'root_mean_squared_error']));
  });

  it('serializes like keras.metrics.serialize and reads serialized functions', () => {
    expect(serialize(new Accuracy())).toEqual({
      module: 'keras.metrics',
      class_name: 'Accuracy',
      config: { name: 'accuracy', dtype: 'float32' },
      registered_name: null,
    });
    const fromFn = deserialize({ class_name: 'function', config: 'binary_accuracy' } as never);
    expect(fromFn).toBeInstanceOf(MeanMetricWrapper);
    fromFn.updateState([1, 0], [0.9, 0.9]);
    expect(fromFn.result()).toBe(0.5);
    expect(() => serialize({} as Metric)).toThrow(/metrics.serialize: expected a Metric instance/);
  });

  it('registers plugin metrics under Keras 3 registered names', () => {
    class Count extends Metric {
      static override readonly className = 'Count';
      private n = 0;
      override updateState(yTrue: TensorLike) {
        void yTrue;
        this.n++;
      }
      override result() {
        return this.n;
      }
      override resetState() {
        this.n = 0;
      }
    }
    expect(register(Count as never, 'my-pkg')).toBe('my-pkg>Count');
    const out = serialize(new Count());
    expect(out).toEqual({ module: 'keras.metrics', class_name: 'Count', config: { name: 'count', dtype: 'float32' }, registered_name: 'my-pkg>Count' });
    expect(deserialize(out)).toBeInstanceOf(Count);
  });
});
