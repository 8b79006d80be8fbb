import { ShapeError, ValueError, tensor } from '@strata/tensor';
import { checkGradients, expectClose } from '@strata/tensor/testing';
import {
  cosineSimilarity,
  huber,
  logCosh,
  meanAbsoluteError,
  meanAbsolutePercentageError,
  meanSquaredError,
  meanSquaredLogarithmicError,
} from './regression-functions';

describe('regression loss functions', () => {
  it('give the per-sample values of their TSDoc examples', () => {
    expectClose(meanSquaredError([[0, 1], [0, 0]], [[1, 1], [1, 0]]), [0.5, 0.5]);
    expectClose(meanAbsoluteError([[1, 0.3, 1]], [[1.9, 0.3, 1.8]]), [0.5666667]);
    expectClose(meanAbsolutePercentageError([[100, 200, 300]], [[90, 210, 310]]), [6.1111116]);
    expectClose(meanSquaredLogarithmicError([[0, 1]], [[1, 1]]), [0.24022643]);
    expectClose(cosineSimilarity([[0, 1], [1, 1]], [[1, 0], [1, 1]]), [0, -0.99999994]);
    expectClose(huber([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]]), [0.18, 0.13]);
    expectClose(logCosh([[0, 1], [0, 0]], [[1, 1], [0, 0]]), [0.2168904, 0]);
  });

  it('reduce the last axis only', () => {
    expect(meanSquaredError([[[1, 2]], [[3, 4]]], [[[0, 0]], [[0, 0]]]).shape).toEqual([2, 1]);
    expect(meanSquaredError([1, 2, 3], [1, 2, 5]).shape).toEqual([]);
  });

  it('match a trailing size-1 axis and broadcast like Keras', () => {
    expectClose(meanSquaredError([1, 0], [[0.5], [0.5]]), [0.25, 0.25]);
    expectClose(meanSquaredError([[1, 2]], [[0, 0], [1, 1]]), [2.5, 0.5]);
  });

  it('keep MAPE and MSLE finite at zero targets and negative predictions', () => {
    expectClose(meanAbsolutePercentageError([[0]], [[1e-7]]), [100], 1e-5);
    expectClose(meanSquaredLogarithmicError([[-3]], [[1e-7]]), [0]);
  });

  it('switch Huber from quadratic to linear at delta', () => {
    expectClose(huber([[0, 0]], [[0.5, 3]], { delta: 1 }), [(0.125 + 2.5) / 2]);
    expectClose(huber([[0]], [[3]], { delta: 2 }), [4]);
  });

  it('keep log-cosh finite for huge errors', () => {
    expectClose(logCosh([[0]], [[1000]]), [1000 - Math.log(2)]);
  });

  it('give a zero cosine similarity for a zero vector', () => {
    expectClose(cosineSimilarity([[0, 0]], [[1, 1]]), [0]);
    expectClose(cosineSimilarity([[1, 0], [0, 1]], [[2, 0], [0, -3]], { axis: 0 }), [-1, 1]);
  });

  it('have the gradients finite differences give', () => {
    const t = tensor([[0.5, -1, 2], [1.5, 0.3, -0.7]]);
    const p = tensor([[0.1, -0.2, 2.9], [1, 1, 0.2]]);
    for (const fn of [meanSquaredError, meanAbsoluteError, meanAbsolutePercentageError, meanSquaredLogarithmicError, logCosh, huber]) {
      checkGradients((x) => fn(t, x), [p], { eps: 1e-3 });
    }
    checkGradients((x) => cosineSimilarity(t, x), [p], { eps: 1e-3 });
    checkGradients((x) => huber(t, x, { delta: 0.5 }), [p], { eps: 1e-3 });
  });

  it('reject shapes that do not broadcast, naming both', () => {
    expect(() => meanSquaredError([[1, 2, 3]], [[1, 2]])).toThrow(ShapeError);
    expect(() => meanSquaredError([[1, 2, 3]], [[1, 2]])).toThrow(
      /meanSquaredError: yTrue and yPred must have broadcastable shapes, received yTrue.shape=\(1, 3\), yPred.shape=\(1, 2\)/,
    );
    expect(() => huber([[1, 2, 3]], [[1, 2]])).toThrow(/^huber: /);
  });

  it('reject bad options, naming the value', () => {
    expect(() => huber([1], [1], { delta: 'big' as unknown as number })).toThrow(ValueError);
    expect(() => huber([1], [1], { delta: 'big' as unknown as number })).toThrow(/delta='big'/);
    expect(() => cosineSimilarity([1], [1], { axis: 0.5 })).toThrow(/axis=0.5/);
  });
});
