// The README's example, run as written, with what its comments promise checked.
import { tensor, valueAndGrad } from '@strata/tensor';
import { expectClose } from '@strata/tensor/testing';
import { CategoricalCrossentropy, get, metrics, resolveMetric, serialize } from '../index';

describe('README example', () => {
  it('runs and does what the comments say', () => {
    const loss = new CategoricalCrossentropy({ fromLogits: true, labelSmoothing: 0.1 });
    const yTrue = tensor([[0, 1, 0], [1, 0, 0]]);
    const { value, grad } = valueAndGrad((logits) => loss.apply(yTrue, logits))(tensor([[1, 3, 0], [2, 0, 1]]));
    expect(value.shape).toEqual([]);
    expect(value.item()).toBeGreaterThan(0);
    expect(grad.shape).toEqual([2, 3]);

    expect(get('mse')?.apply([[1, 2]], [[1, 4]]).item()).toBe(2);
    expectClose(get('sparse_categorical_crossentropy')?.apply([1, 0], [[0.2, 0.8], [0.6, 0.4]], [1, 0]) ?? 0, -Math.log(0.8) / 2, 1e-6);
    expect(serialize(loss)).toEqual({
      module: 'keras.losses',
      class_name: 'CategoricalCrossentropy',
      config: { name: 'categorical_crossentropy', reduction: 'sum_over_batch_size', from_logits: true, label_smoothing: 0.1, axis: -1 },
      registered_name: null,
    });

    const auc = new metrics.AUC();
    auc.updateState([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
    expect(auc.result()).toBeCloseTo(0.75, 6);
    const acc = resolveMetric('accuracy', { yTrue: [2], yPred: [2, 3] });
    expect(acc).toBeInstanceOf(metrics.SparseCategoricalAccuracy);
    expect(acc.name).toBe('accuracy');
    acc.updateState([2, 0], [[0.1, 0.2, 0.7], [0.3, 0.6, 0.1]]);
    expect(acc.result()).toBe(0.5);
  });
});
