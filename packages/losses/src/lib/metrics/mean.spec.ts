import { ShapeError, ValueError, tensor } from '@strata/tensor';
import { sparseCategoricalCrossentropy } from '../losses/crossentropy-functions';
import { Mean } from './mean';
import { MeanMetricWrapper } from './mean-metric-wrapper';
import { Sum } from './sum';

describe('Mean', () => {
  it('computes its TSDoc example', () => {
    const m = new Mean();
    m.updateState([1, 3, 5, 7]);
    m.updateState([[2, 4]], [0.5]);
    expect(m.result()).toBeCloseTo(17.5 / 4.5, 6);
  });

  it('counts samples (not elements) without weights, and starts at 0', () => {
    const m = new Mean();
    expect(m.result()).toBe(0);
    m.updateState([[1, 3], [5, 7]]);
    expect(m.result()).toBe(4);
    m.updateState(10);
    expect(m.result()).toBe(6);
    m.resetState();
    expect(m.result()).toBe(0);
  });

  it('broadcasts weights over the extra axes and averages them per sample', () => {
    const m = new Mean();
    m.updateState([[1, 3], [5, 7]], [[1, 0], [1, 1]]);
    // values*w = [[1, 0], [5, 7]] averaged per sample: [0.5, 6]; weights averaged: [0.5, 1].
    expect(m.result()).toBeCloseTo(6.5 / 1.5, 6);
  });

  it('rejects weights that do not fit, naming both shapes', () => {
    expect(() => new Mean().updateState([1, 2], [1, 2, 3])).toThrow(ShapeError);
    expect(() => new Mean().updateState([1, 2], [1, 2, 3])).toThrow(/sampleWeight.shape=\(3,\) for values of shape \(2,\)/);
  });
});

describe('Sum', () => {
  it('adds weighted values', () => {
    const s = new Sum();
    s.updateState([1, 3, 5, 7]);
    expect(s.result()).toBe(16);
    s.updateState([[1, 1], [2, 2]], [1, 0.5]);
    expect(s.result()).toBe(16 + 2 + 2);
    s.resetState();
    expect(s.result()).toBe(0);
  });
});

describe('MeanMetricWrapper', () => {
  it('computes its TSDoc example', () => {
    const m = new MeanMetricWrapper({ fn: 'huber', fnOptions: { delta: 0.5 }, name: 'huber' });
    m.updateState([[0, 0]], [[1, 0.25]]);
    expect(m.result()).toBeCloseTo(0.203125, 6);
    expect(m.name).toBe('huber');
    expect(new MeanMetricWrapper({ fn: 'mean_squared_error' }).name).toBe('mean_metric_wrapper');
  });

  it('zeroes masked predictions and, with weights, the loss mask too (as Keras)', () => {
    const p = [[0.5, 0.5], [0.2, 0.8], [0.9, 0.1]];
    const fn = (t: unknown, q: unknown) => sparseCategoricalCrossentropy(t as number[], q as number[][], { ignoreClass: 0 });
    const unweighted = new MeanMetricWrapper({ fn });
    unweighted.updateState([1, 1, 0], p);
    expect(unweighted.result()).toBeCloseTo((-Math.log(0.5) - Math.log(0.8)) / 3, 6);
    const weighted = new MeanMetricWrapper({ fn });
    weighted.updateState([1, 1, 0], p, [1, 1, 1]);
    expect(weighted.result()).toBeCloseTo((-Math.log(0.5) - Math.log(0.8)) / 2, 6);
    const masked = new MeanMetricWrapper({ fn: 'mean_absolute_error' });
    masked.updateState([[0], [0]], [[1], [3]], null, [true, false]);
    expect(masked.result()).toBe(1);
  });

  it('does not follow gradients', () => {
    const m = new MeanMetricWrapper({ fn: 'mean_squared_error' });
    m.updateState(tensor([[1, 2]]), tensor([[1, 4]]));
    expect(m.result()).toBe(2);
  });

  it('needs yPred and a known function', () => {
    expect(() => new MeanMetricWrapper({ fn: 'mse' }).updateState([1])).toThrow(ValueError);
    expect(() => new MeanMetricWrapper({ fn: 'mse' })).toThrow(/received fn='mse'/);
    const m = new MeanMetricWrapper({ fn: 'binary_accuracy' });
    expect(() => m.updateState([1])).toThrow(/MeanMetricWrapper: updateState needs yTrue and yPred, received yPred=undefined/);
  });
});
