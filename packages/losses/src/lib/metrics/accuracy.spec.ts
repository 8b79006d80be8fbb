import { ShapeError, tensor } from '@strata/tensor';
import { Accuracy } from './accuracy';
import {
  accuracy,
  binaryAccuracy,
  categoricalAccuracy,
  sparseCategoricalAccuracy,
  sparseTopKCategoricalAccuracy,
  topKCategoricalAccuracy,
} from './accuracy-functions';
import { BinaryAccuracy } from './binary-accuracy';
import { SparseTopKCategoricalAccuracy } from './sparse-top-k-categorical-accuracy';
import { TopKCategoricalAccuracy } from './top-k-categorical-accuracy';

describe('accuracy functions', () => {
  it('give the values of their TSDoc examples', () => {
    expect(accuracy([1, 2, 3], [1, 2, 0]).toArray()).toEqual([1, 1, 0]);
    expect(binaryAccuracy([[1, 1, 0, 0]], [[0.98, 1, 0, 0.6]]).toArray()).toEqual([[1, 1, 1, 0]]);
    expect(categoricalAccuracy([[0, 0, 1], [0, 1, 0]], [[0.1, 0.9, 0.8], [0.05, 0.95, 0]]).toArray()).toEqual([0, 1]);
    expect(sparseCategoricalAccuracy([2, 1], [[0.1, 0.6, 0.3], [0.05, 0.95, 0]]).toArray()).toEqual([0, 1]);
    expect(topKCategoricalAccuracy([[0, 0, 1], [0, 1, 0]], [[0.1, 0.9, 0.8], [0.05, 0.95, 0]], { k: 1 }).toArray()).toEqual([0, 1]);
    expect(sparseTopKCategoricalAccuracy([2, 1], [[0.1, 0.9, 0.8], [0.05, 0.95, 0]], { k: 1 }).toArray()).toEqual([0, 1]);
  });

  it('count a prediction exactly at the threshold as 0', () => {
    expect(binaryAccuracy([0, 1], [0.5, 0.5]).toArray()).toEqual([1, 0]);
    expect(binaryAccuracy([1], [0.7], { threshold: 0.7 }).toArray()).toEqual([0]);
  });

  it('break argmax ties towards the first index and top-k ties in the label’s favour', () => {
    expect(categoricalAccuracy([[1, 0]], [[0.5, 0.5]]).toArray()).toEqual([1]);
    expect(sparseTopKCategoricalAccuracy([1], [[0.5, 0.5, 0.1]], { k: 1 }).toArray()).toEqual([1]);
    expect(sparseTopKCategoricalAccuracy([5, -1], [[0.5, 0.5], [1, 0]], { k: 2 }).toArray()).toEqual([0, 0]);
  });

  it('handle [batch, 1] labels and sorted ids', () => {
    expect(sparseCategoricalAccuracy([[2], [1]], [[0.1, 0.6, 0.3], [0.05, 0.95, 0]]).toArray()).toEqual([0, 1]);
    expect(sparseTopKCategoricalAccuracy([[2], [1]], [[0.1, 0.9, 0.8], [0.05, 0.95, 0]], { k: 2 }).toArray()).toEqual([[1], [1]]);
    expect(sparseTopKCategoricalAccuracy([2, 1], [[1, 2, 0], [0, 2, 1]], { k: 2, fromSortedIds: true }).toArray()).toEqual([1, 0]);
  });

  it('reject labels that do not fit the predictions', () => {
    expect(() => sparseTopKCategoricalAccuracy([1, 2, 0], [[0.1, 0.9]])).toThrow(ShapeError);
    expect(() => sparseTopKCategoricalAccuracy([1, 2, 0], [[0.1, 0.9]])).toThrow(/received 3 labels for yPred.shape=\(1, 2\)/);
    expect(() => accuracy([1, 2, 3], [1, 2])).toThrow(/accuracy: yTrue and yPred must have broadcastable shapes/);
  });
});

describe('accuracy metrics', () => {
  it('average hits over batches, weighted', () => {
    const m = new Accuracy();
    m.updateState([1, 2, 3, 4], [1, 2, 0, 4]);
    expect(m.result()).toBe(0.75);
    m.updateState([1, 2], [0, 2], [3, 1]);
    expect(m.result()).toBeCloseTo(4 / 8, 6);
  });

  it('BinaryAccuracy reads its threshold', () => {
    const m = new BinaryAccuracy({ threshold: 0.9 });
    m.updateState([[1], [1], [0], [0]], [[0.98], [0.8], [0], [0.6]]);
    expect(m.result()).toBe(0.75);
    expect(m.getConfig()).toEqual({ name: 'binary_accuracy', dtype: 'float32', threshold: 0.9 });
  });

  it('top-k metrics check k and write from_sorted_ids only when set', () => {
    expect(() => new TopKCategoricalAccuracy({ k: 0 })).toThrow(/TopKCategoricalAccuracy: k must be a positive integer, received k=0/);
    expect(new SparseTopKCategoricalAccuracy().getConfig()).toEqual({ name: 'sparse_top_k_categorical_accuracy', dtype: 'float32', k: 5 });
    expect(new SparseTopKCategoricalAccuracy({ fromSortedIds: true }).getConfig()['from_sorted_ids']).toBe(true);
    const m = new SparseTopKCategoricalAccuracy({ k: 1 });
    m.updateState(tensor([2, 1], undefined, 'int32'), [[0.1, 0.9, 0.8], [0.05, 0.95, 0]]);
    expect(m.result()).toBe(0.5);
  });
});
