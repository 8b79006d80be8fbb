import { ValueError } from '@strata/tensor';
import { expectClose } from '@strata/tensor/testing';
import { LossFunctionWrapper } from './losses/loss-function-wrapper';
import { MeanSquaredError } from './losses/mean-squared-error';
import { binaryCrossentropy, sparseCategoricalCrossentropy } from './losses/crossentropy-functions';
import { AUC } from './metrics/auc';
import { BinaryAccuracy } from './metrics/binary-accuracy';
import { CategoricalAccuracy } from './metrics/categorical-accuracy';
import { MeanMetricWrapper } from './metrics/mean-metric-wrapper';
import { MeanSquaredError as MseMetric } from './metrics/mean-squared-error';
import { SparseCategoricalAccuracy } from './metrics/sparse-categorical-accuracy';
import { resolveLoss, resolveMetric } from './resolve';

describe('resolveMetric', () => {
  it.each([
    [[32, 1], [32, 1], BinaryAccuracy],
    [[32], [32, 1], BinaryAccuracy],
    [[32], [32, 10], SparseCategoricalAccuracy],
    [[32, 1], [32, 10], SparseCategoricalAccuracy],
    [[32, 5, 1], [32, 5, 10], SparseCategoricalAccuracy],
    [[32, 10], [32, 10], CategoricalAccuracy],
    [[null, 10], [null, 10], CategoricalAccuracy],
  ])("picks the accuracy for yTrue %p and yPred %p as Keras's compile does", (yTrue, yPred, Cls) => {
    const m = resolveMetric('accuracy', { yTrue, yPred });
    expect(m).toBeInstanceOf(Cls);
    expect(m.name).toBe('accuracy');
  });

  it("names metrics by the string given, as Keras's History keys", () => {
    expect(resolveMetric('acc', { yTrue: [4], yPred: [4, 3] }).name).toBe('acc');
    expect(resolveMetric('ACC', { yTrue: [4], yPred: [4, 3] }).name).toBe('ACC');
    const mse = resolveMetric('mse');
    expect(mse).toBeInstanceOf(MseMetric);
    expect(mse.name).toBe('mse');
    expect(resolveMetric('mean_squared_error').name).toBe('mean_squared_error');
  });

  it('keeps the name of instances and functions', () => {
    const auc = new AUC({ name: 'my_auc' });
    expect(resolveMetric(auc)).toBe(auc);
    expect(auc.name).toBe('my_auc');
    const m = resolveMetric(sparseCategoricalCrossentropy as never);
    expect(m).toBeInstanceOf(MeanMetricWrapper);
    expect(m.name).toBe('sparseCategoricalCrossentropy');
  });

  it('needs the shapes for accuracy, and a metric', () => {
    expect(() => resolveMetric('accuracy')).toThrow(ValueError);
    expect(() => resolveMetric('accuracy')).toThrow(/resolveMetric: 'accuracy' is chosen from the shapes .*received shapes=undefined/);
    expect(() => resolveMetric(null as never)).toThrow(/resolveMetric: expected a metric, received null/);
  });
});

describe('resolveLoss', () => {
  it('picks the crossentropy for "ce" / "crossentropy" from the shapes', () => {
    const binary = resolveLoss('ce', { yTrue: [8, 1], yPred: [8, 1] }) as LossFunctionWrapper;
    expect(binary.fn).toBe(binaryCrossentropy);
    expect(binary.name).toBe('ce');
    const sparse = resolveLoss('crossentropy', { yTrue: [8], yPred: [8, 4] }) as LossFunctionWrapper;
    expect(sparse.fn).toBe(sparseCategoricalCrossentropy);
    expectClose(sparse.apply([1, 2], [[0.05, 0.95, 0, 0], [0.1, 0.8, 0.1, 0]]), (-Math.log(0.95) - Math.log(0.1)) / 2, 1e-5);
  });

  it('wraps Keras function names, keeps class names as classes', () => {
    const mse = resolveLoss('mse');
    expect(mse).toBeInstanceOf(LossFunctionWrapper);
    expect(mse.name).toBe('mse');
    expectClose(mse.apply([[1, 2]], [[1, 4]]), 2);
    expect(resolveLoss('categorical_crossentropy').name).toBe('categorical_crossentropy');
    expect(resolveLoss('MeanSquaredError')).toBeInstanceOf(MeanSquaredError);
    const inst = new MeanSquaredError({ reduction: 'sum' });
    expect(resolveLoss(inst)).toBe(inst);
    expect(resolveLoss(binaryCrossentropy as never).name).toBe('binaryCrossentropy');
  });

  it('needs a loss, and the shapes for "ce"', () => {
    expect(() => resolveLoss(undefined as never)).toThrow(/resolveLoss: expected a loss, received undefined/);
    expect(() => resolveLoss('ce')).toThrow(/resolveLoss: 'ce' is chosen from the shapes/);
    expect(() => resolveLoss('nope')).toThrow(/Unknown loss: received 'nope'/);
  });
});
